import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { deleteRangesOf } from '../../../server/collab/delete-ranges.ts'
import { DocumentState } from '../../../server/collab/document-state.ts'

function editsOf(doc: Y.Doc, edit: (text: Y.Text) => void): Uint8Array {
  const before = Y.encodeStateVector(doc)
  edit(doc.getText('t'))
  return Y.encodeStateAsUpdate(doc, before)
}

describe('DocumentState', () => {
  it('answers a diff that brings a peer to the same content', () => {
    const author = new Y.Doc()
    const state = new DocumentState([])
    state.add(editsOf(author, (t) => t.insert(0, '合作探究')))
    state.add(editsOf(author, (t) => t.insert(4, '：小组讨论')))
    state.add(editsOf(author, (t) => t.delete(0, 2)))

    const peer = new Y.Doc()
    Y.applyUpdate(peer, state.diff(Y.encodeStateVector(peer)))
    expect(peer.getText('t').toString()).toBe('探究：小组讨论')
  })

  it("takes a snapshot's stored state vector instead of parsing the snapshot, until an update arrives", () => {
    const author = new Y.Doc()
    const snapshot = editsOf(author, (t) => t.insert(0, '学习目标'))
    const stored = Y.encodeStateVectorFromUpdate(snapshot)
    const state = new DocumentState([snapshot], stored)
    expect(state.stateVector()).toBe(stored)

    state.add(editsOf(author, (t) => t.insert(4, '：会解方程')))
    expect(state.stateVector()).toEqual(Y.encodeStateVector(author))
  })

  it('sends a peer only what it lacks', () => {
    const author = new Y.Doc()
    const first = editsOf(author, (t) => t.insert(0, '预习导学'))
    const state = new DocumentState([first])
    const peer = new Y.Doc()
    Y.applyUpdate(peer, first)
    state.add(editsOf(author, (t) => t.insert(4, '一')))
    const diff = state.diff(Y.encodeStateVector(peer))
    expect(diff.length).toBeLessThan(first.length)
    Y.applyUpdate(peer, diff)
    expect(peer.getText('t').toString()).toBe('预习导学一')
  })

  it('merges updates that arrive out of order', () => {
    const author = new Y.Doc()
    const first = editsOf(author, (t) => t.insert(0, 'ab'))
    const second = editsOf(author, (t) => t.insert(2, 'cd'))
    const state = new DocumentState([second, first])
    const peer = new Y.Doc()
    Y.applyUpdate(peer, state.merged())
    expect(peer.getText('t').toString()).toBe('abcd')
  })

  it('hands a new client the stored state as it is', () => {
    const author = new Y.Doc()
    const update = editsOf(author, (t) => t.insert(0, '课后反思'))
    const state = new DocumentState([update])
    expect(state.diff(Y.encodeStateVector(new Y.Doc()))).toBe(update)
  })

  it('fails loudly on corrupt stored bytes instead of looking empty', () => {
    const state = new DocumentState([new Uint8Array([9, 9, 9, 9]), new Uint8Array([1, 2, 3])])
    expect(() => state.stateVector()).toThrow()
  })

  it('counts the bytes it holds', () => {
    const a = new Uint8Array([0, 0])
    const state = new DocumentState([a])
    expect(state.bytes).toBe(2)
    state.add(new Uint8Array([0, 0]))
    expect(state.bytes).toBe(4)
  })

  it('tells a deletion it already holds from a new one as updates keep arriving', () => {
    const author = new Y.Doc()
    const state = new DocumentState([editsOf(author, (t) => t.insert(0, '合作探究，小组讨论'))])
    const typed = editsOf(author, (t) => t.delete(0, 2))
    const deleteSetOf = (doc: Y.Doc) => Y.decodeUpdate(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)))
    expect(state.addsNothing(deleteSetOf(author))).toBe(false)
    state.add(typed)
    expect(state.addsNothing(deleteSetOf(author))).toBe(true)
    state.add(editsOf(author, (t) => t.delete(3, 1)))
    expect(state.addsNothing(deleteSetOf(author))).toBe(true)
    editsOf(author, (t) => t.delete(0, 1))
    expect(state.addsNothing(deleteSetOf(author))).toBe(false)
  })

  it('judges deletions as a state read from scratch would, however the updates interleave', () => {
    const edit = fc.record({
      author: fc.integer({ min: 0, max: 2 }),
      insert: fc.boolean(),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 4 }),
      /** Whether the room receives this edit now; the others reach it later, with the author's next. */
      delivered: fc.boolean(),
    })
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 40 }), (edits) => {
        const authors = [0, 1, 2].map((i) => {
          const doc = new Y.Doc()
          doc.clientID = i + 1
          return doc
        })
        const received = new Y.Doc()
        const state = new DocumentState([])
        const deleteSetOf = (doc: Y.Doc) => Y.decodeUpdate(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)))
        for (const { author, insert, at, length, delivered } of edits) {
          const doc = authors[author]!
          Y.applyUpdate(doc, Y.encodeStateAsUpdate(received, Y.encodeStateVector(doc)))
          const text = doc.getText('t')
          if (insert) text.insert(at % (text.length + 1), '题'.repeat(length))
          else if (text.length > 0) text.delete(at % text.length, Math.min(length, text.length - (at % text.length)))
          if (!delivered) continue
          const update = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(received))
          const decoded = Y.decodeUpdate(update)
          // Asked before it is added, as the room asks, so the kept delete set exists early.
          const fromScratch = new DocumentState([state.merged()])
          expect(state.addsNothing(decoded)).toBe(fromScratch.addsNothing(decoded))
          if (!state.addsNothing(decoded)) state.add(update, decoded)
          Y.applyUpdate(received, update)
          for (const probe of authors) {
            const deletions = deleteSetOf(probe)
            expect(state.addsNothing(deletions)).toBe(new DocumentState([state.merged()]).addsNothing(deletions))
          }
        }
      }),
      { numRuns: 60 },
    )
  })

  it('[BOUNDS-13] keeps the state vector as updates arrive, without merging the document for a join', () => {
    const author = new Y.Doc()
    const state = new DocumentState([editsOf(author, (t) => t.insert(0, '教学目标'))])
    state.stateVector()
    let added = state.bytes
    for (const word of ['一', '二', '三']) {
      const update = editsOf(author, (t) => t.insert(t.length, word))
      state.add(update, Y.decodeUpdate(update))
      added += update.length
      expect(state.stateVector()).toEqual(Y.encodeStateVector(author))
    }
    // Merging would have folded the keystrokes into fewer bytes.
    expect(state.bytes).toBe(added)
  })

  it('[BOUNDS-13] answers state vectors and diffs as a state read from scratch, however updates arrive', () => {
    const edit = fc.record({
      author: fc.integer({ min: 0, max: 2 }),
      insert: fc.boolean(),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 4 }),
      /** Whether the room receives this edit now, or after edits made later. */
      late: fc.boolean(),
      decoded: fc.boolean(),
      ask: fc.boolean(),
    })
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 40 }), (edits) => {
        const authors = [0, 1, 2].map((i) => {
          const doc = new Y.Doc()
          doc.clientID = i + 1
          return doc
        })
        const all: Uint8Array[] = []
        const waiting: Uint8Array[] = []
        const state = new DocumentState([])
        const receive = (update: Uint8Array, decoded: boolean): void => {
          all.push(update)
          state.add(update, decoded ? Y.decodeUpdate(update) : null)
        }
        for (const { author, insert, at, length, late, decoded, ask } of edits) {
          const doc = authors[author]!
          if (all.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(all))
          const before = Y.encodeStateVector(doc)
          const text = doc.getText('t')
          if (insert) text.insert(at % (text.length + 1), '题'.repeat(length))
          else if (text.length > 0) text.delete(at % text.length, Math.min(length, text.length - (at % text.length)))
          // The edit alone: after an edit of its author's that is still on its way, it leaves a gap.
          const update = Y.encodeStateAsUpdate(doc, before)
          if (late) waiting.push(update)
          else receive(update, decoded)
          if (waiting.length > 2) receive(waiting.shift()!, decoded)
          if (!ask) continue
          const fromScratch = new DocumentState([Y.mergeUpdates([new Uint8Array([0, 0]), ...all])])
          expect(state.stateVector()).toEqual(fromScratch.stateVector())
          for (const peer of authors) {
            const had = new Y.Doc()
            Y.applyUpdate(had, Y.encodeStateAsUpdate(peer))
            const wanted = new Y.Doc()
            Y.applyUpdate(wanted, Y.encodeStateAsUpdate(peer))
            Y.applyUpdate(had, state.diff(Y.encodeStateVector(peer)))
            Y.applyUpdate(wanted, fromScratch.diff(Y.encodeStateVector(peer)))
            expect(Y.encodeStateVector(had)).toEqual(Y.encodeStateVector(wanted))
            expect(had.getText('t').toString()).toBe(wanted.getText('t').toString())
          }
        }
      }),
      { numRuns: 60 },
    )
  })

  it('[BOUNDS-14] tells the deletion ranges the document holds from those an update would add', () => {
    const author = new Y.Doc()
    const state = new DocumentState([editsOf(author, (t) => t.insert(0, '一二三四五六七八九十'))])
    const deleteSetOf = (doc: Y.Doc) => Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc))
    editsOf(author, (t) => t.delete(1, 1))
    editsOf(author, (t) => t.delete(3, 1))
    expect(deleteRangesOf(deleteSetOf(author), Infinity, state.holdsDeletion)).toBe(2)
    const stored = Y.encodeStateAsUpdate(author)
    state.add(stored, Y.decodeUpdate(stored))
    // The document holds them now: a reconnect that sends its whole delete set adds nothing to count.
    expect(deleteRangesOf(deleteSetOf(author), Infinity, state.holdsDeletion)).toBe(0)
    expect(deleteRangesOf(deleteSetOf(author), Infinity)).toBe(2)
    // Deleting one more character adds one range the document does not hold, though it joins the others.
    editsOf(author, (t) => t.delete(1, 1))
    expect(deleteRangesOf(deleteSetOf(author), Infinity, state.holdsDeletion)).toBe(1)
  })
})
