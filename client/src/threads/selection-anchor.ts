/**
 * The words a new thread is about, taken from the editor's selection. They are held as Yjs relative
 * positions while the author writes the thread, so colleagues' typing meanwhile does not move them,
 * and turned into the text points `createThread` wants when it is sent.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import * as Y from 'yjs'
import { type ProsemirrorMapping, relativePositionOf } from '../../../shared/schema/y-prosemirror.ts'
import type { TextPoint } from '../../../shared/threads/thread-anchor.ts'

export interface SelectedWords {
  start: Y.RelativePosition
  end: Y.RelativePosition
  /** The selected text, as the composer shows it. */
  quote: string
}

/** The selection from `from` to `to` narrowed to the text it covers; `null` when it covers no text. */
export function selectedWords(
  doc: ProseMirrorNode,
  from: number,
  to: number,
  content: Y.XmlFragment,
  mapping: ProsemirrorMapping,
): SelectedWords | null {
  let first: number | null = null
  let last: number | null = null
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText) return true
    first ??= Math.max(from, pos)
    last = Math.min(to, pos + node.nodeSize)
    return false
  })
  if (first === null || last === null || first >= last) return null
  return {
    start: relativePositionOf(first, content, mapping),
    end: relativePositionOf(last, content, mapping),
    quote: doc.textBetween(first, last, '\n'),
  }
}

export interface WordPoints {
  start: TextPoint
  end: TextPoint
  /** Both ends in one text node: a suggestion is limited to that. */
  oneParagraph: boolean
}

/** Where the selected words are now; `null` once they were deleted. */
export function wordPoints(doc: Y.Doc, words: SelectedWords): WordPoints | null {
  const start = textPoint(doc, words.start)
  const end = textPoint(doc, words.end)
  if (!start || !end) return null
  if (start.text === end.text && start.offset >= end.offset) return null
  return { start, end, oneParagraph: start.text === end.text }
}

function textPoint(doc: Y.Doc, position: Y.RelativePosition): TextPoint | null {
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc)
  return absolute && absolute.type instanceof Y.XmlText ? { text: absolute.type, offset: absolute.index } : null
}
