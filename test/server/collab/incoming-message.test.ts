import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { parseIncomingMessage, ProtocolError } from '../../../server/collab/incoming-message.ts'
import { encodeSyncStep1, encodeSyncStep2, encodeUpdate } from '../../../server/collab/outgoing-message.ts'

function sampleUpdate(): Uint8Array {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, '学习目标：理解有理数的概念')
  return Y.encodeStateAsUpdate(doc)
}

describe('parseIncomingMessage', () => {
  it('reads an update and decodes all of it', () => {
    const update = sampleUpdate()
    const message = parseIncomingMessage(encodeUpdate(update))
    expect(message.kind).toBe('update')
    if (message.kind !== 'update') return
    expect(message.update).toEqual(update)
    expect(message.decoded.structs.length).toBeGreaterThan(0)
  })

  it('refuses an update whose structs are fine but whose delete set is garbage', () => {
    // Regression: the delete set was not read, so such an update was stored and broke every load.
    const update = sampleUpdate()
    const poisoned = new Uint8Array([...update.subarray(0, update.length - 1), 5, 200, 200])
    expect(() => parseIncomingMessage(encodeUpdate(poisoned))).toThrow(ProtocolError)
  })

  it('offers an update frame for relaying as it is, but not a sync step 2', () => {
    const update = sampleUpdate()
    const asUpdate = parseIncomingMessage(encodeUpdate(update))
    const asStep2 = parseIncomingMessage(encodeSyncStep2(update))
    expect(asUpdate.kind === 'update' && asUpdate.frame).toBeTruthy()
    expect(asStep2.kind === 'update' && asStep2.frame).toBeNull()
  })

  it('reads sync step 1', () => {
    const stateVector = Y.encodeStateVector(new Map([[1, 5]]))
    expect(parseIncomingMessage(encodeSyncStep1(stateVector))).toEqual({ kind: 'syncStep1', stateVector })
  })

  it('refuses an unknown message type', () => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 77)
    expect(() => parseIncomingMessage(encoding.toUint8Array(encoder))).toThrow(ProtocolError)
  })

  it('refuses a frame whose length prefix runs past its end', () => {
    const frame = encodeUpdate(sampleUpdate())
    expect(() => parseIncomingMessage(frame.subarray(0, frame.length - 5))).toThrow(ProtocolError)
  })

  it('refuses a well-framed update whose bytes are not a Yjs update', () => {
    const frame = encodeUpdate(new Uint8Array([5, 200, 1, 255, 255, 255, 255, 255, 3]))
    expect(() => parseIncomingMessage(frame)).toThrow(ProtocolError)
  })

  it('only ever fails with ProtocolError on random bytes', () => {
    let seed = 42
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const valid = encodeUpdate(sampleUpdate())
    for (let round = 0; round < 2000; round++) {
      const frame = valid.slice()
      // Keep the message type and sync type so the corruption reaches the Yjs update decoder.
      for (let flips = 1 + Math.floor(random() * 4); flips > 0; flips--) {
        frame[2 + Math.floor(random() * (frame.length - 2))] = Math.floor(random() * 256)
      }
      try {
        parseIncomingMessage(frame)
      } catch (error) {
        expect(error).toBeInstanceOf(ProtocolError)
      }
    }
  })
})
