/** Reading the items of threads in the guard's scratch document, where deleted content stays. */
import * as Y from 'yjs'
import { limits } from '../../shared/limits.ts'
import type { SharedType } from '../../shared/sync/shared-type.ts'

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

interface TypePlace {
  root: SharedType
  /** Items above the type's own content: 0 for a root, 1 for a type held by an item in a root. */
  depth: number
}

/**
 * The root and depth of types, remembered per type: every item a transaction touched asks for its
 * parent's, and walking each up to its root would cost the depth for every item.
 */
export class TypeRoots {
  private readonly known = new Map<SharedType, TypePlace>()

  /** Null for a type nested deeper than `limits.maxContentDepth`: such an update is refused before. */
  of(type: SharedType): TypePlace | null {
    const walked: SharedType[] = []
    let current = type
    let found = this.known.get(current)
    while (found === undefined) {
      if (current._item === null) {
        found = { root: current, depth: 0 }
        this.known.set(current, found)
        break
      }
      walked.push(current)
      if (walked.length > limits.maxContentDepth) return null
      current = current._item.parent as SharedType
      found = this.known.get(current)
    }
    for (let index = walked.length - 1; index >= 0; index--) {
      found = { root: found.root, depth: found.depth + 1 }
      this.known.set(walked[index]!, found)
    }
    return found
  }
}
