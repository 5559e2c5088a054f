import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
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

  it('takes a snapshot\'s stored state vector instead of parsing the snapshot, until an update arrives', () => {
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
})
