/**
 * Two rooms of one document on two instances, sharing one update log, with a hand-driven path between
 * them in place of Redis: rows that follow on are applied at once, a lost message is repaired from the
 * store on the next gap, and a message heard twice or late changes nothing (SCALE-2).
 */
import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Actor } from '../../../shared/access.ts'
import { Connection } from '../../../server/collab/connection.ts'
import { encodeUpdate } from '../../../server/collab/outgoing-message.ts'
import { type RegistryPeers, RoomRegistry } from '../../../server/collab/room-registry.ts'
import type { UserRecord } from '../../../server/store/store.ts'
import { memoryUpdates } from '../../helpers/memory-updates.ts'

interface Published {
  firstSeq: number
  updates: readonly Uint8Array[]
}

const registries: RoomRegistry[] = []
afterEach(async () => {
  for (const registry of registries.splice(0)) await registry.shutdown()
})

/** Peers that keep what the room publishes for the test to deliver, drop or repeat. */
function heldPeers(published: Published[]): RegistryPeers {
  return {
    async watch() {},
    opened() {},
    unwatch() {},
    stored(_documentId, firstSeq, updates) {
      published.push({ firstSeq, updates })
    },
    awareness() {},
  }
}

/** A connection whose received document updates are applied to `doc`. */
function receivingConnection(id: string, doc: Y.Doc): Connection {
  const socket = {
    send(frame: Uint8Array) {
      const decoder = decoding.createDecoder(frame)
      if (decoding.readVarUint(decoder) !== 0) return
      const type = decoding.readVarUint(decoder)
      if (type === 1 || type === 2) Y.applyUpdate(doc, decoding.readVarUint8Array(decoder))
    },
    close() {},
    terminate() {},
  }
  return new Connection(socket, { id } as UserRecord, { userId: id } as Actor, 'edit', true)
}

async function twoInstances() {
  const updates = memoryUpdates([])
  const metrics = { connectionOpened() {}, connectionClosed() {}, updatesStored() {} }
  const fromA: Published[] = []
  const a = new RoomRegistry({ store: { updates }, metrics, peers: heldPeers(fromA) })
  const b = new RoomRegistry({ store: { updates }, metrics, peers: heldPeers([]) })
  registries.push(a, b)
  const writerDoc = new Y.Doc()
  const writer = receivingConnection('writer', new Y.Doc())
  const readerDoc = new Y.Doc()
  const roomA = await a.join('doc', writer)
  const roomB = await b.join('doc', receivingConnection('reader', readerDoc))
  const type = async (words: string): Promise<void> => {
    for (const char of words) {
      let made: Uint8Array = new Uint8Array()
      writerDoc.once('update', (update: Uint8Array) => (made = update))
      writerDoc.getText('t').insert(writerDoc.getText('t').length, char)
      roomA.receive(writer, encodeUpdate(made))
      await roomA.settle()
    }
  }
  return { roomA, roomB, fromA, readerDoc, type, read: () => readerDoc.getText('t').toString() }
}

describe('rows from another instance', () => {
  it('[SCALE-2] applies rows that follow on at once, and relays them', async () => {
    const { roomB, fromA, type, read } = await twoInstances()
    await type('等式')
    for (const { firstSeq, updates } of fromA) roomB.receiveStored(firstSeq, updates)
    expect(read()).toBe('等式')
    expect(roomB.storedSeq).toBe(2)
  })

  it('[SCALE-2] repairs a lost message from the store when the next one shows the gap', async () => {
    const { roomB, fromA, type, read } = await twoInstances()
    await type('移项变号')
    const [, lost, ...rest] = fromA
    expect(lost).toBeDefined()
    for (const { firstSeq, updates } of [fromA[0]!, ...rest]) roomB.receiveStored(firstSeq, updates)
    await roomB.catchUp()
    expect(read()).toBe('移项变号')
    expect(roomB.storedSeq).toBe(4)
  })

  it('[SCALE-2] ignores a message heard twice or after the store brought its rows', async () => {
    const { roomB, fromA, type, read } = await twoInstances()
    await type('合并')
    await roomB.catchUp()
    for (const { firstSeq, updates } of [...fromA, ...fromA]) roomB.receiveStored(firstSeq, updates)
    expect(read()).toBe('合并')
    expect(roomB.storedSeq).toBe(2)
  })
})
