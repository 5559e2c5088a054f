/**
 * Where a thread points in the content: two Yjs relative positions, so the range moves with concurrent
 * edits instead of with offsets. The start sticks to the first quoted character and the end to the
 * last one, so text typed just before or just after the passage stays outside it.
 *
 * Ranges are measured in the document's plain text: its text nodes in document order, joined by one
 * newline each. The editor maps the decoded relative positions (`anchorPositions`) to ProseMirror
 * positions itself (y-prosemirror's `relativePositionToAbsolutePosition`).
 */
import * as Y from 'yjs'
import { contentFragmentName } from '../schema/editor-schema.ts'

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
  /** `from`/`to`: offsets in `plainText(content)`; `text`: the words the thread is on now. */
  | { deleted: false; from: number; to: number; text: string }
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
  const from = offsetOf(nodes, Y.createAbsolutePositionFromRelativePosition(start, doc))
  const to = offsetOf(nodes, Y.createAbsolutePositionFromRelativePosition(end, doc))
  // A passage whose paragraph was removed has no place left in the text.
  if (from === null || to === null || from >= to) return { deleted: true }
  return { deleted: false, from, to, text: plainText(content).slice(from, to) }
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
