/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * Registers the service worker built by vite-plugin-pwa (client/vite.config.ts) and says when a new
 * version of the app is waiting.
 *
 * A new version never takes over an open page by itself: its code chunks would replace the ones this
 * page still loads lazily (the editor). The teacher reloads into it from the notice, when it suits
 * them; typed text is in IndexedDB either way.
 */
import { useSyncExternalStore } from 'react'
import { registerSW } from 'virtual:pwa-register'

let updateWaiting = false
let reloadRequested = false
let activateUpdate: (() => Promise<void>) | null = null
const listeners = new Set<() => void>()
/** Browsers look for a new version on each visit; a tab that stays open for days asks this often. */
const updateCheckIntervalMs = 60 * 60 * 1000

/** Not under `vite` in development: there is no worker to register, and a cached app would hide edits. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD) return
  activateUpdate = registerSW({
    onNeedRefresh: () => {
      updateWaiting = true
      for (const listener of listeners) listener()
    },
    // Every tab told of the update hears that it took over; only the one where the teacher asked
    // reloads, the others keep the page (and the editor) they have.
    onNeedReload: () => {
      if (reloadRequested) window.location.reload()
    },
    onRegisteredSW: (_url, registration) => {
      if (registration) setInterval(() => void registration.update().catch(() => {}), updateCheckIntervalMs)
    },
  })
}

/** Where another tab already activated the new version, nothing is waiting any more: a reload is all it takes. */
export async function reloadIntoUpdate(): Promise<void> {
  reloadRequested = true
  const registration = await navigator.serviceWorker?.getRegistration()
  if (registration?.waiting && activateUpdate) await activateUpdate()
  else window.location.reload()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useUpdateWaiting(): boolean {
  return useSyncExternalStore(subscribe, () => updateWaiting)
}
