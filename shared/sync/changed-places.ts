/**
 * What 「N 处修改未同步」 counts: the places a teacher changed, not the transactions that changed them.
 * Typing a sentence is one place however many keystrokes it took; so is retyping it, until it is saved.
 *
 * A place is a paragraph (any element holding text: a paragraph, a heading, a header field), a block
 * added or removed (pressing Enter makes the new paragraph a place of its own; joining two paragraphs
 * touches both), an element whose attributes changed, or a comment thread with everything in it.
 * Places are named by the Yjs id of their element, so the same paragraph is the same place in every
 * transaction; the unsynced count is the number of distinct places among the changes not yet saved.
 */
import * as Y from 'yjs'
import { threadsRootName } from '../threads/thread-model.ts'
import type { SharedType } from './shared-type.ts'

/** The places a transaction changed; never empty, so that no change goes uncounted. */
export function changedPlaces(transaction: Y.Transaction): string[] {
  const places = new Set<string>()
  for (const [type, keys] of transaction.changed) {
    const thread = threadOf(type)
    if (thread !== null) {
      places.add(thread)
    } else if (type._item === null && rootName(type) === threadsRootName) {
      for (const key of keys) if (key !== null) places.add(`thread:${key}`)
    } else if (type instanceof Y.XmlText) {
      places.add(placeOf(type.parent instanceof Y.XmlElement ? type.parent : type))
    } else {
      if (keys.has(null)) addChangedChildren(type, transaction, places)
      if ([...keys].some((key) => key !== null)) places.add(placeOf(type))
    }
  }
  if (places.size === 0)
    places.add(`change:${transaction.doc.clientID}:${Y.getState(transaction.doc.store, transaction.doc.clientID)}`)
  return [...places]
}

/** The number of distinct places among `changes`. */
export function countPlaces(changes: Iterable<Iterable<string>>): number {
  const places = new Set<string>()
  for (const change of changes) for (const place of change) places.add(place)
  return places.size
}

/** Children this transaction inserted or deleted: each is a place (a new paragraph, a removed one). */
function addChangedChildren(type: SharedType, transaction: Y.Transaction, places: Set<string>): void {
  const before = transaction.beforeState
  let found = false
  for (let item = type._start; item !== null; item = item.right) {
    const added = item.id.clock >= (before.get(item.id.client) ?? 0)
    if (added || (item.deleted && Y.isDeleted(transaction.deleteSet, item.id))) {
      places.add(`${item.id.client}:${item.id.clock}`)
      found = true
    }
  }
  if (!found) places.add(placeOf(type))
}

function placeOf(type: SharedType): string {
  const item = type._item
  return item === null ? `root:${rootName(type)}` : `${item.id.client}:${item.id.clock}`
}

/** The thread a type inside `threads` belongs to: the map entry right below the root. */
function threadOf(type: SharedType): string | null {
  let current = type
  while (current._item !== null) {
    const parent = current._item.parent as SharedType
    if (parent._item === null && rootName(parent) === threadsRootName) return `thread:${current._item.parentSub ?? ''}`
    current = parent
  }
  return null
}

function rootName(type: SharedType): string | null {
  const doc = type.doc
  if (doc === null) return null
  for (const [name, root] of doc.share) if (root === type) return name
  return null
}
