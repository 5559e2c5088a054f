/**
 * Who is in a room and where their cursor is: the awareness states of its connections, bounded and
 * true (docs/SECURITY.md, SEC-1 to SEC-3).
 *
 * - Each awareness client id belongs to the connection that first announced it; another connection's
 *   copy of it is ignored (every y-websocket client passes on the states it hears, so most of those
 *   are echoes; the rest would be someone taking over another's cursor). A connection of the same
 *   user may take an id over: a tab that reconnected before its old socket was found dead.
 * - A connection owns at most `limits.maxAwarenessClientsPerConnection` ids, and no state may be
 *   larger than `limits.maxAwarenessStateBytes`; beyond either it is closed with
 *   `CloseCode.awarenessTooLarge`.
 * - The `user` of every state is replaced by the connection's session before it is kept or relayed.
 * - Changes are relayed once per tick, in frames of at most `limits.maxAwarenessFrameBytes`, and only
 *   when something changed.
 */
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { limits } from '../../shared/limits.ts'
import {
  type AwarenessEntry,
  readAwarenessEntries,
  withServerIdentity,
  writeAwarenessEntries,
} from '../../shared/protocol/awareness-update.ts'
import { CloseCode } from '../../shared/protocol/close-codes.ts'
import type { Connection } from './connection.ts'
import { encodeAwareness } from './outgoing-message.ts'

const utf8 = new TextEncoder()

export class RoomAwareness {
  private readonly awareness = new awarenessProtocol.Awareness(new Y.Doc())
  private readonly owners = new Map<number, Connection>()
  private readonly changed = new Set<number>()
  private relayScheduled: NodeJS.Immediate | null = null

  constructor(private readonly relay: (frame: Uint8Array) => void) {
    // The server is not a user: it must not show up in anyone's list of who is online.
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.noteChange)
  }

  /** Everyone's current state, for a connection that just joined or asked. */
  currentFrames(): Uint8Array[] {
    return this.framesOf([...this.awareness.getStates().keys()])
  }

  /**
   * Applies what `connection` may say about itself and ignores the rest. Throws `MalformedAwarenessError`
   * for a frame that cannot be read; closes the connection when it goes beyond the limits.
   */
  receive(connection: Connection, update: Uint8Array): void {
    const accepted: AwarenessEntry[] = []
    for (const entry of readAwarenessEntries(update)) {
      if (entry.stateJson.length > limits.maxAwarenessStateBytes) {
        return connection.close(CloseCode.awarenessTooLarge, 'awareness state too large')
      }
      const owner = this.owners.get(entry.clientId)
      if (owner !== connection) {
        if (owner !== undefined && owner.user.id !== connection.user.id) continue
        // Only a change that would be applied claims an id: a late echo of a departed client's state
        // carries the clock the room already has.
        if (entry.clock <= (this.awareness.meta.get(entry.clientId)?.clock ?? 0)) continue
        if (connection.awarenessClientIds.size >= limits.maxAwarenessClientsPerConnection) {
          return connection.close(CloseCode.awarenessTooLarge, 'too many awareness client ids')
        }
        owner?.awarenessClientIds.delete(entry.clientId)
        this.owners.set(entry.clientId, connection)
        connection.awarenessClientIds.add(entry.clientId)
      }
      const state = withServerIdentity(entry.stateJson, {
        id: connection.user.id,
        name: connection.user.displayName,
        color: connection.user.color,
      })
      accepted.push({ ...entry, stateJson: utf8.encode(JSON.stringify(state)) })
    }
    if (accepted.length > 0) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, writeAwarenessEntries(accepted), connection)
    }
  }

  /** Removes the connection's states for everyone. */
  leave(connection: Connection): void {
    const gone = [...connection.awarenessClientIds].filter((id) => this.owners.get(id) === connection)
    for (const id of gone) this.owners.delete(id)
    connection.awarenessClientIds.clear()
    awarenessProtocol.removeAwarenessStates(this.awareness, gone, 'left')
  }

  destroy(): void {
    if (this.relayScheduled) clearImmediate(this.relayScheduled)
    this.awareness.off('update', this.noteChange)
    this.awareness.destroy()
  }

  /** Fires for every applied change, renewals of an unchanged state included: they keep it alive. */
  private readonly noteChange = (change: { added: number[]; updated: number[]; removed: number[] }): void => {
    for (const id of change.added) this.changed.add(id)
    for (const id of change.updated) this.changed.add(id)
    for (const id of change.removed) this.changed.add(id)
    this.relayScheduled ??= setImmediate(() => {
      this.relayScheduled = null
      const ids = [...this.changed]
      this.changed.clear()
      for (const frame of this.framesOf(ids)) this.relay(frame)
    })
  }

  /** The states of `ids` (`null` for one that is gone), cut into frames of bounded size. */
  private framesOf(ids: readonly number[]): Uint8Array[] {
    const frames: Uint8Array[] = []
    let batch: AwarenessEntry[] = []
    let batchBytes = 0
    for (const clientId of ids) {
      const meta = this.awareness.meta.get(clientId)
      if (!meta) continue
      const stateJson = utf8.encode(JSON.stringify(this.awareness.states.get(clientId) ?? null))
      if (batch.length > 0 && batchBytes + stateJson.length > limits.maxAwarenessFrameBytes) {
        frames.push(encodeAwareness(writeAwarenessEntries(batch)))
        batch = []
        batchBytes = 0
      }
      batch.push({ clientId, clock: meta.clock, stateJson })
      batchBytes += stateJson.length + 16
    }
    if (batch.length > 0) frames.push(encodeAwareness(writeAwarenessEntries(batch)))
    return frames
  }
}
