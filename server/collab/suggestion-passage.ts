/**
 * Whether a suggestion's passage held exactly its quoted words just before a transaction, read from
 * the scratch document after it (deleted items keep their content there: `gc: false`). The client
 * accepts only a pending suggestion (`shared/threads/suggestions.ts`), but it judges by its own copy:
 * one that had not yet seen an edit of the words, or another accepted suggestion on overlapping
 * words, would apply the suggestion to text it was not made for. The room sees every change in order.
 */
import * as Y from 'yjs'

/** `existedBefore(item)`: the item was there, not deleted, before the transaction. */
export function quotedBefore(
  suggestion: Y.Map<unknown>,
  doc: Y.Doc,
  existedBefore: (item: Y.Item) => boolean,
): boolean {
  const quote = suggestion.get('quote')
  const start = itemAt(doc, suggestion.get('anchorStart'))
  const end = itemAt(doc, suggestion.get('anchorEnd'))
  if (typeof quote !== 'string' || !start || !end || !existedBefore(start.item) || !existedBefore(end.item)) return false
  let text = ''
  let offset = start.offset
  // Siblings to the right, in the same text node: the passage never leaves it.
  for (let item: Y.Item | null = start.item; item !== null; item = item.right, offset = 0) {
    const isEnd = item === end.item
    const until = isEnd ? end.offset + 1 : item.length
    if (existedBefore(item) && item.countable && until > offset) {
      text += item.content instanceof Y.ContentString ? item.content.str.slice(offset, until) : '\ufffc'.repeat(until - offset)
    }
    if (isEnd || text.length > quote.length) return isEnd && text === quote
  }
  return false
}

/** The item holding the character an encoded relative position sticks to, and its offset in it. */
function itemAt(doc: Y.Doc, encoded: unknown): { item: Y.Item; offset: number } | null {
  if (!(encoded instanceof Uint8Array)) return null
  const id = Y.decodeRelativePosition(encoded).item
  if (!id || Y.getState(doc.store, id.client) <= id.clock) return null
  const item = Y.getItem(doc.store, id)
  return item instanceof Y.Item ? { item, offset: id.clock - item.id.clock } : null
}
