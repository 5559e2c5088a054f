/**
 * The wire protocol on `/collab/<documentId>`: the y-websocket protocol, plus two messages of our own.
 *
 * Every frame is binary and starts with a lib0 varUint message type:
 *
 * | type | name            | body                                                            | direction        |
 * |------|-----------------|-----------------------------------------------------------------|------------------|
 * | 0    | sync            | y-protocols sync: step 1 (state vector), step 2 / update (update) | both             |
 * | 1    | awareness       | y-protocols awareness update                                     | both             |
 * | 2    | auth            | y-protocols auth: permission denied + reason                     | server → client  |
 * | 3    | query awareness | empty                                                            | client → server  |
 * | 100  | save ack        | varUint8Array: a Yjs state vector (v1) of updates now stored     | server → client  |
 * | 101  | access          | varString: `edit` \| `comment` \| `read`                          | server → client  |
 *
 * Both of our messages go only to clients that connected with `?ack=1`; an unmodified y-websocket
 * client never sees a type it does not know.
 *
 * Save ack: after the server has durably stored updates received on a connection, it sends the state
 * vector those updates reach (only the clients they touch). Right after connecting it sends the full
 * state vector of the stored document. Because the server relays only stored updates, a client may also
 * count every update it receives from the server as stored. A client is saved when its own state vector
 * is covered by what it knows to be stored.
 *
 * Access: sent once after connecting to clients that opted in with `?ack=1`, so the editor can show 只读
 * before the user types. Unmodified y-websocket clients learn it from the auth message instead.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { type AccessLevel, accessLevels } from '../access.ts'

export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  saveAck: 100,
  access: 101,
} as const

/** URL query parameters a client may add when connecting. */
export const ConnectParam = {
  /** `?ack=1`: send save acks and the access message. */
  ack: 'ack',
  /** `?schema=N`: the editor schema version the client was built with. */
  schemaVersion: 'schema',
  /** `?token=…`: a token from `POST /api/auth/ws-token`, for clients without the session cookie. */
  token: 'token',
} as const

export const collabPathPrefix = '/collab/'

export function writeSaveAck(encoder: encoding.Encoder, stateVector: Uint8Array): void {
  encoding.writeVarUint(encoder, MessageType.saveAck)
  encoding.writeVarUint8Array(encoder, stateVector)
}

/** Reads the body of a save ack; the message type has already been read. */
export function readSaveAck(decoder: decoding.Decoder): Uint8Array {
  return decoding.readVarUint8Array(decoder)
}

export function writeAccess(encoder: encoding.Encoder, access: AccessLevel): void {
  encoding.writeVarUint(encoder, MessageType.access)
  encoding.writeVarString(encoder, access)
}

/** Reads the body of an access message; the message type has already been read. */
export function readAccess(decoder: decoding.Decoder): AccessLevel {
  const access = decoding.readVarString(decoder)
  if (!(accessLevels as readonly string[]).includes(access)) {
    throw new Error(`unknown access level: ${access}`)
  }
  return access as AccessLevel
}

export function encodeSaveAck(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  writeSaveAck(encoder, stateVector)
  return encoding.toUint8Array(encoder)
}

export function encodeAccess(access: AccessLevel): Uint8Array {
  const encoder = encoding.createEncoder()
  writeAccess(encoder, access)
  return encoding.toUint8Array(encoder)
}
