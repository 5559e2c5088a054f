import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { contentOf, pointAt, textNodes } from '../../../shared/threads/thread-anchor.ts'
import { addReply, createThread } from '../../../shared/threads/thread-edits.ts'
import { changedPlaces, countPlaces } from '../../../shared/sync/changed-places.ts'
import { docWithParagraphs, paragraph } from '../threads/thread-fixtures.ts'

/** The places of every transaction made on `doc` while `edit` runs, one entry per transaction. */
function placesOf(doc: Y.Doc, edit: () => void): string[][] {
  const changes: string[][] = []
  const record = (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
    changes.push(changedPlaces(transaction))
  }
  doc.on('update', record)
  edit()
  doc.off('update', record)
  return changes
}

/** One keystroke per transaction, as the editor sends them. */
function typeInto(doc: Y.Doc, text: Y.XmlText, at: number, typed: string): void {
  ;[...typed].forEach((char, index) => doc.transact(() => text.insert(at + index, char)))
}

describe('changedPlaces', () => {
  it('[SYNC-6] counts a sentence typed key by key as one place, not one per keystroke', () => {
    const doc = docWithParagraphs(['理解一元一次方程的概念', '先独立思考'], 1)
    const sentence = '学生先独立完成第1、2题，再小组交流解法。'
    const changes = placesOf(doc, () => typeInto(doc, textNodes(contentOf(doc))[0]!, 0, sentence))
    expect(changes).toHaveLength([...sentence].length)
    expect(countPlaces(changes)).toBe(1)
  })

  it('[SYNC-6] counts two paragraphs edited as two places, each however often it was edited', () => {
    const doc = docWithParagraphs(['理解一元一次方程的概念', '先独立思考'], 1)
    const [first, second] = textNodes(contentOf(doc))
    const changes = placesOf(doc, () => {
      typeInto(doc, first!, 0, '一、')
      typeInto(doc, second!, 0, '二、')
      doc.transact(() => first!.delete(0, 1))
      doc.transact(() => first!.format(0, 2, { bold: true }))
    })
    expect(countPlaces(changes)).toBe(2)
  })

  it('[SYNC-6] counts a paragraph split with Enter and typed on as two places', () => {
    const doc = docWithParagraphs(['先独立思考再讨论'], 1)
    const content = contentOf(doc)
    const changes = placesOf(doc, () => {
      doc.transact(() => {
        const text = textNodes(content)[0]!
        text.delete(5, 3)
        content.insert(1, [paragraph('再讨论')])
      })
      typeInto(doc, textNodes(content)[1]!, 3, '五分钟')
    })
    expect(countPlaces(changes)).toBe(2)
  })

  it('[SYNC-6] counts a removed paragraph as one place', () => {
    const doc = docWithParagraphs(['一', '二', '三'], 1)
    expect(countPlaces(placesOf(doc, () => contentOf(doc).delete(1, 1)))).toBe(1)
  })

  it('[SYNC-6] counts a thread with its replies as one place', () => {
    const doc = docWithParagraphs(['理解一元一次方程的概念'], 1)
    const changes = placesOf(doc, () => {
      createThread(doc, {
        id: 't1',
        kind: 'question',
        authorId: 'li',
        body: '为什么？',
        start: pointAt(contentOf(doc), 0),
        end: pointAt(contentOf(doc), 4),
      })
      addReply(doc, 't1', { authorId: 'li', body: '补充一点' })
      addReply(doc, 't1', { authorId: 'li', body: '再补充' })
    })
    expect(changes).toHaveLength(3)
    expect(countPlaces(changes)).toBe(1)
  })

  it('[SYNC-6] never returns no place for a change', () => {
    const doc = new Y.Doc()
    const changes = placesOf(doc, () => doc.getMap('meta').set('x', 1))
    expect(changes.every((places) => places.length > 0)).toBe(true)
  })
})
