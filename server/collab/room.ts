/**
 * One open document: its connections, its awareness, and the path of an update from a client to the
 * store and then to everyone else. Durable before relayed: an update reaches other clients (and its
 * sender's save ack) only after the store has accepted it.
 */
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { type AccessLevel, canWriteContent } from '../../shared/access.ts'
import { limits } from '../../shared/limits.ts'
import { CloseCode } from '../../shared/protocol/close-codes.ts'
import { encodeAccess, encodeSaveAck } from '../../shared/protocol/messages.ts'
import type { Store } from '../store/store.ts'
import type { CollabMetrics } from '../metrics.ts'
import type { Connection } from './connection.ts'
import { DocumentState, isEmptyUpdate } from './document-state.ts'
import { type IncomingMessage, parseIncomingMessage, ProtocolError } from './incoming-message.ts'
import {
  encodeAwareness,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
} from './outgoing-message.ts'
import { PersistQueue } from './persist-queue.ts'

/** Where an update came from: a client of this room, or the server itself (e.g. a merge it computed). */
export type UpdateOrigin = Connection | 'server'

interface PendingUpdate {
  update: Uint8Array
  reach: Map<number, number>
  origin: UpdateOrigin
  /** The frame to relay, when the client's own frame can be forwarded as it is. */
  frame: Uint8Array | null
}

export interface RoomOptions {
  documentId: string
  state: DocumentState
  /** Update log rows stored after the snapshot, as loaded. */
  logLength: number
  /** Sequence number of the last stored update, as loaded. */
  lastSeq: number
  store: Store
  metrics: CollabMetrics
  /** Fold the log into the snapshot once it has this many rows. */
  compactAfter: number
  /** Called whenever the last connection has left. */
  onEmpty(room: Room): void
}

export class Room {
  readonly documentId: string
  private readonly connections = new Set<Connection>()
  private readonly awareness = new awarenessProtocol.Awareness(new Y.Doc())
  private readonly persistQueue: PersistQueue<PendingUpdate>
  private queuedBytes = 0
  private logLength: number
  private lastSeq: number
  private compacting: Promise<void> | null = null

  constructor(private readonly options: RoomOptions) {
    this.documentId = options.documentId
    this.logLength = options.logLength
    this.lastSeq = options.lastSeq
    // The server is not a user: it must not show up in anyone's list of who is online.
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.trackAwarenessOwners)
    this.persistQueue = new PersistQueue<PendingUpdate>({
      write: (items) => this.write(items),
      stored: (items, lastSeq) => this.stored(items, lastSeq),
      failed: (items, error) => this.failed(items, error),
    })
  }

  get connectionCount(): number {
    return this.connections.size
  }

  join(connection: Connection): void {
    this.connections.add(connection)
    connection.send(encodeSyncStep1(this.options.state.stateVector()))
    if (connection.wantsAcks) {
      connection.send(encodeAccess(connection.access))
      connection.send(encodeSaveAck(this.options.state.stateVector()))
    }
    const others = [...this.awareness.getStates().keys()]
    if (others.length > 0) {
      connection.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, others)))
    }
  }

  leave(connection: Connection): void {
    if (!this.connections.delete(connection)) return
    const gone = [...connection.awarenessClientIds]
    if (gone.length > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, gone, connection)
      this.broadcast(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, gone)), null)
    }
    if (this.connections.size === 0) this.options.onEmpty(this)
  }

  /** Handles one frame; a malformed frame closes only its own connection. */
  receive(connection: Connection, frame: Uint8Array): void {
    try {
      this.handle(connection, parseIncomingMessage(frame))
    } catch (error) {
      if (error instanceof ProtocolError) {
        connection.close(CloseCode.protocolError, error.message.slice(0, 120))
        return
      }
      console.error(`unexpected error on ${this.documentId}:`, error)
      connection.close(1011, 'internal error')
    }
  }

  /** Stores an update and relays it to every client, as if a client had sent it. */
  submitUpdate(update: Uint8Array, origin: UpdateOrigin): void {
    const { to } = Y.parseUpdateMeta(update)
    this.enqueue({ update, reach: to, origin, frame: null })
  }

  /** Resolves once every accepted update is stored and any compaction has finished. */
  async settle(): Promise<void> {
    await this.persistQueue.drained()
    await this.compacting
  }

  /** Folds the log into the snapshot, if there is a log. Runs only while no update is pending. */
  async compact(): Promise<void> {
    if (this.logLength === 0 || this.compacting) return this.compacting ?? undefined
    const snapshot = this.options.state.merged()
    const uptoSeq = this.lastSeq
    const folded = this.logLength
    this.compacting = this.options.store
      .compactDocument(this.documentId, snapshot, uptoSeq)
      .then(() => {
        this.logLength -= folded
      })
      .catch((error: unknown) => {
        // The log is still intact, so nothing is lost; the next compaction tries again.
        console.error(`compaction of ${this.documentId} failed:`, error)
      })
      .finally(() => {
        this.compacting = null
      })
    return this.compacting
  }

  /**
   * Decides every connection's access again, e.g. after the lesson moved to another stage. A connection
   * that lost all access is closed; the others are told their new level.
   */
  refreshAccess(accessOf: (connection: Connection) => AccessLevel | null): void {
    for (const connection of this.connections) {
      const access = accessOf(connection)
      if (access === null) {
        connection.close(CloseCode.forbidden, 'access revoked')
      } else if (access !== connection.access) {
        connection.access = access
        connection.toldReadOnly = false
        if (connection.wantsAcks) connection.send(encodeAccess(access))
      }
    }
  }

  closeAll(code: number, reason: string): void {
    for (const connection of this.connections) connection.close(code, reason)
  }

  destroy(): void {
    this.awareness.off('update', this.trackAwarenessOwners)
    this.awareness.destroy()
  }

  private handle(connection: Connection, message: IncomingMessage): void {
    switch (message.kind) {
      case 'syncStep1':
        connection.send(encodeSyncStep2(this.options.state.diff(message.stateVector)))
        return
      case 'update':
        this.receiveUpdate(connection, message.update, message.reach, message.frame)
        return
      case 'awareness':
        this.receiveAwareness(connection, message.update, message.frame)
        return
      case 'queryAwareness': {
        const clients = [...this.awareness.getStates().keys()]
        connection.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)))
        return
      }
      case 'auth':
        return
      default:
        message satisfies never
    }
  }

  private receiveUpdate(
    connection: Connection,
    update: Uint8Array,
    reach: Map<number, number>,
    frame: Uint8Array | null,
  ): void {
    if (isEmptyUpdate(update)) return
    if (!canWriteContent(connection.access)) {
      if (!connection.toldReadOnly) {
        connection.toldReadOnly = true
        connection.send(encodePermissionDenied('只读：你的修改不会被保存'))
      }
      return
    }
    this.enqueue({ update, reach, origin: connection, frame })
  }

  private enqueue(pending: PendingUpdate): void {
    const size = pending.update.length
    if (this.options.state.bytes + this.queuedBytes + size > limits.maxDocumentBytes) {
      if (pending.origin === 'server') throw new RangeError('document too large')
      pending.origin.close(CloseCode.documentTooLarge, 'document too large')
      return
    }
    this.queuedBytes += size
    this.persistQueue.push(pending)
  }

  private receiveAwareness(connection: Connection, update: Uint8Array, frame: Uint8Array): void {
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, connection)
    } catch (error) {
      throw new ProtocolError(`malformed awareness update: ${(error as Error).message}`)
    }
    // Echoed to the sender too: a client that hears nothing for 30 s assumes the link is dead, and a
    // lone editor's own awareness renewals are then the only traffic that keeps its socket open.
    this.broadcast(frame, null)
  }

  private async write(items: readonly PendingUpdate[]): Promise<number> {
    const started = performance.now()
    const lastSeq = await this.options.store.appendUpdates(
      this.documentId,
      items.map((item) => item.update),
    )
    this.options.metrics.updatesStored(items.length, (performance.now() - started) / 1000)
    return lastSeq
  }

  private stored(items: readonly PendingUpdate[], lastSeq: number): void {
    this.lastSeq = lastSeq
    this.logLength += items.length
    const acks = new Map<Connection, Map<number, number>>()
    for (const item of items) {
      this.queuedBytes -= item.update.length
      this.options.state.add(item.update)
      const origin = item.origin === 'server' ? null : item.origin
      this.broadcast(item.frame ?? encodeUpdate(item.update), origin)
      if (origin?.wantsAcks) acks.set(origin, mergeReach(acks.get(origin), item.reach))
    }
    for (const [connection, reach] of acks) connection.send(encodeSaveAck(Y.encodeStateVector(reach)))
    if (this.logLength >= this.options.compactAfter) void this.compact()
  }

  private failed(items: readonly PendingUpdate[], error: unknown): void {
    console.error(`storing updates of ${this.documentId} failed:`, error)
    for (const item of items) {
      this.queuedBytes -= item.update.length
      // The sender still has the update and sends it again when it reconnects and syncs.
      if (item.origin !== 'server') item.origin.close(CloseCode.storageFailed, 'storage failed')
    }
  }

  private broadcast(frame: Uint8Array, except: Connection | null): void {
    for (const connection of this.connections) {
      if (connection !== except) connection.send(frame)
    }
  }

  private readonly trackAwarenessOwners = (
    change: { added: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin === null || typeof origin !== 'object' || !this.connections.has(origin as Connection)) return
    const connection = origin as Connection
    for (const id of change.added) connection.awarenessClientIds.add(id)
    for (const id of change.removed) connection.awarenessClientIds.delete(id)
  }
}

function mergeReach(into: Map<number, number> | undefined, reach: Map<number, number>): Map<number, number> {
  const merged = into ?? new Map<number, number>()
  for (const [client, clock] of reach) merged.set(client, Math.max(merged.get(client) ?? 0, clock))
  return merged
}
