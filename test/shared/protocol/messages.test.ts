import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  encodeAccess,
  encodeSaveAck,
  MessageType,
  readAccess,
  readSaveAck,
} from '../../../shared/protocol/messages.ts'

describe('save ack', () => {
  it('round-trips a state vector behind its message type', () => {
    const stateVector = Y.encodeStateVector(new Map([[7, 42], [123456789, 3]]))
    const decoder = decoding.createDecoder(encodeSaveAck(stateVector))
    expect(decoding.readVarUint(decoder)).toBe(MessageType.saveAck)
    expect(Y.decodeStateVector(readSaveAck(decoder))).toEqual(new Map([[7, 42], [123456789, 3]]))
  })

  it('uses a type y-websocket does not, so it cannot be mistaken for one of its messages', () => {
    expect([0, 1, 2, 3]).not.toContain(MessageType.saveAck)
    expect([0, 1, 2, 3]).not.toContain(MessageType.access)
  })
})

describe('access message', () => {
  it.each(['edit', 'comment', 'read'] as const)('round-trips %s', (access) => {
    const decoder = decoding.createDecoder(encodeAccess(access))
    expect(decoding.readVarUint(decoder)).toBe(MessageType.access)
    expect(readAccess(decoder)).toBe(access)
  })

  it('refuses an unknown access level', () => {
    const decoder = decoding.createDecoder(encodeAccess('edit').map((byte, i) => (i === 2 ? 0x78 : byte)))
    decoding.readVarUint(decoder)
    expect(() => readAccess(decoder)).toThrow(/unknown access level/)
  })
})
