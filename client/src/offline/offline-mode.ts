/**
 * Whether the app works from what it remembered: the browser says it has no network, or the last
 * request that could fall back on a remembered answer did not reach the server (a school network that
 * is up but cannot reach us looks online to the browser).
 */
import { useSyncExternalStore } from 'react'

export interface ServerReachability {
  reached(): void
  unreachable(): void
}

let serverUnreachable = false
const listeners = new Set<() => void>()

function setServerUnreachable(value: boolean): void {
  if (serverUnreachable === value) return
  serverUnreachable = value
  for (const listener of listeners) listener()
}

export const serverReachability: ServerReachability = {
  reached: () => setServerUnreachable(false),
  unreachable: () => setServerUnreachable(true),
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  window.addEventListener('online', listener)
  window.addEventListener('offline', listener)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('online', listener)
    window.removeEventListener('offline', listener)
  }
}

export function useOfflineMode(): boolean {
  return useSyncExternalStore(subscribe, () => serverUnreachable || !navigator.onLine)
}
