/**
 * Finding a passage again when its anchor's ends died: the pure placement on offsets, and
 * `resolveAnchor` on documents edited the way a split and a join edit them (words deleted from one
 * paragraph and typed anew in another).
 */
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { placePassage, relocationSlack, type TextSpan } from '../../../shared/threads/passage-place.ts'
import { contentOf, plainText, pointAt, resolveAnchor } from '../../../shared/threads/thread-anchor.ts'
import { createThread } from '../../../shared/threads/thread-edits.ts'
import { threadsOf } from '../../../shared/threads/thread-model.ts'
import { docWithParagraphs, paragraph } from './thread-fixtures.ts'

function spansOf(text: string): TextSpan[] {
  let base = 0
  return text.split('\n').map((line) => {
    const span = { base, length: line.length }
    base += line.length + 1
    return span
  })
}

const dead = (offset: number | null) => ({ offset, alive: false })
const alive = (offset: number) => ({ offset, alive: true })

describe('placePassage', () => {
  it('keeps the passage where two live ends point', () => {
    const text = '理解一元一次方程'
    expect(placePassage(text, spansOf(text), '一元', alive(2), alive(4))).toEqual({ from: 2, to: 4, relocated: false })
  })

  it('chooses the occurrence nearest the dead ends, outside their own paragraph', () => {
    const text = '方程\n方程的概念\n再讲方程'
    expect(placePassage(text, spansOf(text), '方程', dead(2), dead(2))).toEqual({ from: 3, to: 5, relocated: true })
  })

  it('ignores an occurrence farther than the quote’s length and the slack', () => {
    const far = 'x'.repeat(relocationSlack + 3)
    const text = `理解\n${far}方程`
    expect(placePassage(text, spansOf(text), '方程', dead(2), dead(2))).toBeNull()
    const near = `理解\n${far.slice(5)}方程`
    expect(placePassage(near, spansOf(near), '方程', dead(2), dead(2))).toMatchObject({ relocated: true })
  })

  it('does not take words typed again in the dead ends’ own paragraph for the quoted ones', () => {
    const text = '理解方程'
    expect(placePassage(text, spansOf(text), '方程', dead(2), dead(2))).toBeNull()
  })

  it('reads the quote across a paragraph break that was added or removed', () => {
    const text = '一元\n一次方程'
    expect(placePassage(text, spansOf(text), '一元一次', alive(0), dead(2))).toEqual({
      from: 0,
      to: 5,
      relocated: true,
    })
    const joined = '一元一次方程'
    expect(placePassage(joined, spansOf(joined), '一元\n一次', dead(null), dead(null))).toEqual({
      from: 0,
      to: 4,
      relocated: true,
    })
  })

  it('with the ends’ paragraph gone, takes the quote only where it occurs once', () => {
    const once = '理解一元一次方程的概念先独立思考再讨论'
    expect(placePassage(once, spansOf(once), '独立思考', dead(null), dead(null))).toMatchObject({ from: 12, to: 16 })
    const twice = '先独立思考\n再独立思考'
    expect(placePassage(twice, spansOf(twice), '独立思考', dead(null), dead(null))).toBeNull()
  })

  it('cuts a passage short to the paragraph left when the other end’s paragraph was removed', () => {
    const text = '理解一元一次方程的概念\n练习'
    expect(placePassage(text, spansOf(text), '的概念\n先独立', alive(8), dead(null))).toEqual({
      from: 8,
      to: 11,
      relocated: true,
    })
    expect(placePassage(text, spansOf(text), '讨论\n练习', dead(null), alive(14))).toEqual({
      from: 12,
      to: 14,
      relocated: true,
    })
  })
})

function threadOn(doc: Y.Doc, from: number, to: number) {
  const content = contentOf(doc)
  createThread(doc, {
    id: 't1',
    kind: 'question',
    authorId: 'u-wang',
    body: '为什么？',
    start: pointAt(content, from),
    end: pointAt(content, to),
  })
  return () => resolveAnchor(doc, threadsOf(doc).get('t1')!)
}

const textAt = (doc: Y.Doc, index: number) => (contentOf(doc).get(index) as Y.XmlElement).get(0) as Y.XmlText

describe('resolveAnchor after the quoted words were rebuilt', () => {
  it('finds them in the paragraph a split moved them to', () => {
    const doc = docWithParagraphs(['理解一元一次方程的概念'])
    const anchor = threadOn(doc, 6, 11)
    doc.transact(() => {
      textAt(doc, 0).delete(2, 9)
      contentOf(doc).insert(1, [paragraph('一元一次方程的概念')])
    })
    expect(anchor()).toEqual({ deleted: false, from: 7, to: 12, text: '方程的概念', relocated: true })
  })

  it('stays 原文已删除 when the words are gone, even if they stand far away', () => {
    const doc = docWithParagraphs(['理解一元一次方程的概念', `${'练习'.repeat(40)}方程的概念`])
    const anchor = threadOn(doc, 6, 11)
    textAt(doc, 0).delete(6, 5)
    expect(plainText(contentOf(doc))).toContain('方程的概念')
    expect(anchor()).toEqual({ deleted: true })
  })

  it('stays 原文已删除 when the paragraph holding them is removed', () => {
    const doc = docWithParagraphs(['理解一元一次方程的概念', '先独立思考再讨论'])
    const anchor = threadOn(doc, 13, 17)
    contentOf(doc).delete(1, 1)
    expect(anchor()).toEqual({ deleted: true })
  })
})
