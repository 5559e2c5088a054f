/**
 * Parses one binary frame from a client into a typed message. Anything that is not a well-formed
 * y-websocket message carrying a well-formed Yjs update throws `ProtocolError`, so nothing malformed
 * is ever stored or relayed.
 */
import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { MessageType } from '../../shared/protocol/messages.ts'
import { deleteRangesOf, type HeldDeletion } from './delete-ranges.ts'
import type { DecodedUpdate } from './document-state.ts'

export type IncomingMessage =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  /** `frame` is set when the frame is already the relayable `[sync, update, bytes]` form. */
  | { kind: 'update'; update: Uint8Array; decoded: DecodedUpdate; frame: Uint8Array | null }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'queryAwareness' }
  | { kind: 'auth' }

export class ProtocolError extends Error {
  override readonly name = 'ProtocolError'
}

export function parseIncomingMessage(frame: Uint8Array): IncomingMessage {
  try {
    return parseFrame(frame)
  } catch (error) {
    if (error instanceof ProtocolError) throw error
    throw new ProtocolError(`malformed frame: ${(error as Error).message}`)
  }
}

/**
 * For a connection that may only read: whether `frame` carries a document update, and whether that
 * update holds any structs, read from its first bytes without decoding it (docs/BOUNDS.md, BOUNDS-6).
 * Null for any other message, which is parsed as usual.
 */
export function peekUpdateFrame(frame: Uint8Array): { holdsStructs: boolean } | null {
  try {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== MessageType.sync) return null
    const syncType = decoding.readVarUint(decoder)
    if (syncType !== syncProtocol.messageYjsSyncStep2 && syncType !== syncProtocol.messageYjsUpdate) return null
    decoding.readVarUint(decoder)
    // A v1 update starts with the number of clients whose structs it holds.
    return { holdsStructs: decoding.hasContent(decoder) && decoding.readVarUint(decoder) > 0 }
  } catch {
    // Too short to say: an update nobody will read either way.
    return { holdsStructs: false }
  }
}

/**
 * The deletion ranges of the update a frame carries, counted without decoding it (BOUNDS-14): 0 for
 * any other message and for bytes too broken to count, which the parse refuses anyway; any number
 * above `cap` once the count passes it.
 */
export function deleteRangesOfFrame(frame: Uint8Array, cap: number, held: HeldDeletion): number {
  try {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== MessageType.sync) return 0
    const syncType = decoding.readVarUint(decoder)
    if (syncType !== syncProtocol.messageYjsSyncStep2 && syncType !== syncProtocol.messageYjsUpdate) return 0
    return deleteRangesOf(decoding.readVarUint8Array(decoder), cap, held)
  } catch {
    return 0
  }
}

function parseFrame(frame: Uint8Array): IncomingMessage {
  const decoder = decoding.createDecoder(frame)
  const messageType = decoding.readVarUint(decoder)
  switch (messageType) {
    case MessageType.sync:
      return parseSync(decoder, frame)
    case MessageType.awareness:
      return { kind: 'awareness', update: readBytes(decoder) }
    case MessageType.queryAwareness:
      return { kind: 'queryAwareness' }
    case MessageType.auth:
      return { kind: 'auth' }
    default:
      throw new ProtocolError(`unknown message type ${messageType}`)
  }
}

function parseSync(decoder: decoding.Decoder, frame: Uint8Array): IncomingMessage {
  const syncType = decoding.readVarUint(decoder)
  switch (syncType) {
    case syncProtocol.messageYjsSyncStep1:
      return { kind: 'syncStep1', stateVector: validStateVector(readBytes(decoder)) }
    case syncProtocol.messageYjsSyncStep2:
    case syncProtocol.messageYjsUpdate: {
      const update = readBytes(decoder)
      // Decoding reads every struct and the whole delete set: a corrupt update must fail here, before
      // it is stored, or it would break every client it reaches and every later load of the document.
      const decoded = Y.decodeUpdate(update)
      const relayable = syncType === syncProtocol.messageYjsUpdate && !decoding.hasContent(decoder)
      return { kind: 'update', update, decoded, frame: relayable ? frame : null }
    }
    default:
      throw new ProtocolError(`unknown sync message type ${syncType}`)
  }
}

function validStateVector(stateVector: Uint8Array): Uint8Array {
  Y.decodeStateVector(stateVector)
  return stateVector
}

/** lib0 returns a shorter view instead of failing when a length prefix runs past the frame. */
function readBytes(decoder: decoding.Decoder): Uint8Array {
  const bytes = decoding.readVarUint8Array(decoder)
  if (decoder.pos > decoder.arr.length) throw new ProtocolError('truncated frame')
  return bytes
}
