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
 * - With several instances (SCALE-3), the changes of this instance's own connections go to the others
 *   too; theirs arrive here already checked, are relayed like ours and never passed on, and vanish when
 *   their instance leaves or stops answering.
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

/** The origin of changes that came from another instance. */
const fromPeer = Symbol('peer')

export class RoomAwareness {
  private readonly awareness = new awarenessProtocol.Awareness(new Y.Doc())
  private readonly owners = new Map<number, Connection>()
  /** Client ids whose state another instance holds, by that instance. */
  private readonly peerOwners = new Map<number, string>()
  private readonly changed = new Set<number>()
  /** Changed ids of this instance's own connections: what the other instances are told. */
  private readonly changedHere = new Set<number>()
  private relayScheduled: NodeJS.Immediate | null = null

  constructor(
    private readonly relay: (frame: Uint8Array) => void,
    /** Passes an awareness update of this instance's own states to the other instances. */
    private readonly publish: ((update: Uint8Array) => void) | null = null,
  ) {
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
        // A tab that moved here from another instance.
        this.peerOwners.delete(entry.clientId)
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

  /** Applies states another instance holds; an id a connection of this instance owns stays its own. */
  receiveFromPeer(instanceId: string, update: Uint8Array): void {
    const accepted = readAwarenessEntries(update).filter((entry) => !this.owners.has(entry.clientId))
    if (accepted.length === 0) return
    for (const entry of accepted) this.peerOwners.set(entry.clientId, instanceId)
    awarenessProtocol.applyAwarenessUpdate(this.awareness, writeAwarenessEntries(accepted), fromPeer)
  }

  /** Removes every state of an instance that left or stopped answering. */
  dropPeer(instanceId: string): void {
    const gone = [...this.peerOwners].filter(([, owner]) => owner === instanceId).map(([clientId]) => clientId)
    awarenessProtocol.removeAwarenessStates(this.awareness, gone, fromPeer)
  }

  /** The states of this instance's own connections, for an instance that just opened the document. */
  updatesHere(): Uint8Array[] {
    return this.updatesOf([...this.owners.keys()])
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
  private readonly noteChange = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    for (const ids of [change.added, change.updated, change.removed]) {
      for (const id of ids) {
        this.changed.add(id)
        // A peer's state timing out here is not news to the peers.
        if (origin !== fromPeer && !this.peerOwners.has(id)) this.changedHere.add(id)
      }
    }
    for (const id of change.removed) this.peerOwners.delete(id)
    this.relayScheduled ??= setImmediate(() => {
      this.relayScheduled = null
      const ids = [...this.changed]
      const here = [...this.changedHere]
      this.changed.clear()
      this.changedHere.clear()
      for (const frame of this.framesOf(ids)) this.relay(frame)
      if (this.publish && here.length > 0) for (const update of this.updatesOf(here)) this.publish(update)
    })
  }

  private framesOf(ids: readonly number[]): Uint8Array[] {
    return this.updatesOf(ids).map(encodeAwareness)
  }

  /** The states of `ids` (`null` for one that is gone), cut into updates of bounded size. */
  private updatesOf(ids: readonly number[]): Uint8Array[] {
    const frames: Uint8Array[] = []
    let batch: AwarenessEntry[] = []
    let batchBytes = 0
    for (const clientId of ids) {
      const meta = this.awareness.meta.get(clientId)
      if (!meta) continue
      const stateJson = utf8.encode(JSON.stringify(this.awareness.states.get(clientId) ?? null))
      if (batch.length > 0 && batchBytes + stateJson.length > limits.maxAwarenessFrameBytes) {
        frames.push(writeAwarenessEntries(batch))
        batch = []
        batchBytes = 0
      }
      batch.push({ clientId, clock: meta.clock, stateJson })
      batchBytes += stateJson.length + 16
    }
    if (batch.length > 0) frames.push(writeAwarenessEntries(batch))
    return frames
  }
}
