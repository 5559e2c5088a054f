import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { contentOf, plainText, pointAt, textNodes } from '../../../shared/threads/thread-anchor.ts'
import { readThread, threadsOf } from '../../../shared/threads/thread-model.ts'
import {
  acceptSuggestion,
  createSuggestion,
  rejectSuggestion,
  suggestionStatus,
} from '../../../shared/threads/suggestions.ts'
import { docWithParagraphs } from './thread-fixtures.ts'

const goals = '理解一元一次方程的概念'
const method = '先独立思考，再小组讨论'

function suggest(doc: Y.Doc, from: number, to: number, replacement: string, id = 's1'): string {
  const content = contentOf(doc)
  return createSuggestion(doc, {
    id,
    kind: 'proposal',
    authorId: 'wang',
    body: '换个说法',
    start: pointAt(content, from),
    end: pointAt(content, to),
    replacement,
    now: 1000,
  })
}

const text = (doc: Y.Doc) => plainText(contentOf(doc))

describe('a suggestion', () => {
  it('is a thread that carries its replacement, undecided', () => {
    const doc = docWithParagraphs([goals])
    suggest(doc, 2, 8, '方程')
    expect(readThread(threadsOf(doc).get('s1')!)).toMatchObject({
      kind: 'proposal',
      quote: '一元一次方程',
      state: 'open',
      suggestion: { replacement: '方程', decision: null, decidedBy: null, decidedAt: null },
    })
    expect(suggestionStatus(doc, 's1')).toBe('pending')
  })

  it('stays within one paragraph and needs words to replace', () => {
    const doc = docWithParagraphs([goals, method])
    expect(() => suggest(doc, 8, goals.length + 3, '')).toThrow(/one paragraph/)
    expect(() => suggest(doc, 4, 4, '二')).toThrow(/words it replaces/)
    expect(threadsOf(doc).size).toBe(0)
  })

  it('arrives in one update, thread and replacement together', () => {
    const doc = docWithParagraphs([goals])
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    suggest(doc, 2, 8, '方程')
    expect(updates).toHaveLength(1)
  })

  it('is accepted as an edit of the content, recorded and resolved in one transaction', () => {
    const doc = docWithParagraphs([goals, method])
    suggest(doc, 2, 8, '二元一次方程组')
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    acceptSuggestion(doc, 's1', 'chen', 2000)
    expect(updates).toHaveLength(1)
    expect(text(doc)).toBe(`理解二元一次方程组的概念\n${method}`)
    expect(suggestionStatus(doc, 's1')).toBe('accepted')
    expect(readThread(threadsOf(doc).get('s1')!)).toMatchObject({
      state: 'resolved',
      resolvedBy: 'chen',
      resolvedAt: 2000,
      suggestion: { replacement: '二元一次方程组', decision: 'accepted', decidedBy: 'chen', decidedAt: 2000 },
    })
  })

  it('with an empty replacement deletes the passage', () => {
    const doc = docWithParagraphs([method])
    suggest(doc, 5, 9, '')
    acceptSuggestion(doc, 's1', 'chen')
    expect(text(doc)).toBe('先独立思考讨论')
  })

  it('keeps the formatting of the first replaced character', () => {
    const doc = docWithParagraphs([goals])
    const node = textNodes(contentOf(doc))[0]!
    node.format(2, 4, { bold: {} })
    suggest(doc, 2, 8, '二元一次方程组')
    acceptSuggestion(doc, 's1', 'chen')
    expect(node.toDelta()).toEqual([
      { insert: '理解' },
      { insert: '二元一次方程组', attributes: { bold: {} } },
      { insert: '的概念' },
    ])
  })

  it('is rejected without touching the content, and the decision is kept', () => {
    const doc = docWithParagraphs([goals])
    suggest(doc, 2, 8, '方程')
    rejectSuggestion(doc, 's1', 'chen', 3000)
    expect(text(doc)).toBe(goals)
    expect(suggestionStatus(doc, 's1')).toBe('rejected')
    expect(readThread(threadsOf(doc).get('s1')!)).toMatchObject({
      state: 'resolved',
      resolvedBy: 'chen',
      suggestion: { decision: 'rejected', decidedBy: 'chen', decidedAt: 3000 },
    })
  })

  it('is decided once only', () => {
    const doc = docWithParagraphs([goals])
    suggest(doc, 2, 8, '方程')
    acceptSuggestion(doc, 's1', 'chen')
    expect(() => acceptSuggestion(doc, 's1', 'chen')).toThrow('这条建议已经接受过了')
    expect(() => rejectSuggestion(doc, 's1', 'chen')).toThrow('这条建议已经接受过了')
    expect(text(doc)).toBe('理解方程的概念')
  })

  it('goes stale when its words change, and can then only be rejected', () => {
    const doc = docWithParagraphs([goals])
    suggest(doc, 2, 8, '方程')
    textNodes(contentOf(doc))[0]!.insert(4, '（一）')
    expect(suggestionStatus(doc, 's1')).toBe('stale')
    expect(() => acceptSuggestion(doc, 's1', 'chen')).toThrow(/原文已经改动/)
    expect(text(doc)).toBe('理解一元（一）一次方程的概念')
    rejectSuggestion(doc, 's1', 'chen')
    expect(suggestionStatus(doc, 's1')).toBe('rejected')
  })

  it('stays pending while text is typed right before or after its words', () => {
    const doc = docWithParagraphs([goals])
    suggest(doc, 2, 8, '方程')
    const node = textNodes(contentOf(doc))[0]!
    node.insert(8, '后')
    node.insert(2, '前')
    expect(suggestionStatus(doc, 's1')).toBe('pending')
    acceptSuggestion(doc, 's1', 'chen')
    expect(text(doc)).toBe('理解前方程后的概念')
  })

  it('goes stale when its words or its paragraph are deleted', () => {
    const doc = docWithParagraphs([goals, method])
    suggest(doc, 2, 8, '方程', 'words')
    suggest(doc, goals.length + 1, goals.length + 3, '首先', 'paragraph')
    textNodes(contentOf(doc))[0]!.delete(0, goals.length)
    contentOf(doc).delete(1, 1)
    expect(suggestionStatus(doc, 'words')).toBe('stale')
    expect(suggestionStatus(doc, 'paragraph')).toBe('stale')
  })

  it('on overlapping words: accepting one makes the other stale, even if the new words read like its quote', () => {
    const doc = docWithParagraphs([goals])
    suggest(doc, 2, 8, '方程', 'first')
    suggest(doc, 6, 11, '方程的意义', 'second')
    acceptSuggestion(doc, 'first', 'chen')
    expect(suggestionStatus(doc, 'second')).toBe('stale')
    expect(() => acceptSuggestion(doc, 'second', 'chen')).toThrow(/原文已经改动/)
    expect(text(doc)).toBe('理解方程的概念')
  })

  it('is not something an ordinary thread can be treated as', () => {
    const doc = docWithParagraphs([goals])
    expect(() => suggestionStatus(doc, 'none')).toThrow(/no thread/)
  })
})
