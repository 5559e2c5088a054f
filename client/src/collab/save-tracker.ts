/**
 * Which local changes the server has durably stored: pure bookkeeping, no provider, no DOM.
 *
 * Every local transaction becomes one pending change. What the server has stored is learned from
 * its save acks (a state vector, see shared/protocol/messages.ts) and from every update it sends,
 * because it relays only stored updates.
 *
 * A change that inserted content ends at a clock of its client, and is stored once the known stored
 * state vector reaches that clock. A change that only deleted content leaves the state vector as it
 * was, so no state vector can prove it stored; it counts as stored when a save ack arrives after it
 * was sent (not the ack the server sends on joining, which only reports what it had). Since the server
 * stores the updates of one connection in order, a stored change also proves every earlier change
 * stored.
 */
import * as Y from 'yjs'

export type SaveStatus = 'saved' | 'saving' | 'offline'

/** `clock` is where an inserting change ends for `client`; 0 marks a change that only deleted. */
export interface PendingChange {
  client: number
  clock: number
}

interface TrackedChange extends PendingChange {
  /** Sent on the current connection: a later save ack may then cover a delete-only change. */
  sent: boolean
}

export class SaveTracker {
  private readonly stored = new Map<number, number>()
  private changes: TrackedChange[]
  private connected = false
  /** The first ack of a connection reports the stored document, not anything we sent. */
  private joinAckPending = false

  /**
   * `restored`: changes still pending when this document was last open in this browser.
   * `localStateVector`: the state vector of the local copy they were restored with; a change beyond it
   * never reached the local copy (the tab closed before it was written), so it cannot be pending.
   */
  constructor(restored: readonly PendingChange[] = [], localStateVector?: Map<number, number>) {
    this.changes = restored
      .filter(({ client, clock }) => clock === 0 || !localStateVector || clock <= (localStateVector.get(client) ?? 0))
      .map(({ client, clock }) => ({ client, clock, sent: false }))
  }

  get status(): SaveStatus {
    if (!this.connected) return 'offline'
    return this.changes.length > 0 ? 'saving' : 'saved'
  }

  get pendingCount(): number {
    return this.changes.length
  }

  pendingChanges(): PendingChange[] {
    return this.changes.map(({ client, clock }) => ({ client, clock }))
  }

  /** A transaction made in this editor; `sent` tells whether it went out on an open connection. */
  recordLocalUpdate(update: Uint8Array, clientId: number, sent: boolean): void {
    const end = Y.parseUpdateMeta(update).to.get(clientId) ?? 0
    this.changes.push({ client: clientId, clock: end, sent })
  }

  /** An update received from the server, which relays only what it has stored. */
  recordRemoteUpdate(update: Uint8Array): void {
    this.learnStored(Y.parseUpdateMeta(update).to)
    this.dropThroughLastStoredInsert()
  }

  recordSaveAck(stateVector: Uint8Array): void {
    this.learnStored(Y.decodeStateVector(stateVector))
    this.dropThroughLastStoredInsert()
    if (this.joinAckPending) {
      this.joinAckPending = false
      return
    }
    let sentDeletes = 0
    while (sentDeletes < this.changes.length && this.changes[sentDeletes]!.clock === 0 && this.changes[sentDeletes]!.sent) {
      sentDeletes++
    }
    this.changes.splice(0, sentDeletes)
  }

  /** The client answered the server's sync step 1: the whole local state, deletions included, went out. */
  markAllSent(): void {
    for (const change of this.changes) change.sent = true
  }

  setConnected(connected: boolean): void {
    if (connected && !this.connected) this.joinAckPending = true
    this.connected = connected
    // What was sent on a lost connection may never have arrived; reconnecting sends it again.
    if (!connected) for (const change of this.changes) change.sent = false
  }

  private learnStored(stateVector: Map<number, number>): void {
    for (const [client, clock] of stateVector) {
      if (clock > (this.stored.get(client) ?? 0)) this.stored.set(client, clock)
    }
  }

  private dropThroughLastStoredInsert(): void {
    for (let index = this.changes.length - 1; index >= 0; index--) {
      const { client, clock } = this.changes[index]!
      if (clock > 0 && clock <= (this.stored.get(client) ?? 0)) {
        this.changes.splice(0, index + 1)
        return
      }
    }
  }
}
