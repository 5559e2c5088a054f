import { describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import {
  MalformedAwarenessError,
  readAwarenessEntries,
  withServerIdentity,
  writeAwarenessEntries,
} from '../../../shared/protocol/awareness-update.ts'

const json = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value))
const user = { id: 'u-sun', name: '孙老师', color: '#a61e4d' }

describe('awareness update entries', () => {
  it('reads what y-protocols writes, and writes what it reads', () => {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc())
    awareness.setLocalState({ cursor: { anchor: 1 } })
    const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID])
    const entries = readAwarenessEntries(update)
    expect(entries).toEqual([{ clientId: awareness.clientID, clock: 1, stateJson: json({ cursor: { anchor: 1 } }) }])
    expect(writeAwarenessEntries(entries)).toEqual(update)
    awareness.destroy()
  })

  it('refuses a frame whose state runs past its end', () => {
    const update = writeAwarenessEntries([{ clientId: 1, clock: 1, stateJson: json({ a: 1 }) }])
    expect(() => readAwarenessEntries(update.subarray(0, update.length - 2))).toThrow(MalformedAwarenessError)
  })
})

describe('withServerIdentity', () => {
  it('[SEC-3] replaces the user a client claims with the session’s, keeping its other fields', () => {
    const claimed = json({ user: { id: 'u-wang', name: '王老师', color: '#e03131', extra: 1 }, cursor: { head: 2 } })
    expect(withServerIdentity(claimed, user)).toEqual({ user, cursor: { head: 2 } })
  })

  it('[SEC-3] gives a state without a user the session’s', () => {
    expect(withServerIdentity(json({}), user)).toEqual({ user })
  })

  it('keeps a departure as null', () => {
    expect(withServerIdentity(json(null), user)).toBeNull()
  })

  it('refuses states that are not JSON objects', () => {
    for (const state of [json([1]), json('王老师'), json(3), new TextEncoder().encode('{')]) {
      expect(() => withServerIdentity(state, user)).toThrow(MalformedAwarenessError)
    }
  })
})
