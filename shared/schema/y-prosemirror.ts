/**
 * y-tiptap's bridge between Yjs content and ProseMirror nodes, with the types its own documentation
 * gives: its declarations return `any` for a relative position and `Map<any, any>` for the mapping, and
 * the casts that say what they are live here, once.
 */
import type { Node as ProseMirrorNode, Schema } from '@tiptap/pm/model'
import {
  absolutePositionToRelativePosition,
  initProseMirrorDoc,
  type relativePositionToAbsolutePosition,
} from '@tiptap/y-tiptap'
import type * as Y from 'yjs'

/** The binding's map from Yjs types to the nodes built from them: an element's node, a text's nodes. */
export type ProsemirrorMapping = Parameters<typeof relativePositionToAbsolutePosition>[3]

/** The ProseMirror document `fragment` holds, and which Yjs type each of its nodes came from. */
export function proseMirrorDocOf(
  fragment: Y.XmlFragment,
  schema: Schema,
): { doc: ProseMirrorNode; mapping: ProsemirrorMapping } {
  const { doc, mapping } = initProseMirrorDoc(fragment, schema)
  return { doc, mapping: mapping as ProsemirrorMapping }
}

/** ProseMirror position `position` as a Yjs relative position inside `type`. */
export function relativePositionOf(
  position: number,
  type: Y.XmlFragment,
  mapping: ProsemirrorMapping,
): Y.RelativePosition {
  return absolutePositionToRelativePosition(position, type, mapping) as Y.RelativePosition
}
