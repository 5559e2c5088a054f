/**
 * Where a thread points in the content: two Yjs relative positions, so the range moves with concurrent
 * edits instead of with offsets. The start sticks to the first quoted character and the end to the
 * last one, so text typed just before or just after the passage stays outside it.
 *
 * Ranges are measured in the document's plain text: its text nodes in document order, joined by one
 * newline each. The editor maps the relative positions of `passagePositions` to ProseMirror positions
 * itself (y-prosemirror's `relativePositionToAbsolutePosition`).
 *
 * The stored anchor never changes. Where its ends died because a split or a join rebuilt the quoted
 * words (`passage-place.ts`), the passage is found again from the same document state on every copy.
 */
import * as Y from 'yjs'
import { contentFragmentName } from '../schema/editor-schema.ts'
import { placePassage, type TextSpan } from './passage-place.ts'

/** A place between two characters of one text node of the content. */
export interface TextPoint {
  text: Y.XmlText
  offset: number
}

export interface EncodedAnchor {
  anchorStart: Uint8Array
  anchorEnd: Uint8Array
}

export type ResolvedAnchor =
  /**
   * `from`/`to`: offsets in `plainText(content)`; `text`: the words the thread is on now; `relocated`:
   * not where the anchor's ends point, but found again by the quote or cut short to what is left.
   */
  | { deleted: false; from: number; to: number; text: string; relocated: boolean }
  /** Every quoted word is gone (原文已删除): the thread keeps its quote. */
  | { deleted: true }

export function contentOf(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(contentFragmentName)
}

/** The live text nodes of the content, in document order. */
export function textNodes(content: Y.XmlFragment): Y.XmlText[] {
  const found: Y.XmlText[] = []
  const visit = (node: Y.XmlFragment | Y.XmlElement): void => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) found.push(child)
      else if (child instanceof Y.XmlElement) visit(child)
    }
  }
  visit(content)
  return found
}

export function plainText(content: Y.XmlFragment): string {
  return textNodes(content).map(textOf).join('\n')
}

/** Formatting left out; an embedded object counts as one character, as in the node's length. */
function textOf(node: Y.XmlText): string {
  const ops = node.toDelta() as { insert: unknown }[]
  return ops.map((op) => (typeof op.insert === 'string' ? op.insert : '\ufffc')).join('')
}

/** The point at `offset` in `plainText(content)`; an offset on a newline is the end of the text before it. */
export function pointAt(content: Y.XmlFragment, offset: number): TextPoint {
  let base = 0
  const nodes = textNodes(content)
  for (const node of nodes) {
    if (offset <= base + node.length) return { text: node, offset: offset - base }
    base += node.length + 1
  }
  const last = nodes.at(-1)
  if (!last) throw new RangeError('the content has no text')
  return { text: last, offset: last.length }
}

export function encodeAnchor(start: TextPoint, end: TextPoint): EncodedAnchor {
  return {
    anchorStart: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(start.text, start.offset, 0)),
    anchorEnd: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(end.text, end.offset, -1)),
  }
}

/** The anchor's relative positions, for the editor to map into its own positions. */
export function anchorPositions(thread: Y.Map<unknown>): { start: Y.RelativePosition; end: Y.RelativePosition } {
  return {
    start: Y.decodeRelativePosition(thread.get('anchorStart') as Uint8Array),
    end: Y.decodeRelativePosition(thread.get('anchorEnd') as Uint8Array),
  }
}

export function resolveAnchor(doc: Y.Doc, thread: Y.Map<unknown>): ResolvedAnchor {
  const content = contentOf(doc)
  const { start, end } = anchorPositions(thread)
  const nodes = textNodes(content)
  const spans: TextSpan[] = []
  let base = 0
  for (const node of nodes) {
    spans.push({ base, length: node.length })
    base += node.length + 1
  }
  const text = plainText(content)
  const endOf = (position: Y.RelativePosition) => ({
    offset: offsetOf(nodes, Y.createAbsolutePositionFromRelativePosition(position, doc)),
    alive: isAlive(doc, position),
  })
  const quote = thread.get('quote')
  const placed = placePassage(text, spans, typeof quote === 'string' ? quote : '', endOf(start), endOf(end))
  if (!placed) return { deleted: true }
  return { deleted: false, ...placed, text: text.slice(placed.from, placed.to) }
}

/**
 * Relative positions of the passage where `resolveAnchor` places it: the stored ones, or fresh ones for
 * a relocated passage (never written back); null for 原文已删除.
 */
export function passagePositions(
  doc: Y.Doc,
  thread: Y.Map<unknown>,
): { start: Y.RelativePosition; end: Y.RelativePosition } | null {
  const stored = anchorPositions(thread)
  // Two live ends keep their order, so they are the passage; the editor maps this on every change.
  if (isAlive(doc, stored.start) && isAlive(doc, stored.end)) return stored
  const anchor = resolveAnchor(doc, thread)
  if (anchor.deleted) return null
  if (!anchor.relocated) return stored
  const content = contentOf(doc)
  const start = pointAt(content, anchor.from)
  const end = pointAt(content, anchor.to)
  return {
    start: Y.createRelativePositionFromTypeIndex(start.text, start.offset, 0),
    end: Y.createRelativePositionFromTypeIndex(end.text, end.offset, -1),
  }
}

/** Whether the character a relative position sticks to is still in the document. */
export function isAlive(doc: Y.Doc, position: Y.RelativePosition): boolean {
  if (!position.item || Y.getState(doc.store, position.item.client) <= position.item.clock) return false
  const item = Y.getItem(doc.store, position.item)
  return item instanceof Y.Item && !item.deleted
}

function offsetOf(nodes: readonly Y.XmlText[], position: Y.AbsolutePosition | null): number | null {
  if (!position) return null
  let base = 0
  for (const node of nodes) {
    if (node === position.type) return base + position.index
    base += node.length + 1
  }
  return null
}
