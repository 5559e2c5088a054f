/**
 * The body of an awareness message, as y-protocols lays it out, read entry by entry so that a server can
 * judge each state before any of it is applied:
 *
 *   varUint count, then per entry: varUint client id, varUint clock, varUint length + UTF-8 JSON state
 *
 * A state of `null` means the client is gone. The user a state shows (`user`) is the server's to write:
 * it replaces whatever a client put there with the identity of the connection's session
 * (`AwarenessUser`), so names and colours shown to others are never a client's claim.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export interface AwarenessEntry {
  clientId: number
  clock: number
  /** The state's JSON text as sent; parse it only once its size is known to be within bounds. */
  stateJson: Uint8Array
}

/** The identity the server attaches as `user` to every awareness state it relays. */
export interface AwarenessUser {
  /** The user's id: the same person in several tabs is one entry in the list of who is online. */
  id: string
  name: string
  color: string
}

export class MalformedAwarenessError extends Error {
  override readonly name = 'MalformedAwarenessError'
}

export function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update)
  try {
    const count = decoding.readVarUint(decoder)
    const entries: AwarenessEntry[] = []
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const stateJson = decoding.readVarUint8Array(decoder)
      // lib0 returns a shorter view instead of failing when a length runs past the end.
      if (decoder.pos > update.length) throw new MalformedAwarenessError('truncated awareness update')
      entries.push({ clientId, clock, stateJson })
    }
    return entries
  } catch (error) {
    if (error instanceof MalformedAwarenessError) throw error
    throw new MalformedAwarenessError(`malformed awareness update: ${(error as Error).message}`)
  }
}

export function writeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const { clientId, clock, stateJson } of entries) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarUint8Array(encoder, stateJson)
  }
  return encoding.toUint8Array(encoder)
}

/**
 * The state to keep and relay: the client's fields with `user` replaced by the session's identity, or
 * `null` for a client that is gone. A state that is not a JSON object is malformed.
 */
export function withServerIdentity(stateJson: Uint8Array, user: AwarenessUser): Record<string, unknown> | null {
  let state: unknown
  try {
    state = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(stateJson))
  } catch (error) {
    throw new MalformedAwarenessError(`awareness state is not JSON: ${(error as Error).message}`)
  }
  if (state === null) return null
  if (typeof state !== 'object' || Array.isArray(state)) {
    throw new MalformedAwarenessError('awareness state is not an object')
  }
  return { ...(state as Record<string, unknown>), user: { id: user.id, name: user.name, color: user.color } }
}
