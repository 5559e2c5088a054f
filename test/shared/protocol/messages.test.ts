import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import {
  encodeAccess,
  encodeSaveAck,
  isUpdateFrame,
  MessageType,
  readAccess,
  readAccessReason,
  readSaveAck,
} from '../../../shared/protocol/messages.ts'

describe('save ack', () => {
  it('round-trips the number of stored frames behind its message type', () => {
    for (const count of [0, 1, 127, 128, 1_000_000]) {
      const decoder = decoding.createDecoder(encodeSaveAck(count))
      expect(decoding.readVarUint(decoder)).toBe(MessageType.saveAck)
      expect(readSaveAck(decoder)).toBe(count)
    }
  })

  it('uses a type y-websocket does not, so it cannot be mistaken for one of its messages', () => {
    expect([0, 1, 2, 3]).not.toContain(MessageType.saveAck)
    expect([0, 1, 2, 3]).not.toContain(MessageType.access)
  })
})

describe('isUpdateFrame', () => {
  it('recognises sync step 2 and update frames, and nothing else', () => {
    expect(isUpdateFrame(new Uint8Array([0, 1, 2, 0, 0]))).toBe(true)
    expect(isUpdateFrame(new Uint8Array([0, 2, 2, 0, 0]))).toBe(true)
    expect(isUpdateFrame(new Uint8Array([0, 0, 1, 0]))).toBe(false)
    expect(isUpdateFrame(new Uint8Array([1, 3, 0, 0, 0]))).toBe(false)
    expect(isUpdateFrame(new Uint8Array([0]))).toBe(false)
  })
})

describe('access message', () => {
  it.each(['edit', 'comment', 'read'] as const)('round-trips %s', (access) => {
    const decoder = decoding.createDecoder(encodeAccess(access))
    expect(decoding.readVarUint(decoder)).toBe(MessageType.access)
    expect(readAccess(decoder)).toBe(access)
  })

  it('[SYNC-7] carries why the text may not be written, and reads as before without it', () => {
    const withReason = decoding.createDecoder(encodeAccess('comment', '组长已定稿（v1），正文已锁定'))
    decoding.readVarUint(withReason)
    expect([readAccess(withReason), readAccessReason(withReason)]).toEqual(['comment', '组长已定稿（v1），正文已锁定'])
    const without = decoding.createDecoder(encodeAccess('edit'))
    decoding.readVarUint(without)
    expect([readAccess(without), readAccessReason(without)]).toEqual(['edit', null])
  })

  it('refuses an unknown access level', () => {
    const decoder = decoding.createDecoder(encodeAccess('edit').map((byte, i) => (i === 2 ? 0x78 : byte)))
    decoding.readVarUint(decoder)
    expect(() => readAccess(decoder)).toThrow(/unknown access level/)
  })
})
