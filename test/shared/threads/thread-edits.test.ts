import { describe, expect, it } from 'vitest'
import { contentOf, plainText, pointAt, resolveAnchor, textNodes } from '../../../shared/threads/thread-anchor.ts'
import {
  addReply,
  createThread,
  deleteReply,
  deleteThread,
  editReplyBody,
  editThreadBody,
  setMentions,
  setResolved,
} from '../../../shared/threads/thread-edits.ts'
import { listThreads } from '../../../shared/threads/thread-list.ts'
import { readThread, threadsOf } from '../../../shared/threads/thread-model.ts'
import { copyOf, docWithParagraphs, paragraph, sync } from './thread-fixtures.ts'

const goals = '理解一元一次方程的概念'
const method = '先独立思考，再小组讨论'

function threadOn(doc: ReturnType<typeof docWithParagraphs>, from: number, to: number, id = 't1'): string {
  const content = contentOf(doc)
  return createThread(doc, {
    id,
    kind: 'question',
    authorId: 'u-wang',
    body: '这里的概念要不要先举例？',
    start: pointAt(content, from),
    end: pointAt(content, to),
    now: 1000,
  })
}

const anchorOf = (doc: ReturnType<typeof docWithParagraphs>, id = 't1') => resolveAnchor(doc, threadsOf(doc).get(id)!)

describe('a thread anchored in the text', () => {
  it('holds its kind, author, time, body, quote and state', () => {
    const doc = docWithParagraphs([goals, method])
    threadOn(doc, 2, 8)
    expect(readThread(threadsOf(doc).get('t1')!)).toEqual({
      id: 't1',
      kind: 'question',
      authorId: 'u-wang',
      createdAt: 1000,
      body: '这里的概念要不要先举例？',
      bodyDelta: [{ insert: '这里的概念要不要先举例？' }],
      quote: '一元一次方程',
      mentions: [],
      state: 'open',
      resolvedBy: null,
      resolvedAt: null,
      replies: [],
      suggestion: null,
    })
    expect(anchorOf(doc)).toEqual({ deleted: false, from: 2, to: 8, text: '一元一次方程', relocated: false })
  })

  it('stays on its words when text is typed before, inside and right next to them', () => {
    const doc = docWithParagraphs([goals])
    threadOn(doc, 2, 8)
    const text = textNodes(contentOf(doc))[0]!
    text.insert(8, '后')
    text.insert(2, '前')
    text.insert(0, '一、')
    text.insert(7, '（中）')
    expect(anchorOf(doc)).toMatchObject({ deleted: false, text: '一元（中）一次方程' })
  })

  it('follows concurrent edits made on another copy', () => {
    const mine = docWithParagraphs([goals, method], 1)
    const theirs = copyOf(mine, 2)
    threadOn(mine, 13, 17)
    textNodes(contentOf(theirs))[1]!.insert(0, '学法：')
    contentOf(theirs).insert(0, [paragraph('课题：3.2 解一元一次方程')])
    sync(mine, theirs)
    sync(theirs, mine)
    expect(anchorOf(mine)).toEqual(anchorOf(theirs))
    expect(anchorOf(mine)).toMatchObject({ deleted: false, text: '独立思考' })
  })

  it('is marked deleted, keeping its quote, when its words are deleted', () => {
    const doc = docWithParagraphs([goals, method])
    threadOn(doc, 2, 8)
    textNodes(contentOf(doc))[0]!.delete(1, 8)
    expect(anchorOf(doc)).toEqual({ deleted: true })
    expect(readThread(threadsOf(doc).get('t1')!).quote).toBe('一元一次方程')
    expect(plainText(contentOf(doc))).toBe(`理概念\n${method}`)
  })

  it('is marked deleted when its paragraph is removed', () => {
    const doc = docWithParagraphs([goals, method])
    threadOn(doc, 13, 17)
    contentOf(doc).delete(1, 1)
    expect(anchorOf(doc)).toEqual({ deleted: true })
  })

  it('may span paragraphs', () => {
    const doc = docWithParagraphs([goals, method])
    threadOn(doc, 9, 15)
    expect(anchorOf(doc)).toMatchObject({ text: '概念\n先独立' })
  })
})

describe('replies, resolution and the author’s own changes', () => {
  it('adds and edits replies, resolves and reopens, edits the body and mentions', () => {
    const doc = docWithParagraphs([goals])
    threadOn(doc, 2, 8)
    addReply(doc, 't1', { id: 'r1', authorId: 'u-li', body: '同意，用天平举例', now: 2000 })
    editReplyBody(doc, 't1', 'r1', '同意，用天平和跷跷板举例')
    setResolved(doc, 't1', true, 'u-li', 3000)
    editThreadBody(doc, 't1', '概念前先举例')
    setMentions(doc, 't1', ['u-li'])
    expect(readThread(threadsOf(doc).get('t1')!)).toMatchObject({
      body: '概念前先举例',
      mentions: ['u-li'],
      state: 'resolved',
      resolvedBy: 'u-li',
      resolvedAt: 3000,
      replies: [{ id: 'r1', authorId: 'u-li', createdAt: 2000, body: '同意，用天平和跷跷板举例' }],
    })
    setResolved(doc, 't1', false, 'u-wang')
    expect(readThread(threadsOf(doc).get('t1')!)).toMatchObject({ state: 'open', resolvedBy: null, resolvedAt: null })
    deleteReply(doc, 't1', 'r1')
    expect(readThread(threadsOf(doc).get('t1')!).replies).toEqual([])
    deleteThread(doc, 't1')
    expect(threadsOf(doc).size).toBe(0)
  })
})

describe('listThreads', () => {
  it('lists threads in document order, 原文已删除 ones last', () => {
    const doc = docWithParagraphs([goals, method])
    threadOn(doc, 13, 17, 'later')
    threadOn(doc, 2, 8, 'first')
    threadOn(doc, 0, 2, 'gone')
    textNodes(contentOf(doc))[0]!.delete(0, 2)
    expect(listThreads(doc).map(({ thread, anchor }) => [thread.id, anchor.deleted])).toEqual([
      ['first', false],
      ['later', false],
      ['gone', true],
    ])
  })
})
