import * as encoding from 'lib0/encoding'
import fc from 'fast-check'
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
    const valid = encodeUpdate(sampleUpdate())
    // Past the message type and sync type, so the corruption reaches the Yjs update decoder.
    const flip = fc.record({
      at: fc.integer({ min: 2, max: valid.length - 1 }),
      byte: fc.integer({ min: 0, max: 255 }),
    })
    fc.assert(
      fc.property(fc.array(flip, { minLength: 1, maxLength: 4 }), (flips) => {
        const frame = valid.slice()
        for (const { at, byte } of flips) frame[at] = byte
        try {
          parseIncomingMessage(frame)
        } catch (error) {
          expect(error).toBeInstanceOf(ProtocolError)
        }
      }),
      { seed: 42, numRuns: 2000 },
    )
  })
})
