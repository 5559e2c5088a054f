/** The room's awareness with fake connections: ownership, limits, identity and batching, deterministically. */
import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { Actor } from '../../../shared/access.ts'
import { limits } from '../../../shared/limits.ts'
import { readAwarenessEntries } from '../../../shared/protocol/awareness-update.ts'
import { CloseCode } from '../../../shared/protocol/close-codes.ts'
import { MessageType } from '../../../shared/protocol/messages.ts'
import { Connection } from '../../../server/collab/connection.ts'
import { RoomAwareness } from '../../../server/collab/room-awareness.ts'
import type { UserRecord } from '../../../server/store/store.ts'

const rooms: RoomAwareness[] = []
afterEach(() => {
  for (const room of rooms.splice(0)) room.destroy()
})

interface FakeConnection {
  connection: Connection
  closes: number[]
}

function connectionOf(user: Pick<UserRecord, 'id' | 'displayName' | 'color'>): FakeConnection {
  const closes: number[] = []
  const socket = { send() {}, close: (code: number) => void closes.push(code), terminate() {} }
  const record = { ...user, username: user.id, role: 'teacher', schoolId: 's' } as UserRecord
  return { connection: new Connection(socket, record, { userId: user.id } as Actor, 'edit', false), closes }
}

const wang = { id: 'u-wang', displayName: '王老师', color: '#e03131' }
const li = { id: 'u-li', displayName: '李老师', color: '#1971c2' }
const guest = { id: 'u-guest', displayName: '陈专家', color: '#868e96' }

/** What a y-websocket client sends for its own state. */
function stateUpdate(clientId: number, clock: number, state: Record<string, unknown> | null): Uint8Array {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc())
  awareness.clientID = clientId
  awareness.meta.set(clientId, { clock, lastUpdated: 0 })
  awareness.states.set(clientId, state as Record<string, unknown>)
  if (state === null) awareness.states.delete(clientId)
  const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [clientId])
  awareness.destroy()
  return update
}

/** The states in relayed awareness frames, by client id. */
function statesIn(frames: readonly Uint8Array[]): Map<number, unknown> {
  const states = new Map<number, unknown>()
  for (const frame of frames) {
    const decoder = decoding.createDecoder(frame)
    expect(decoding.readVarUint(decoder)).toBe(MessageType.awareness)
    for (const entry of readAwarenessEntries(decoding.readVarUint8Array(decoder))) {
      states.set(entry.clientId, JSON.parse(new TextDecoder().decode(entry.stateJson)))
    }
  }
  return states
}

function roomRelayingTo(relayed: Uint8Array[]): RoomAwareness {
  const room = new RoomAwareness((frame) => relayed.push(frame))
  rooms.push(room)
  return room
}

const nextTick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

describe('room awareness', () => {
  it('[SEC-3] keeps and relays the session’s name and colour, whatever the client wrote', async () => {
    const relayed: Uint8Array[] = []
    const room = roomRelayingTo(relayed)
    const { connection } = connectionOf(guest)
    room.receive(connection, stateUpdate(7, 1, { user: { name: '王老师', color: '#e03131' }, cursor: null }))
    await nextTick()
    const expected = { user: { id: guest.id, name: guest.displayName, color: guest.color }, cursor: null }
    expect(statesIn(relayed).get(7)).toEqual(expected)
    expect(statesIn(room.currentFrames()).get(7)).toEqual(expected)
  })

  it('[SEC-3] ignores another user’s connection speaking for a client id it does not own', async () => {
    const relayed: Uint8Array[] = []
    const room = roomRelayingTo(relayed)
    room.receive(connectionOf(wang).connection, stateUpdate(7, 1, { cursor: 'wang' }))
    const intruder = connectionOf(guest)
    room.receive(intruder.connection, stateUpdate(7, 5, { cursor: 'guest' }))
    room.receive(intruder.connection, stateUpdate(7, 6, null))
    await nextTick()
    expect(statesIn(room.currentFrames()).get(7)).toMatchObject({ cursor: 'wang', user: { name: '王老师' } })
    expect(intruder.connection.awarenessClientIds.size).toBe(0)
    expect(intruder.closes).toEqual([])
  })

  it('[SEC-3] lets a new connection of the same user take its client id over', () => {
    const room = roomRelayingTo([])
    const oldTab = connectionOf(wang).connection
    const reconnected = connectionOf(wang).connection
    room.receive(oldTab, stateUpdate(7, 1, { cursor: 'old' }))
    room.receive(reconnected, stateUpdate(7, 2, { cursor: 'new' }))
    room.leave(oldTab)
    expect(statesIn(room.currentFrames()).get(7)).toMatchObject({ cursor: 'new' })
    expect([...reconnected.awarenessClientIds]).toEqual([7])
  })

  it('[SEC-1] closes a connection that speaks for too many client ids, and keeps the states it had', () => {
    const room = roomRelayingTo([])
    const { connection, closes } = connectionOf(guest)
    for (let id = 1; id <= limits.maxAwarenessClientsPerConnection + 1; id++) {
      room.receive(connection, stateUpdate(id, 1, { n: id }))
    }
    expect(closes).toEqual([CloseCode.awarenessTooLarge])
    expect(statesIn(room.currentFrames()).size).toBe(limits.maxAwarenessClientsPerConnection)
    room.leave(connection)
    expect(statesIn(room.currentFrames()).size).toBe(0)
  })

  it('[SEC-1] closes a connection sending a state over the size limit without keeping it', () => {
    const room = roomRelayingTo([])
    const { connection, closes } = connectionOf(guest)
    room.receive(connection, stateUpdate(7, 1, { pad: 'x'.repeat(limits.maxAwarenessStateBytes) }))
    expect(closes).toEqual([CloseCode.awarenessTooLarge])
    expect(room.currentFrames()).toEqual([])
  })

  it('[SEC-2] relays the changes of one tick in one frame, and nothing for a copy it already has', async () => {
    const relayed: Uint8Array[] = []
    const room = roomRelayingTo(relayed)
    const a = connectionOf(wang).connection
    const b = connectionOf(li).connection
    room.receive(a, stateUpdate(1, 1, { cursor: 1 }))
    room.receive(b, stateUpdate(2, 1, { cursor: 1 }))
    room.receive(a, stateUpdate(1, 2, { cursor: 2 }))
    room.receive(b, stateUpdate(1, 2, { cursor: 2 }))
    expect(relayed).toEqual([])
    await nextTick()
    expect(relayed).toHaveLength(1)
    expect(statesIn(relayed)).toEqual(
      new Map([
        [1, { cursor: 2, user: { id: wang.id, name: wang.displayName, color: wang.color } }],
        [2, { cursor: 1, user: { id: li.id, name: li.displayName, color: li.color } }],
      ]),
    )
    room.receive(a, stateUpdate(1, 2, { cursor: 2 }))
    await nextTick()
    expect(relayed).toHaveLength(1)
  })

  it('[SEC-2] tells a joiner everyone’s state in frames of bounded size', () => {
    const room = roomRelayingTo([])
    const people = 40
    const pad = 'x'.repeat(limits.maxAwarenessStateBytes - 100)
    for (let id = 1; id <= people; id++) {
      room.receive(connectionOf({ ...li, id: `u-${id}` }).connection, stateUpdate(id, 1, { pad }))
    }
    const frames = room.currentFrames()
    expect(frames.length).toBeGreaterThan(1)
    for (const frame of frames)
      expect(frame.length).toBeLessThanOrEqual(limits.maxAwarenessFrameBytes + limits.maxAwarenessStateBytes)
    expect(statesIn(frames).size).toBe(people)
  })

  it('[SEC-2] relays a departure once', async () => {
    const relayed: Uint8Array[] = []
    const room = roomRelayingTo(relayed)
    const { connection } = connectionOf(wang)
    room.receive(connection, stateUpdate(7, 1, { cursor: 1 }))
    await nextTick()
    room.leave(connection)
    await nextTick()
    expect(relayed).toHaveLength(2)
    expect(statesIn(relayed.slice(1)).get(7)).toBeNull()
  })
})
