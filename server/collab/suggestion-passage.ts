/**
 * Whether a suggestion's passage held exactly its quoted words just before a transaction, read from
 * the scratch document after it (deleted items keep their content there: `gc: false`). The client
 * accepts only a pending suggestion (`shared/threads/suggestions.ts`), but it judges by its own copy:
 * one that had not yet seen an edit of the words, or another accepted suggestion on overlapping
 * words, would apply the suggestion to text it was not made for. The room sees every change in order.
 *
 * Where a split or a join rebuilt the quoted words, the client found them again by the quote
 * (`shared/threads/passage-place.ts`); the room does the same on the text as it was before.
 */
import * as Y from 'yjs'
import { type AnchorEnd, placePassage, type TextSpan } from '../../shared/threads/passage-place.ts'
import { contentOf } from '../../shared/threads/thread-anchor.ts'

/** `existedBefore(item)`: the item was there, not deleted, before the transaction. */
export function quotedBefore(
  suggestion: Y.Map<unknown>,
  doc: Y.Doc,
  existedBefore: (item: Y.Item) => boolean,
): boolean {
  return quotedByAnchor(suggestion, doc, existedBefore) || quotedWhereMoved(suggestion, doc, existedBefore)
}

function quotedByAnchor(suggestion: Y.Map<unknown>, doc: Y.Doc, existedBefore: (item: Y.Item) => boolean): boolean {
  const quote = suggestion.get('quote')
  const start = itemAt(doc, suggestion.get('anchorStart'))
  const end = itemAt(doc, suggestion.get('anchorEnd'))
  if (typeof quote !== 'string' || !start || !end || !existedBefore(start.item) || !existedBefore(end.item))
    return false
  let text = ''
  let offset = start.offset
  // Siblings to the right, in the same text node: the passage never leaves it.
  for (let item: Y.Item | null = start.item; item !== null; item = item.right, offset = 0) {
    const isEnd = item === end.item
    const until = isEnd ? end.offset + 1 : item.length
    if (existedBefore(item) && item.countable && until > offset) {
      text +=
        item.content instanceof Y.ContentString
          ? item.content.str.slice(offset, until)
          : '\ufffc'.repeat(until - offset)
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

/** The text before the transaction, as `plainText` reads it now: its text nodes joined by newlines. */
interface TextBefore {
  text: string
  spans: TextSpan[]
  nodes: Y.XmlText[]
}

function quotedWhereMoved(suggestion: Y.Map<unknown>, doc: Y.Doc, existedBefore: (item: Y.Item) => boolean): boolean {
  const quote = suggestion.get('quote')
  if (typeof quote !== 'string') return false
  const before = textBefore(contentOf(doc), existedBefore)
  const start = endBefore(doc, suggestion.get('anchorStart'), before, existedBefore)
  const end = endBefore(doc, suggestion.get('anchorEnd'), before, existedBefore)
  const placed = placePassage(before.text, before.spans, quote, start, end)
  if (!placed?.relocated || before.text.slice(placed.from, placed.to) !== quote) return false
  return before.spans.some((span) => span.base <= placed.from && placed.to <= span.base + span.length)
}

function textBefore(content: Y.XmlFragment, existedBefore: (item: Y.Item) => boolean): TextBefore {
  const nodes: Y.XmlText[] = []
  const visit = (type: Y.XmlFragment): void => {
    for (let item = type._start; item !== null; item = item.right) {
      if (!existedBefore(item) || !(item.content instanceof Y.ContentType)) continue
      const child = item.content.type
      if (child instanceof Y.XmlText) nodes.push(child)
      else if (child instanceof Y.XmlElement) visit(child)
    }
  }
  visit(content)
  const spans: TextSpan[] = []
  let text = ''
  for (const node of nodes) {
    if (spans.length > 0) text += '\n'
    const base = text.length
    for (let item = node._start; item !== null; item = item.right) {
      if (!existedBefore(item) || !item.countable) continue
      text += item.content instanceof Y.ContentString ? item.content.str : '\ufffc'.repeat(item.length)
    }
    spans.push({ base, length: text.length - base })
  }
  return { text, spans, nodes }
}

/** Where an end pointed before the transaction, as `Y.createAbsolutePositionFromRelativePosition` reads it now. */
function endBefore(
  doc: Y.Doc,
  encoded: unknown,
  before: TextBefore,
  existedBefore: (item: Y.Item) => boolean,
): AnchorEnd {
  const lost = { offset: null, alive: false }
  if (!(encoded instanceof Uint8Array)) return lost
  const position = Y.decodeRelativePosition(encoded)
  const id = position.item
  if (!id || Y.getState(doc.store, id.client) <= id.clock) return lost
  const item = Y.getItem(doc.store, id)
  if (!(item instanceof Y.Item)) return lost
  const node = before.nodes.indexOf(item.parent as Y.XmlText)
  if (node === -1) return lost
  const alive = existedBefore(item)
  let index = alive && item.countable ? id.clock - item.id.clock + (position.assoc >= 0 ? 0 : 1) : 0
  for (let left = item.left; left !== null; left = left.left) {
    if (existedBefore(left) && left.countable) index += left.length
  }
  return { offset: before.spans[node]!.base + index, alive }
}
