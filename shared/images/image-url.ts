/**
 * A stored image is addressed by its id as `/api/images/{id}`: that path is the `src` of the image node,
 * so the editor shows it without any lookup, and the export finds the stored bytes by the id in it.
 * Nothing else is a valid `src`, so a document can never make a reader's browser fetch another site.
 */

const idPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export function imageUrl(id: string): string {
  return `/api/images/${id}`
}

/** The stored image's id in `src`, or null when `src` is not one of ours. */
export function storedImageId(src: unknown): string | null {
  if (typeof src !== 'string' || !src.startsWith('/api/images/')) return null
  const id = src.slice('/api/images/'.length)
  return idPattern.test(id) ? id : null
}
