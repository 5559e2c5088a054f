/**
 * Where one end of the local selection belongs after a colleague's change (docs/EDITING.md, EDIT-1).
 *
 * An end is held by the characters on either side of it, as Yjs relative positions. While such a
 * character still exists, Yjs knows exactly where it is now, whatever was typed or deleted around it.
 * Only when the remote change deleted them (the words were deleted, or Enter/Backspace made the
 * binding rebuild them as new items in another paragraph) is the end placed from the documents
 * before and after: beside the change if it lay outside what changed, else where the words were.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { relativePositionToAbsolutePosition } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { relativePositionOf } from '../../../shared/schema/y-prosemirror.ts'
import type { BoundContent } from './sync-binding.ts'

export interface CaretAnchor {
  /** The character before the end, or the start of its text when there is none. */
  before: Y.RelativePosition
  /** The character after the end, or the end of its text; `null` when the end is not in text. */
  after: Y.RelativePosition | null
  /** The end's position in the editor's document when it was taken. */
  position: number
}

/** Takes the anchor of `position`; the editor's document must be the one the Yjs content holds. */
export function anchorCaret(content: BoundContent, position: number): CaretAnchor {
  const before = relativePositionOf(position, content.type, content.mapping)
  const absolute = Y.createAbsolutePositionFromRelativePosition(before, content.doc)
  const after =
    absolute?.type instanceof Y.XmlText ? Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, 0) : null
  return { before, after, position }
}

/**
 * Where the anchored end is in `now`, the document the binding made of the changed Yjs content;
 * `null` when neither the characters nor the change tell (the binding's own guess then stands).
 */
export function placeCaret(
  content: BoundContent,
  anchor: CaretAnchor,
  then: ProseMirrorNode,
  now: ProseMirrorNode,
): number | null {
  const resolve = (relative: Y.RelativePosition) => {
    const position = relativePositionToAbsolutePosition(content.doc, content.type, relative, content.mapping)
    return position !== null && position >= 0 && position <= now.content.size ? position : null
  }
  const { before, after } = anchor
  if (before.item !== null && isAlive(content.doc, before.item)) return resolve(before)
  if (after?.item && isAlive(content.doc, after.item)) return resolve(after)
  // An empty text, or the start or end of a block with nothing but the block around it.
  if (before.item === null && after?.item == null && before.type !== null && isAlive(content.doc, before.type))
    return resolve(before)
  const beside = positionBesideChange(then, now, anchor.position)
  if (beside !== null) return beside
  const where = resolve(before)
  return where !== null && now.resolve(where).parent.isTextblock ? where : null
}

function isAlive(doc: Y.Doc, id: Y.ID): boolean {
  if (id.clock >= Y.getState(doc.store, id.client)) return false
  const struct = Y.getItem(doc.store, id)
  return struct instanceof Y.Item && !struct.deleted
}

/**
 * `position` carried from `then` to `now` across the one span in which they differ; `null` when it
 * lay inside that span. The ends of the span are found from both sides, as ProseMirror reads a change
 * from the DOM; where repeated text lets them cross, the end moves forward until they do not.
 */
export function positionBesideChange(then: ProseMirrorNode, now: ProseMirrorNode, position: number): number | null {
  const start = then.content.findDiffStart(now.content)
  if (start === null) return position
  if (position <= start) return position
  const end = then.content.findDiffEnd(now.content)
  if (end === null) return position
  const overlap = Math.max(0, start - Math.min(end.a, end.b))
  if (position >= end.a + overlap) return position + end.b - end.a
  return null
}
