/** Hash route of the 资源库: `#/library`. */
export type LibraryRoute = { page: 'library' }

export function parseLibraryRoute(path: string): LibraryRoute | null {
  return path === '/library' ? { page: 'library' } : null
}

export function libraryHref(): string {
  return '#/library'
}
