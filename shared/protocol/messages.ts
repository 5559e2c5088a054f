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
 * | 100  | save ack        | varUint: how many update frames of this connection are stored     | server → client  |
 * | 101  | access          | varString: `edit` \| `comment` \| `read`; then, if not `edit`, varString: why | server → client  |
 *
 * Awareness is relayed as y-protocols lays it out, but the server replaces the `user` of every state with
 * the sender's signed-in identity and bounds what one connection may announce
 * (`awareness-update.ts`, docs/SECURITY.md).
 *
 * Both of our messages go only to clients that connected with `?ack=1`; an unmodified y-websocket
 * client never sees a type it does not know.
 *
 * Save ack: the server numbers the update frames it receives on a connection (sync step 2 and update
 * messages, 1, 2, 3, … in arrival order, empty ones included). Once frames up to N are durably stored
 * (or found to add nothing), it sends a save ack carrying N; acks only ever grow. A client that knows
 * which of its frames carried a change knows exactly when that change is saved — deletions included,
 * which no state vector can show. Changes a client made while it had no connection travel in the sync
 * step 2 it sends on the next one. Frames of a read-only connection are not stored and never
 * acknowledged; a frame the server refuses (docs/THREADS.md) is never covered by an ack, so the acks
 * of that connection stop below it.
 *
 * Access: sent after connecting to clients that opted in with `?ack=1`, so the editor can show 只读
 * before the user types, and again whenever it changes (a lesson was finalized, 集体研讨 opened).
 * Unmodified y-websocket clients learn a refusal from the auth message instead. The reason
 * (`shared/workflow/read-only-reason.ts`) is what the editor shows as its read-only notice; a client
 * that reads only the level ignores it.
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

/** Whether a client frame carries a Yjs update (sync step 2 or update): the frames save acks count. */
export function isUpdateFrame(frame: Uint8Array): boolean {
  return frame.length > 1 && frame[0] === MessageType.sync && (frame[1] === 1 || frame[1] === 2)
}

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

export function writeSaveAck(encoder: encoding.Encoder, storedFrames: number): void {
  encoding.writeVarUint(encoder, MessageType.saveAck)
  encoding.writeVarUint(encoder, storedFrames)
}

/** Reads the body of a save ack: the number of this connection's update frames now stored. */
export function readSaveAck(decoder: decoding.Decoder): number {
  return decoding.readVarUint(decoder)
}

export function writeAccess(encoder: encoding.Encoder, access: AccessLevel, reason: string | null = null): void {
  encoding.writeVarUint(encoder, MessageType.access)
  encoding.writeVarString(encoder, access)
  if (reason !== null) encoding.writeVarString(encoder, reason)
}

/** Reads the body of an access message; the message type has already been read. */
export function readAccess(decoder: decoding.Decoder): AccessLevel {
  const access = decoding.readVarString(decoder)
  if (!(accessLevels as readonly string[]).includes(access)) {
    throw new Error(`unknown access level: ${access}`)
  }
  return access as AccessLevel
}

/** Reads why the text may not be written, after `readAccess`; null when the server gave no reason. */
export function readAccessReason(decoder: decoding.Decoder): string | null {
  return decoding.hasContent(decoder) ? decoding.readVarString(decoder) : null
}

export function encodeSaveAck(storedFrames: number): Uint8Array {
  const encoder = encoding.createEncoder()
  writeSaveAck(encoder, storedFrames)
  return encoding.toUint8Array(encoder)
}

export function encodeAccess(access: AccessLevel, reason: string | null = null): Uint8Array {
  const encoder = encoding.createEncoder()
  writeAccess(encoder, access, reason)
  return encoding.toUint8Array(encoder)
}
