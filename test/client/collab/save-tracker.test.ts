import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { loadPendingChanges, savePendingChanges } from '../../../client/src/collab/pending-changes-store.ts'
import { SaveTracker } from '../../../client/src/collab/save-tracker.ts'

/** A browser's document, its tracker, and the server it talks to, wired by hand. */
function setup(tracker = new SaveTracker()) {
  const doc = new Y.Doc()
  const server = new Y.Doc()
  const sentUpdates: Uint8Array[] = []
  let connected = false
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === 'server') return
    tracker.recordLocalUpdate(update, doc.clientID, connected)
    if (connected) sentUpdates.push(update)
  })
  const text = doc.getText('body')
  return {
    doc,
    server,
    tracker,
    text,
    connect() {
      connected = true
      tracker.setConnected(true)
    },
    disconnect() {
      connected = false
      sentUpdates.length = 0
      tracker.setConnected(false)
    },
    /** The server stores what it received so far and acknowledges with its state vector. */
    storeAndAck() {
      for (const update of sentUpdates.splice(0)) Y.applyUpdate(server, update)
      tracker.recordSaveAck(Y.encodeStateVector(server))
    },
    /** The answer to the server's sync step 1: everything the server lacks, deletions included. */
    answerSyncStep1() {
      sentUpdates.push(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(server)))
      tracker.markAllSent()
    },
  }
}

function memoryStorage() {
  const items = new Map<string, string>()
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
    items,
  }
}

describe('SaveTracker', () => {
  it('is offline until connected, then saved while nothing is pending', () => {
    const { tracker, connect } = setup()
    expect(tracker.status).toBe('offline')
    expect(tracker.pendingCount).toBe(0)
    connect()
    expect(tracker.status).toBe('saved')
  })

  it('counts each local transaction as pending until the ack covers it', () => {
    const { tracker, text, connect, storeAndAck } = setup()
    connect()
    text.insert(0, '学习目标')
    text.insert(4, '：')
    expect(tracker.status).toBe('saving')
    expect(tracker.pendingCount).toBe(2)
    storeAndAck()
    expect(tracker.status).toBe('saved')
    expect(tracker.pendingCount).toBe(0)
  })

  it('keeps changes pending when the ack does not reach them', () => {
    const { tracker, text, server, connect } = setup()
    connect()
    text.insert(0, '重点')
    tracker.recordSaveAck(Y.encodeStateVector(server))
    expect(tracker.pendingCount).toBe(1)
  })

  it('drops only the changes a partial ack covers', () => {
    const { doc, tracker, text, connect } = setup()
    connect()
    text.insert(0, '一')
    const afterFirst = Y.encodeStateVector(doc)
    text.insert(1, '二')
    text.insert(2, '三')
    tracker.recordSaveAck(afterFirst)
    expect(tracker.pendingCount).toBe(2)
  })

  it('counts updates received from the server as stored', () => {
    const { doc, tracker, text, connect } = setup()
    connect()
    text.insert(0, '预习导学')
    // The server relays only stored updates; this one carries our own insert back (e.g. its sync step 2).
    tracker.recordRemoteUpdate(Y.encodeStateAsUpdate(doc))
    expect(tracker.status).toBe('saved')
  })

  it('does not count a colleague’s changes as ours', () => {
    const { tracker, connect } = setup()
    connect()
    const colleague = new Y.Doc()
    colleague.getText('body').insert(0, '合作探究')
    tracker.recordRemoteUpdate(Y.encodeStateAsUpdate(colleague))
    expect(tracker.pendingCount).toBe(0)
    expect(tracker.status).toBe('saved')
  })

  it('covers a sent deletion with the next ack, although the state vector does not move', () => {
    const { tracker, text, connect, storeAndAck } = setup()
    connect()
    text.insert(0, '课堂小结')
    storeAndAck()
    text.delete(0, 2)
    expect(tracker.pendingCount).toBe(1)
    storeAndAck()
    expect(tracker.pendingCount).toBe(0)
  })

  it('covers a deletion once a later insert is stored', () => {
    const { doc, tracker, text, connect, server } = setup()
    connect()
    text.insert(0, 'ab')
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc))
    text.delete(0, 1)
    text.insert(1, 'c')
    tracker.recordRemoteUpdate(Y.encodeStateAsUpdate(doc))
    expect(tracker.pendingCount).toBe(0)
  })

  it('does not let an ack cover a deletion made offline before it is sent again', () => {
    const { tracker, text, connect, disconnect, storeAndAck, answerSyncStep1 } = setup()
    connect()
    text.insert(0, '达标测评')
    storeAndAck()
    disconnect()
    text.delete(0, 2)
    expect(tracker.status).toBe('offline')
    expect(tracker.pendingCount).toBe(1)
    connect()
    // Right after connecting the server acks its stored state, before our sync answer reached it.
    storeAndAck()
    expect(tracker.pendingCount).toBe(1)
    answerSyncStep1()
    storeAndAck()
    expect(tracker.pendingCount).toBe(0)
  })

  it('does not take the ack sent on joining for an ack of the sync answer that preceded it', () => {
    const { tracker, text, connect, disconnect, storeAndAck, answerSyncStep1 } = setup()
    connect()
    storeAndAck()
    text.insert(0, '展示交流')
    storeAndAck()
    disconnect()
    text.delete(0, 2)
    connect()
    // The server sends sync step 1 and then its join ack; we answer step 1 in between.
    answerSyncStep1()
    tracker.recordSaveAck(Y.encodeStateVector(new Y.Doc()))
    expect(tracker.pendingCount).toBe(1)
    storeAndAck()
    expect(tracker.pendingCount).toBe(0)
  })

  it('forgets that a deletion was sent when the connection is lost before the ack', () => {
    const { tracker, text, connect, disconnect, storeAndAck } = setup()
    connect()
    text.insert(0, '拓展延伸')
    storeAndAck()
    text.delete(0, 1)
    disconnect()
    connect()
    storeAndAck()
    expect(tracker.pendingCount).toBe(1)
  })

  it('syncs offline inserts through the sync step 1 answer', () => {
    const { tracker, text, connect, disconnect, storeAndAck, answerSyncStep1 } = setup()
    connect()
    disconnect()
    for (const character of '课后反思') text.insert(text.length, character)
    expect(tracker.status).toBe('offline')
    expect(tracker.pendingCount).toBe(4)
    connect()
    expect(tracker.status).toBe('saving')
    answerSyncStep1()
    storeAndAck()
    expect(tracker.status).toBe('saved')
  })
})

describe('pending changes across a reload', () => {
  it('restores the count of offline edits until the server acknowledges them', () => {
    const storage = memoryStorage()
    const before = setup()
    for (const character of '学法指导') before.text.insert(before.text.length, character)
    before.text.delete(0, 1)
    expect(before.tracker.pendingCount).toBe(5)
    savePendingChanges(storage, 'u1:doc-1', before.tracker.pendingChanges())

    // The reload: a new Y.Doc (new client id) restored from the local copy, a new tracker.
    const restoredDoc = new Y.Doc()
    Y.applyUpdate(restoredDoc, Y.encodeStateAsUpdate(before.doc), 'local copy')
    const localStateVector = Y.decodeStateVector(Y.encodeStateVector(restoredDoc))
    const after = setup(new SaveTracker(loadPendingChanges(storage, 'u1:doc-1'), localStateVector))
    Y.applyUpdate(after.doc, Y.encodeStateAsUpdate(restoredDoc), 'server')
    expect(after.tracker.status).toBe('offline')
    expect(after.tracker.pendingCount).toBe(5)

    after.connect()
    after.storeAndAck()
    expect(after.tracker.pendingCount).toBe(5)
    after.answerSyncStep1()
    after.storeAndAck()
    expect(after.tracker.pendingCount).toBe(0)
    expect(after.server.getText('body').toString()).toBe('法指导')
  })

  it('drops restored changes the local copy never received', () => {
    const doc = new Y.Doc()
    doc.getText('body').insert(0, '目标')
    const localStateVector = Y.decodeStateVector(Y.encodeStateVector(doc))
    const tracker = new SaveTracker(
      [
        { client: doc.clientID, clock: 2 },
        { client: doc.clientID, clock: 3 },
      ],
      localStateVector,
    )
    expect(tracker.pendingCount).toBe(1)
  })

  it('removes the stored list once nothing is pending', () => {
    const storage = memoryStorage()
    savePendingChanges(storage, 'u1:doc-1', [{ client: 7, clock: 3 }])
    expect(storage.items.size).toBe(1)
    savePendingChanges(storage, 'u1:doc-1', [])
    expect(storage.items.size).toBe(0)
  })

  it('ignores a damaged stored list', () => {
    const storage = memoryStorage()
    storage.setItem('gongbei:pending:u1:doc-1', '{not json')
    expect(loadPendingChanges(storage, 'u1:doc-1')).toEqual([])
    storage.setItem('gongbei:pending:u1:doc-1', JSON.stringify([[1, 2], ['x', 1], [3], [4, -1], [5, 0]]))
    expect(loadPendingChanges(storage, 'u1:doc-1')).toEqual([
      { client: 1, clock: 2 },
      { client: 5, clock: 0 },
    ])
  })
})
