/**
 * Where each thread sits in the editor: its anchor's Yjs relative positions mapped to ProseMirror
 * positions through the sync binding's mapping, and the decorations drawn from that — open threads
 * highlighted in their kind's colour, the selected one stronger, a pending suggestion's passage struck
 * through with the proposed words inserted after it, both in the author's colour.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { relativePositionToAbsolutePosition } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import type { ProsemirrorMapping } from '../../../shared/schema/y-prosemirror.ts'
import { contentOf, passagePositions } from '../../../shared/threads/thread-anchor.ts'
import { type ThreadKind, readThread, threadsOf } from '../../../shared/threads/thread-model.ts'

export interface ThreadRange {
  id: string
  kind: ThreadKind
  authorId: string
  from: number
  to: number
  /** The proposed words of a suggestion nobody has decided yet; `null` for a plain thread. */
  replacement: string | null
}

/**
 * Open threads whose words are still in the text, by position; resolved ones only while selected, so
 * that choosing one in the panel still shows its words, and 原文已删除 ones never.
 */
export function threadRanges(doc: Y.Doc, mapping: ProsemirrorMapping, selectedId: string | null = null): ThreadRange[] {
  const content = contentOf(doc)
  const ranges: ThreadRange[] = []
  for (const thread of threadsOf(doc).values()) {
    const view = readThread(thread)
    if (view.state !== 'open' && view.id !== selectedId) continue
    const positions = passagePositions(doc, thread)
    if (!positions) continue
    const from = editorPosition(doc, content, positions.start, mapping)
    const to = editorPosition(doc, content, positions.end, mapping)
    if (from === null || to === null || from >= to) continue
    const pending = view.suggestion && view.suggestion.decision === null
    ranges.push({
      id: view.id,
      kind: view.kind,
      authorId: view.authorId,
      from,
      to,
      replacement: pending ? view.suggestion!.replacement : null,
    })
  }
  return ranges.sort((a, b) => a.from - b.from || a.to - b.to || a.id.localeCompare(b.id))
}

function editorPosition(
  doc: Y.Doc,
  content: Y.XmlFragment,
  position: Y.RelativePosition,
  mapping: ProsemirrorMapping,
): number | null {
  const found = relativePositionToAbsolutePosition(doc, content, position, mapping)
  if (found !== null) return found
  // y-tiptap takes a position in the first text of the document for a misresolved one and answers
  // null; the same place named as "the start of that text" is not mistaken.
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc)
  if (!absolute || !(absolute.type instanceof Y.XmlText)) return null
  return relativePositionToAbsolutePosition(
    doc,
    content,
    Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, -1),
    mapping,
  )
}

export interface DecorationOptions {
  selectedId: string | null
  /** The author's colour (`#rrggbb`), for suggestions; a neutral one when unknown. */
  colorOf: (userId: string) => string
}

export function threadDecorations(
  ranges: readonly ThreadRange[],
  doc: ProseMirrorNode,
  options: DecorationOptions,
): DecorationSet {
  const decorations: Decoration[] = []
  const size = doc.content.size
  for (const range of ranges) {
    // A mapping a moment behind the document must not draw outside it.
    if (range.to > size) continue
    const selected = range.id === options.selectedId ? ' is-selected' : ''
    const attrs = { 'data-thread-id': range.id, 'data-testid': 'thread-highlight' }
    if (range.replacement === null) {
      decorations.push(
        Decoration.inline(range.from, range.to, { ...attrs, class: `thread-highlight kind-${range.kind}${selected}` }),
      )
      continue
    }
    const color = options.colorOf(range.authorId)
    decorations.push(
      Decoration.inline(range.from, range.to, {
        ...attrs,
        class: `thread-highlight suggestion-delete${selected}`,
        style: `--author-color: ${color}`,
        'data-testid': 'suggestion-delete',
      }),
    )
    if (range.replacement !== '') {
      decorations.push(
        Decoration.widget(range.to, () => insertedWords(range, color, selected), {
          side: 1,
          key: `${range.id}:${range.replacement}:${color}${selected}`,
        }),
      )
    }
  }
  return DecorationSet.create(doc, decorations)
}

function insertedWords(range: ThreadRange, color: string, selected: string): HTMLElement {
  const element = document.createElement('ins')
  element.className = `suggestion-insert${selected}`
  element.textContent = range.replacement
  element.style.setProperty('--author-color', color)
  element.dataset['threadId'] = range.id
  element.dataset['testid'] = 'suggestion-insert'
  element.contentEditable = 'false'
  return element
}
