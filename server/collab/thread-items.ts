/** Reading the items of threads in the guard's scratch document, where deleted content stays. */
import * as Y from 'yjs'

/**
 * A map entry of the type an item holds, deleted or not: a deleted thread's author still decides
 * who may have deleted it. The scratch document keeps deleted content (`gc: false`).
 */
export function rawGet(holder: Y.Item, key: string): unknown {
  if (!(holder.content instanceof Y.ContentType)) return undefined
  const entry = holder.content.type._map.get(key)
  if (!entry) return undefined
  const values = entry.content.getContent()
  return values[values.length - 1]
}

export function authorOf(holder: Y.Item): string {
  const author = rawGet(holder, 'authorId')
  return typeof author === 'string' ? author : ''
}
