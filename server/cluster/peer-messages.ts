/**
 * What instances tell each other over Redis (SCALE-1), one binary message each, a `writeX`/`readX` pair
 * per kind. Every message starts with its kind and the sending instance:
 *
 * | kind | channel | body |
 * |---|---|---|
 * | `stored` | the document's | documentId, firstSeq, count, then `count` updates (varUint8Array) |
 * | `awareness` | the document's | documentId, an awareness update |
 * | `whoIsHere` | the document's | documentId: instances that have it open answer with `awareness` |
 * | `alive` | the instances' | nothing: sent every `heartbeatMs` |
 * | `leaving` | the instances' | nothing: the instance is shutting down |
 * | `inbox` | the instances' | userId, event name, the event's data as JSON |
 *
 * Nothing here is the durable record: PostgreSQL is. A lost message delays, never loses (SCALE-2).
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export type PeerMessage =
  | { kind: 'stored'; from: string; documentId: string; firstSeq: number; updates: Uint8Array[] }
  | { kind: 'awareness'; from: string; documentId: string; update: Uint8Array }
  | { kind: 'whoIsHere'; from: string; documentId: string }
  | { kind: 'alive'; from: string }
  | { kind: 'leaving'; from: string }
  | { kind: 'inbox'; from: string; userId: string; event: string; json: string }

const kinds = ['stored', 'awareness', 'whoIsHere', 'alive', 'leaving', 'inbox'] as const

export class MalformedPeerMessage extends Error {
  override readonly name = 'MalformedPeerMessage'
}

export function writePeerMessage(message: PeerMessage): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, kinds.indexOf(message.kind))
  encoding.writeVarString(encoder, message.from)
  switch (message.kind) {
    case 'stored':
      encoding.writeVarString(encoder, message.documentId)
      encoding.writeVarUint(encoder, message.firstSeq)
      encoding.writeVarUint(encoder, message.updates.length)
      for (const update of message.updates) encoding.writeVarUint8Array(encoder, update)
      break
    case 'awareness':
      encoding.writeVarString(encoder, message.documentId)
      encoding.writeVarUint8Array(encoder, message.update)
      break
    case 'whoIsHere':
      encoding.writeVarString(encoder, message.documentId)
      break
    case 'alive':
    case 'leaving':
      break
    case 'inbox':
      encoding.writeVarString(encoder, message.userId)
      encoding.writeVarString(encoder, message.event)
      encoding.writeVarString(encoder, message.json)
      break
    default:
      message satisfies never
  }
  return encoding.toUint8Array(encoder)
}

/** Throws `MalformedPeerMessage` for bytes that are not a message of a known kind. */
export function readPeerMessage(bytes: Uint8Array): PeerMessage {
  try {
    const decoder = decoding.createDecoder(bytes)
    const kind = kinds[decoding.readVarUint(decoder)]
    const from = decoding.readVarString(decoder)
    switch (kind) {
      case 'stored': {
        const documentId = decoding.readVarString(decoder)
        const firstSeq = decoding.readVarUint(decoder)
        const count = decoding.readVarUint(decoder)
        const updates: Uint8Array[] = []
        for (let index = 0; index < count; index++) updates.push(decoding.readVarUint8Array(decoder))
        return { kind, from, documentId, firstSeq, updates }
      }
      case 'awareness':
        return { kind, from, documentId: decoding.readVarString(decoder), update: decoding.readVarUint8Array(decoder) }
      case 'whoIsHere':
        return { kind, from, documentId: decoding.readVarString(decoder) }
      case 'alive':
      case 'leaving':
        return { kind, from }
      case 'inbox':
        return {
          kind,
          from,
          userId: decoding.readVarString(decoder),
          event: decoding.readVarString(decoder),
          json: decoding.readVarString(decoder),
        }
      case undefined:
        throw new MalformedPeerMessage('unknown kind')
      default:
        return kind satisfies never
    }
  } catch (error) {
    if (error instanceof MalformedPeerMessage) throw error
    throw new MalformedPeerMessage(`unreadable peer message: ${(error as Error).message}`)
  }
}
