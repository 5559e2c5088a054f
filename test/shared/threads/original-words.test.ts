import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { rewrittenOriginal } from '../../../shared/threads/original-words.ts'
import { acceptSuggestion, createSuggestion, suggestionStatus } from '../../../shared/threads/suggestions.ts'
import { contentOf, pointAt, resolveAnchor, textNodes } from '../../../shared/threads/thread-anchor.ts'
import { createThread } from '../../../shared/threads/thread-edits.ts'
import { readThread, threadsOf } from '../../../shared/threads/thread-model.ts'
import { docWithParagraphs } from './thread-fixtures.ts'

const goal = '会用去括号法则化简整式，注意符号变化。'
const quoted = '去括号法则'
const from = goal.indexOf(quoted)

function originalAfter(change: (text: Y.XmlText, doc: Y.Doc) => void): string | null {
  const doc = docWithParagraphs([goal])
  const content = contentOf(doc)
  createThread(doc, {
    id: 't1',
    kind: 'question',
    authorId: 'wang',
    body: '先归纳？',
    start: pointAt(content, from),
    end: pointAt(content, from + quoted.length),
  })
  change(textNodes(content)[0]!, doc)
  const thread = threadsOf(doc).get('t1')!
  return rewrittenOriginal(readThread(thread).quote, resolveAnchor(doc, thread))
}

describe('[THREADS-2] a thread keeps the words it was written about', () => {
  it.each<[string, (text: Y.XmlText, doc: Y.Doc) => void, string | null]>([
    ['nothing changed', () => {}, null],
    [
      'words typed before and after the passage',
      (text) => {
        text.insert(from + quoted.length, '（重点）')
        text.insert(from, '熟练地')
      },
      null,
    ],
    ['a word typed inside the passage', (text) => text.insert(from + 3, '的'), quoted],
    ['a word deleted inside the passage', (text) => text.delete(from + 1, 2), quoted],
    [
      'the passage rewritten except its ends',
      (text) => {
        text.delete(from + 1, quoted.length - 2)
        text.insert(from + 1, '掉括号的')
      },
      quoted,
    ],
    ['every quoted word deleted (原文已删除 shows the quote itself)', (text) => text.delete(from, quoted.length), null],
  ])('%s', (_case, change, expected) => {
    expect(originalAfter(change)).toBe(expected)
  })

  it('a line break inside the passage changes no word', () => {
    const anchor = { deleted: false, from: 0, to: 6, text: '去括号\n法则', relocated: true } as const
    expect(rewrittenOriginal(quoted, anchor)).toBeNull()
  })

  it('a stale suggestion shows the words it was proposed for; an accepted one only its record', () => {
    const doc = docWithParagraphs([goal])
    const content = contentOf(doc)
    const at = (offset: number) => pointAt(content, offset)
    const signs = goal.indexOf('符号变化')
    createSuggestion(doc, {
      id: 'stale',
      kind: 'proposal',
      authorId: 'li',
      body: '',
      start: at(from),
      end: at(from + quoted.length),
      replacement: '去括号的法则',
    })
    createSuggestion(doc, {
      id: 'taken',
      kind: 'proposal',
      authorId: 'li',
      body: '',
      start: at(signs),
      end: at(signs + 4),
      replacement: '变号',
    })
    textNodes(content)[0]!.insert(from + 3, '的')
    acceptSuggestion(doc, 'taken', 'zhang')
    const originalOf = (id: string) => {
      const thread = threadsOf(doc).get(id)!
      return rewrittenOriginal(readThread(thread).quote, resolveAnchor(doc, thread))
    }
    expect(suggestionStatus(doc, 'stale')).toBe('stale')
    expect(originalOf('stale')).toBe(quoted)
    expect(originalOf('taken')).toBeNull()
  })
})
