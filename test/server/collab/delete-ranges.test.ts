import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { deleteRangesOf } from '../../../server/collab/delete-ranges.ts'

function rangesDecoded(update: Uint8Array): number {
  let ranges = 0
  for (const items of Y.decodeUpdate(update).ds.clients.values()) ranges += items.length
  return ranges
}

/** Every kind of content a Yjs update can carry, deleted here and there. */
function editedDocument(steps: readonly { kind: number; at: number; remove: boolean }[]): Y.Doc {
  const doc = new Y.Doc()
  const text = doc.getText('t')
  const array = doc.getArray<unknown>('a')
  const map = doc.getMap<unknown>('m')
  const xml = doc.getXmlFragment('x')
  for (const [i, { kind, at, remove }] of steps.entries()) {
    if (remove && text.length > 0) text.delete(at % text.length, 1)
    else if (remove && array.length > 0) array.delete(at % array.length, 1)
    else if (kind === 0) text.insert(at % (text.length + 1), '导学案', { bold: true })
    else if (kind === 1) array.insert(at % (array.length + 1), [{ n: i, list: [1, 'a', null] }, new Uint8Array([i])])
    else if (kind === 2) map.set(`k${i % 3}`, i % 2 ? new Y.Map() : 'value')
    else if (kind === 3) xml.insert(0, [new Y.XmlElement('paragraph'), new Y.XmlText('课')])
    else if (kind === 4) text.insertEmbed(at % (text.length + 1), { image: 'a.png' })
    else array.insert(0, [new Y.Doc()])
  }
  return doc
}

describe('deleteRangesOf', () => {
  it('[BOUNDS-14] counts the delete set of any update as the full decoding reads it, without decoding', () => {
    const step = fc.record({ kind: fc.integer({ min: 0, max: 5 }), at: fc.nat(), remove: fc.boolean() })
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), fc.boolean(), (steps, deletionsOnly) => {
        const doc = editedDocument(steps)
        const update = deletionsOnly ? Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)) : Y.encodeStateAsUpdate(doc)
        expect(deleteRangesOf(update, Infinity)).toBe(rangesDecoded(update))
      }),
      { numRuns: 100 },
    )
  })

  it('[BOUNDS-14] stops reading once the count passes the cap, even where a header claims more than follows', () => {
    const doc = new Y.Doc()
    const text = doc.getText('t')
    text.insert(0, '一二三四五六七八九十'.repeat(10))
    for (let i = 0; i < 40; i++) text.delete(i, 1)
    const update = Y.encodeStateAsUpdate(doc)
    expect(deleteRangesOf(update, Infinity)).toBe(40)
    expect(deleteRangesOf(update, 10)).toBeGreaterThan(10)
    // No structs, one client claiming a billion ranges, and no bytes for them: reading ends with the bytes.
    expect(() => deleteRangesOf(new Uint8Array([0, 1, 7, 0x80, 0x94, 0xeb, 0xdc, 0x03]), 100_000)).toThrow()
  })

  it('throws on bytes that are no update', () => {
    expect(() => deleteRangesOf(new Uint8Array([1, 1, 5, 0, 0x84, 9]), Infinity)).toThrow()
  })
})
