/**
 * Hash routes, so the server only ever has to serve index.html at `/`:
 * `#/` documents, `#/login`, `#/documents/<id>`.
 */
import { useSyncExternalStore } from 'react'

export type Route = { page: 'documents' } | { page: 'login' } | { page: 'editor'; documentId: string }

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '')
  if (path === '/login') return { page: 'login' }
  const editor = /^\/documents\/([^/]+)$/.exec(path)
  if (editor) return { page: 'editor', documentId: decodeURIComponent(editor[1]!) }
  return { page: 'documents' }
}

export function hrefFor(route: Route): string {
  switch (route.page) {
    case 'documents':
      return '#/'
    case 'login':
      return '#/login'
    case 'editor':
      return `#/documents/${encodeURIComponent(route.documentId)}`
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route)
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash)
}
