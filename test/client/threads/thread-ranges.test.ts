/** Threads mapped from a Y.Doc to ProseMirror positions and drawn as decorations; selections turned into anchors. */
import { getSchema } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { contentExtensions } from '../../../shared/schema/editor-schema.ts'
import { type ProsemirrorMapping, proseMirrorDocOf } from '../../../shared/schema/y-prosemirror.ts'
import { contentOf, pointAt } from '../../../shared/threads/thread-anchor.ts'
import { createThread, setResolved } from '../../../shared/threads/thread-edits.ts'
import { createSuggestion, rejectSuggestion } from '../../../shared/threads/suggestions.ts'
import { selectedWords, wordPoints } from '../../../client/src/threads/selection-anchor.ts'
import { threadDecorations, threadRanges } from '../../../client/src/threads/thread-ranges.ts'
import { docWithParagraphs } from '../../shared/threads/thread-fixtures.ts'

const schema = getSchema(contentExtensions())
const goals = '理解一元一次方程的概念'
const method = '先独立思考，再小组讨论'

function editorOf(doc: Y.Doc): { pm: ProseMirrorNode; mapping: ProsemirrorMapping } {
  const { doc: pm, mapping } = proseMirrorDocOf(contentOf(doc), schema)
  return { pm, mapping }
}

function firstText(doc: Y.Doc): Y.XmlText {
  return (contentOf(doc).get(0) as Y.XmlElement).toArray()[0] as Y.XmlText
}

function threadOn(doc: Y.Doc, id: string, from: number, to: number, now = 1000): void {
  const content = contentOf(doc)
  createThread(doc, {
    id,
    kind: 'question',
    authorId: 'u-wang',
    body: '为什么？',
    start: pointAt(content, from),
    end: pointAt(content, to),
    now,
  })
}

describe('threadRanges', () => {
  it('maps each open thread onto the ProseMirror positions of its words, in document order', () => {
    const doc = docWithParagraphs([goals, method])
    // `method` starts after goals and one newline in the plain text.
    threadOn(doc, 'later', goals.length + 1, goals.length + 5)
    threadOn(doc, 'first', 2, 7)
    const { pm, mapping } = editorOf(doc)
    const ranges = threadRanges(doc, mapping)
    expect(ranges.map((range) => range.id)).toEqual(['first', 'later'])
    expect(ranges.map((range) => pm.textBetween(range.from, range.to))).toEqual(['一元一次方', '先独立思'])
  })

  it('leaves out those whose words were deleted, and resolved threads unless selected', () => {
    const doc = docWithParagraphs([goals, method])
    threadOn(doc, 'resolved', 0, 2)
    threadOn(doc, 'deleted', 2, 4)
    threadOn(doc, 'open', goals.length + 1, goals.length + 3)
    setResolved(doc, 'resolved', true, 'u-wang')
    const text = firstText(doc)
    text.delete(2, 2)
    const { mapping } = editorOf(doc)
    expect(threadRanges(doc, mapping).map((range) => range.id)).toEqual(['open'])
    expect(threadRanges(doc, mapping, 'resolved').map((range) => range.id)).toEqual(['resolved', 'open'])
  })

  it('maps a thread on the very first words of the document (y-tiptap answers null for that place)', () => {
    const doc = docWithParagraphs([goals])
    threadOn(doc, 'first', 0, 2)
    const { pm, mapping } = editorOf(doc)
    expect(threadRanges(doc, mapping).map((range) => pm.textBetween(range.from, range.to))).toEqual(['理解'])
  })

  it('gives a pending suggestion its replacement, and draws a decided one no more', () => {
    const doc = docWithParagraphs([goals])
    const content = contentOf(doc)
    const suggestion = {
      kind: 'proposal',
      authorId: 'u-li',
      body: '',
      start: pointAt(content, 2),
      end: pointAt(content, 8),
    } as const
    createSuggestion(doc, { ...suggestion, id: 's1', replacement: '方程' })
    createSuggestion(doc, { ...suggestion, id: 's2', replacement: '' })
    const { mapping } = editorOf(doc)
    expect(threadRanges(doc, mapping).map((range) => [range.id, range.replacement])).toEqual([
      ['s1', '方程'],
      ['s2', ''],
    ])
    rejectSuggestion(doc, 's2', 'u-wang')
    expect(threadRanges(doc, mapping).map((range) => range.id)).toEqual(['s1'])
  })
})

describe('threadDecorations', () => {
  it('highlights each range in its kind, the selected one marked, and clicks find it by id', () => {
    const doc = docWithParagraphs([goals])
    threadOn(doc, 't1', 2, 7)
    threadOn(doc, 't2', 5, 9)
    const { pm, mapping } = editorOf(doc)
    const set = threadDecorations(threadRanges(doc, mapping), pm, { selectedId: 't2', colorOf: () => '#1971c2' })
    const found = set.find().map((decoration) => ({
      from: decoration.from,
      to: decoration.to,
      attrs: (decoration as unknown as { type: { attrs: Record<string, string> } }).type.attrs,
    }))
    expect(found).toHaveLength(2)
    expect(found.find((d) => d.attrs['data-thread-id'] === 't1')?.attrs['class']).toBe('thread-highlight kind-question')
    expect(found.find((d) => d.attrs['data-thread-id'] === 't2')?.attrs['class']).toBe(
      'thread-highlight kind-question is-selected',
    )
  })

  it('strikes a suggestion through in its author’s colour and inserts its words after it', () => {
    const doc = docWithParagraphs([goals])
    const content = contentOf(doc)
    createSuggestion(doc, {
      id: 's1',
      kind: 'proposal',
      authorId: 'u-li',
      body: '',
      start: pointAt(content, 2),
      end: pointAt(content, 8),
      replacement: '方程',
    })
    const { pm, mapping } = editorOf(doc)
    const set = threadDecorations(threadRanges(doc, mapping), pm, {
      selectedId: null,
      colorOf: (id) => (id === 'u-li' ? '#1971c2' : '#000000'),
    })
    const [struck, inserted] = set.find()
    expect((struck as unknown as { type: { attrs: Record<string, string> } }).type.attrs).toMatchObject({
      class: 'thread-highlight suggestion-delete',
      style: '--author-color: #1971c2',
      'data-testid': 'suggestion-delete',
    })
    expect(pm.textBetween(struck!.from, struck!.to)).toBe('一元一次方程')
    expect(inserted!.from).toBe(struck!.to)
    expect(inserted!.spec).toMatchObject({ side: 1 })
  })

  it('skips a range past the end of a document the mapping is behind', () => {
    const doc = docWithParagraphs([goals])
    const { pm } = editorOf(doc)
    const set = threadDecorations(
      [{ id: 't1', kind: 'question', authorId: 'u', from: 1, to: pm.content.size + 5, replacement: null }],
      pm,
      {
        selectedId: null,
        colorOf: () => '#000000',
      },
    )
    expect(set.find()).toEqual([])
  })
})

describe('selectedWords and wordPoints', () => {
  it('turns a selection into the text points of a new thread, whose quote is the selected words', () => {
    const doc = docWithParagraphs([goals, method])
    const { pm, mapping } = editorOf(doc)
    // Position 1 is the start of the first paragraph's text.
    const words = selectedWords(pm, 3, 8, contentOf(doc), mapping)!
    expect(words.quote).toBe('一元一次方')
    const points = wordPoints(doc, words)!
    expect(points.oneParagraph).toBe(true)
    createThread(doc, { id: 't1', kind: 'proposal', authorId: 'u', body: '', start: points.start, end: points.end })
    expect(threadRanges(doc, mapping).map((range) => pm.textBetween(range.from, range.to))).toEqual(['一元一次方'])
  })

  it('narrows a selection of whole paragraphs to their text and says it spans more than one', () => {
    const doc = docWithParagraphs([goals, method])
    const { pm, mapping } = editorOf(doc)
    const words = selectedWords(pm, 0, pm.content.size, contentOf(doc), mapping)!
    expect(words.quote).toBe(`${goals}\n${method}`)
    expect(wordPoints(doc, words)?.oneParagraph).toBe(false)
  })

  it('finds no words in an empty selection, and none once they were deleted', () => {
    const doc = docWithParagraphs([goals])
    const { pm, mapping } = editorOf(doc)
    expect(selectedWords(pm, 3, 3, contentOf(doc), mapping)).toBeNull()
    const words = selectedWords(pm, 3, 5, contentOf(doc), mapping)!
    firstText(doc).delete(0, goals.length)
    expect(wordPoints(doc, words)).toBeNull()
  })
})
