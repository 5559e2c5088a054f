import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { contentOf, pointAt } from '../../../shared/threads/thread-anchor.ts'
import { bodyRuns, readBody, trimmedBody } from '../../../shared/threads/rich-body.ts'
import { addReply, createThread, editReplyBody, editThreadBody } from '../../../shared/threads/thread-edits.ts'
import { readThread, threadsOf } from '../../../shared/threads/thread-model.ts'
import { copyOf, docWithParagraphs, sync } from './thread-fixtures.ts'

const rich = [
  { insert: '先' },
  { insert: '举例', attributes: { bold: true as const } },
  { insert: '\n再', attributes: { italic: true as const } },
  { insert: '归纳' },
]

function threadWith(body: Parameters<typeof createThread>[1]['body']) {
  const doc = docWithParagraphs(['理解一元一次方程的概念'])
  createThread(doc, {
    id: 't1',
    kind: 'question',
    authorId: 'u-wang',
    body,
    start: pointAt(contentOf(doc), 2),
    end: pointAt(contentOf(doc), 8),
  })
  return doc
}

describe('a rich body', () => {
  it('keeps its marks and line breaks, and its plain words for everyone else', () => {
    const thread = readThread(threadsOf(threadWith(rich)).get('t1')!)
    expect(thread.bodyDelta).toEqual(rich)
    expect(thread.body).toBe('先举例\n再归纳')
  })

  it('reads a plain body as one run without marks', () => {
    expect(readThread(threadsOf(threadWith('为什么？')).get('t1')!).bodyDelta).toEqual([{ insert: '为什么？' }])
  })

  it('rewrites a body whole, a plain run not taking the marks of the one before', () => {
    const doc = threadWith(rich)
    editThreadBody(doc, 't1', [{ insert: '重点', attributes: { underline: true } }, { insert: '在这里' }])
    expect(readThread(threadsOf(doc).get('t1')!).bodyDelta).toEqual([
      { insert: '重点', attributes: { underline: true } },
      { insert: '在这里' },
    ])
    editThreadBody(doc, 't1', '全部改成普通文字')
    expect(readThread(threadsOf(doc).get('t1')!).bodyDelta).toEqual([{ insert: '全部改成普通文字' }])
  })

  it('gives replies marks too, and the marks reach other copies', () => {
    const doc = threadWith('问题')
    addReply(doc, 't1', { id: 'r1', authorId: 'u-li', body: [{ insert: '同意', attributes: { bold: true } }] })
    const other = copyOf(doc, 7)
    editReplyBody(doc, 't1', 'r1', [{ insert: '同意', attributes: { italic: true } }, { insert: '，再看看' }])
    sync(doc, other)
    expect(readThread(threadsOf(other).get('t1')!).replies[0]!.bodyDelta).toEqual([
      { insert: '同意', attributes: { italic: true } },
      { insert: '，再看看' },
    ])
  })

  it('shows only its own marks and words, whatever else the Y.Text holds', () => {
    const doc = new Y.Doc()
    const text = doc.getText('body')
    text.insert(0, '红字', { color: 'red', bold: true })
    text.insertEmbed(2, { image: 'x.png' })
    text.insert(3, '完', { bold: 'yes' })
    expect(readBody(text)).toEqual([{ insert: '红字', attributes: { bold: true } }, { insert: '完' }])
  })

  it('joins runs with the same marks and drops empty ones', () => {
    expect(
      bodyRuns([
        { insert: 'a', attributes: { bold: true } },
        { insert: '' },
        { insert: 'b', attributes: { bold: true } },
      ]),
    ).toEqual([{ insert: 'ab', attributes: { bold: true } }])
  })

  it('is sent without blanks at either end', () => {
    expect(
      trimmedBody([{ insert: '\n  ' }, { insert: ' 要点 ', attributes: { bold: true } }, { insert: '\n' }]),
    ).toEqual([{ insert: '要点', attributes: { bold: true } }])
    expect(trimmedBody('  \n ')).toEqual([])
  })
})
