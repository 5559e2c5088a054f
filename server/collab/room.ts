/**
 * One open document: its connections, its awareness, and the path of an update from a client to the
 * store and then to everyone else. Durable before relayed: an update reaches other clients (and its
 * sender's save ack) only after the store has accepted it.
 */
import * as Y from 'yjs'
import type { AccessLevel } from '../../shared/access.ts'
import type { ThreadActivity, ThreadActivityReport } from '../../shared/threads/thread-activity.ts'
import { limits } from '../../shared/limits.ts'
import { CloseCode } from '../../shared/protocol/close-codes.ts'
import { encodeAccess, encodeSaveAck } from '../../shared/protocol/messages.ts'
import type { SequencedUpdate, Store } from '../store/store.ts'
import { isStoreUnreachable } from '../store/store-unreachable.ts'
import type { CollabMetrics } from '../metrics.ts'
import type { Connection } from './connection.ts'
import type { HeldDeletion } from './delete-ranges.ts'
import type { DecodedUpdate, DocumentState } from './document-state.ts'
import { type HeldUpdate, HeldUpdates } from './held-updates.ts'
import { type IncomingMessage, parseIncomingMessage, peekUpdateFrame, ProtocolError } from './incoming-message.ts'
import { MalformedAwarenessError } from '../../shared/protocol/awareness-update.ts'
import { encodePermissionDenied, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from './outgoing-message.ts'
import { PersistQueue } from './persist-queue.ts'
import { RoomAwareness } from './room-awareness.ts'
import { ThreadGuard } from './thread-guard.ts'
import { contentRefusalReason } from './thread-review.ts'
import { logger } from '../log/logger.ts'

/** Documents up to this size fold their log every `compactAfter` rows. */
const foldingUnitBytes = 256 * 1024

/** Where an update came from: a client of this room, or the server itself (e.g. a merge it computed). */
export type UpdateOrigin = Connection | 'server'

interface PendingUpdate {
  update: Uint8Array
  /** Decoded on arrival: the state takes its clocks and deletions from it once stored. */
  decoded: DecodedUpdate
  origin: UpdateOrigin
  /** The frame to relay, when the client's own frame can be forwarded as it is. */
  frame: Uint8Array | null
  /** Adds nothing the document does not have: acknowledged in turn, but neither stored nor relayed. */
  redundant: boolean
  /** For a client's update: the number of its frame on that connection, for the save ack. */
  frameNumber: number
  /** For a server update: settles once it is stored, or could not be. */
  settle: { resolve(): void; reject(error: unknown): void } | null
  /** What a client's update did to threads, reported once it is stored. */
  activity: ThreadActivity[]
}

interface Written {
  /** Numbers of the rows of this batch; `firstSeq > lastSeq` when it stored nothing. */
  firstSeq: number
  lastSeq: number
  /** Rows another writer appended before ours (another instance, a server-side change). */
  missed: SequencedUpdate[]
}

/** The other instances of the server (SCALE-1): told what this room stored and who is here. */
export interface RoomPeers {
  /** Rows this room stored, numbered from `firstSeq`, for the instances that have the document open. */
  stored(documentId: string, firstSeq: number, updates: readonly Uint8Array[]): void
  /** The awareness changes of this instance's own connections. */
  awareness(documentId: string, update: Uint8Array): void
}

export interface RoomOptions {
  documentId: string
  state: DocumentState
  /** Update log rows stored after the snapshot, as loaded. */
  logLength: number
  /** Sequence number of the last stored update, as loaded. */
  lastSeq: number
  store: Pick<Store, 'updates'>
  metrics: CollabMetrics
  /** Fold the log into the snapshot once it has this many rows (more for a large document). */
  compactAfter: number
  /** Called whenever the last connection has left. */
  onEmpty(room: Room): void
  /** Told what a stored update did to threads (for notifications); never for a refused one. */
  onThreadActivity?: (report: ThreadActivityReport) => void
  /** Other instances serving the same document, if any. */
  peers?: RoomPeers
}

export class Room {
  readonly documentId: string
  private readonly connections = new Set<Connection>()
  private readonly awareness: RoomAwareness
  private readonly persistQueue: PersistQueue<PendingUpdate, Written>
  private queuedBytes = 0
  /** Accepted, not yet stored: the thread guard checks against them too. */
  private readonly unstored = new Set<PendingUpdate>()
  private readonly threadGuard: ThreadGuard
  /** Updates that build on updates not received yet (`held-updates.ts`). */
  private readonly held = new HeldUpdates()
  private logLength: number
  private lastSeq: number
  private compacting: Promise<void> | null = null
  private catchingUp: Promise<void> | null = null
  private catchUpAgain = false

  constructor(private readonly options: RoomOptions) {
    this.documentId = options.documentId
    const peers = options.peers
    this.awareness = new RoomAwareness(
      (frame) => this.broadcast(frame, null),
      peers ? (update) => peers.awareness(this.documentId, update) : null,
    )
    this.logLength = options.logLength
    this.lastSeq = options.lastSeq
    this.threadGuard = new ThreadGuard({
      diff: (stateVector) => this.options.state.diff(stateVector),
      unstored: () => [...this.unstored].map((pending) => pending.update),
    })
    this.persistQueue = new PersistQueue<PendingUpdate, Written>({
      write: (items) => this.write(items),
      stored: (items, written) => this.stored(items, written),
      failed: (items, error) => this.failed(items, error),
    })
  }

  get connectionCount(): number {
    return this.connections.size
  }

  /** Nothing waiting to be stored and no compaction running. */
  get idle(): boolean {
    return this.persistQueue.idle && this.compacting === null
  }

  join(connection: Connection): void {
    const stateVector = this.options.state.stateVector()
    this.connections.add(connection)
    connection.send(encodeSyncStep1(stateVector))
    if (connection.wantsAcks) connection.send(encodeAccess(connection.access, connection.readOnlyReason))
    for (const frame of this.awareness.currentFrames()) connection.send(frame)
  }

  leave(connection: Connection): void {
    if (!this.connections.delete(connection)) return
    this.held.dropOf(connection)
    this.awareness.leave(connection)
    if (this.connections.size === 0) this.options.onEmpty(this)
  }

  /** Whether the document holds a deletion range already: what a frame adds is charged (BOUNDS-14). */
  get holdsDeletion(): HeldDeletion {
    return this.options.state.holdsDeletion
  }

  /** Handles one frame; a malformed frame closes only its own connection. */
  receive(connection: Connection, frame: Uint8Array): void {
    if (connection.access === 'read') {
      // A reader's update is dropped unread: decoding and comparing it would let a reader spend the
      // server's time for nothing (docs/BOUNDS.md, BOUNDS-6). Told once, if it held new content.
      const update = peekUpdateFrame(frame)
      if (update) {
        connection.updateFramesReceived++
        if (update.holdsStructs) this.tellReadOnly(connection)
        return
      }
    }
    try {
      this.handle(connection, parseIncomingMessage(frame))
    } catch (error) {
      if (error instanceof ProtocolError) {
        connection.close(CloseCode.protocolError, error.message.slice(0, 120))
        return
      }
      logger.error({ err: error, documentId: this.documentId }, 'unexpected error on a frame')
      connection.close(1011, 'internal error')
    }
  }

  /**
   * Stores an update the server made (restoring a version, pulling a new version into an adaptation)
   * and relays it to every client. Resolves once it is stored; rejects if it is refused or not stored.
   */
  submitUpdate(update: Uint8Array): Promise<void> {
    const decoded = Y.decodeUpdate(update)
    // The server's own changes are not checked, so the guard must learn of them from the room.
    this.threadGuard.reset()
    const stored = new Promise<void>((resolve, reject) => {
      this.enqueue({
        update,
        decoded,
        origin: 'server',
        frame: null,
        redundant: this.options.state.addsNothing(decoded),
        frameNumber: 0,
        settle: { resolve, reject },
        activity: [],
      })
    })
    this.releaseHeld()
    return stored
  }

  /** The sequence number up to which the room holds every stored row. */
  get storedSeq(): number {
    return this.lastSeq
  }

  /**
   * Rows another instance stored, numbered from `firstSeq` (SCALE-2). Following on from what the room
   * holds, they are applied and relayed at once; after a gap, everything missing is read from the store.
   */
  receiveStored(firstSeq: number, updates: readonly Uint8Array[]): void {
    if (firstSeq > this.lastSeq + 1) {
      void this.catchUp()
      return
    }
    this.applyStored(updates.map((update, index) => ({ seq: firstSeq + index, update })))
  }

  /**
   * Reads and applies every row stored after those the room holds (SCALE-2): after a gap, when another
   * instance says there are more, and when the live path between instances comes back. One read at a
   * time; asked again meanwhile, it reads once more after.
   */
  catchUp(): Promise<void> {
    if (this.catchingUp) {
      this.catchUpAgain = true
      return this.catchingUp
    }
    const reading = async (): Promise<void> => {
      do {
        this.catchUpAgain = false
        this.applyStored(await this.options.store.updates.loadUpdatesAfter(this.documentId, this.lastSeq))
      } while (this.catchUpAgain)
    }
    this.catchingUp = reading()
      .catch((error: unknown) => {
        // Nothing is lost: the rows stay in the store, and the next catch-up reads them.
        logger.error({ err: error, documentId: this.documentId }, 'catching up from the store failed')
      })
      .finally(() => {
        this.catchingUp = null
      })
    return this.catchingUp
  }

  /** Awareness states another instance holds (SCALE-3). */
  receivePeerAwareness(instanceId: string, update: Uint8Array): void {
    this.awareness.receiveFromPeer(instanceId, update)
  }

  /** Removes the awareness states of an instance that left or stopped answering. */
  dropPeer(instanceId: string): void {
    this.awareness.dropPeer(instanceId)
  }

  /** The awareness of this instance's own connections, for an instance that just opened the document. */
  awarenessHere(): Uint8Array[] {
    return this.awareness.updatesHere()
  }

  /** Resolves once every accepted update is stored and any compaction has finished. */
  async settle(): Promise<void> {
    await this.persistQueue.drained()
    await this.compacting
  }

  /**
   * Folds the log into the snapshot, if there is a log. The state in memory holds every row up to
   * `lastSeq` (rows written by others are fetched when an append reveals them), so the snapshot covers
   * every row it replaces.
   */
  async compact(): Promise<void> {
    if (this.logLength === 0 || this.compacting) return this.compacting ?? undefined
    const snapshot = this.options.state.merged()
    const stateVector = this.options.state.stateVector()
    const uptoSeq = this.lastSeq
    const folded = this.logLength
    this.compacting = this.options.store.updates
      .compactDocument(this.documentId, snapshot, uptoSeq, stateVector)
      .then(() => {
        this.logLength -= folded
      })
      .catch((error: unknown) => {
        // The log is still intact, so nothing is lost; the next compaction tries again.
        logger.error({ err: error, documentId: this.documentId }, 'compaction failed')
      })
      .finally(() => {
        this.compacting = null
      })
    return this.compacting
  }

  /**
   * Decides every connection's access again, e.g. after the lesson moved to another stage. A connection
   * that lost all access is closed; the others are told their new level, and why they may not write.
   */
  refreshAccess(
    accessOf: (connection: Connection) => AccessLevel | null,
    reasonOf: (access: AccessLevel) => string | null = () => null,
  ): void {
    for (const connection of this.connections) {
      const access = accessOf(connection)
      if (access === null) {
        connection.close(CloseCode.forbidden, 'access revoked')
        connection.access = 'read'
      } else if (access !== connection.access || reasonOf(access) !== connection.readOnlyReason) {
        connection.access = access
        connection.readOnlyReason = reasonOf(access)
        connection.toldReadOnly = false
        if (connection.wantsAcks) connection.send(encodeAccess(access, connection.readOnlyReason))
      }
    }
  }

  closeAll(code: number, reason: string): void {
    for (const connection of this.connections) connection.close(code, reason)
  }

  /** `ofSession`: only connections opened with a session it picks (by its token's hash). */
  closeConnectionsOf(
    userId: string,
    code: number,
    reason: string,
    ofSession: (tokenHash: string | null) => boolean = () => true,
  ): void {
    for (const connection of this.connections) {
      if (connection.user.id === userId && ofSession(connection.sessionTokenHash)) connection.close(code, reason)
    }
  }

  destroy(): void {
    this.awareness.destroy()
  }

  private handle(connection: Connection, message: IncomingMessage): void {
    switch (message.kind) {
      case 'syncStep1':
        connection.send(encodeSyncStep2(this.options.state.diff(message.stateVector)))
        return
      case 'update':
        this.receiveUpdate(connection, message.update, message.decoded, message.frame)
        return
      case 'awareness':
        this.receiveAwareness(connection, message.update)
        return
      case 'queryAwareness':
        for (const frame of this.awareness.currentFrames()) connection.send(frame)
        return
      case 'auth':
        return
      default:
        message satisfies never
    }
  }

  private receiveUpdate(
    connection: Connection,
    update: Uint8Array,
    decoded: DecodedUpdate,
    frame: Uint8Array | null,
  ): void {
    const item: HeldUpdate = { connection, update, decoded, frame, frameNumber: ++connection.updateFramesReceived }
    if (this.threadGuard.lacksDependencies(decoded)) {
      this.hold(item)
      return
    }
    this.admit(item)
    this.releaseHeld()
  }

  private tellReadOnly(connection: Connection): void {
    if (connection.toldReadOnly) return
    connection.toldReadOnly = true
    connection.send(encodePermissionDenied(connection.readOnlyReason ?? '只读：你的修改不会被保存'))
  }

  /**
   * After a refusal the client's later updates build on the refused one (a Yjs client numbers its own
   * changes in order), so they could only wait for good: they are refused with it.
   */
  private hold(item: HeldUpdate): void {
    const { connection, frameNumber } = item
    if (connection.firstRefusedFrame !== null) {
      connection.send(encodePermissionDenied('这次修改接在一处没有被接受的修改之后，无法保存'))
      return
    }
    if (!this.held.hold(item)) {
      this.held.dropOf(connection)
      connection.close(CloseCode.tooManyWaiting, 'too many updates waiting for what they build on')
      return
    }
    connection.unstoredFrames.add(frameNumber)
  }

  /** Every held update that has all it builds on now goes the way of an update just received. */
  private releaseHeld(): void {
    if (this.held.size === 0) return
    for (;;) {
      const next = this.held.takeFirst(({ decoded }) => !this.threadGuard.lacksDependencies(decoded))
      if (next === null) return
      next.connection.unstoredFrames.delete(next.frameNumber)
      if (next.connection.access === 'read') {
        // Access was reduced while it waited: like any frame of a read-only connection, never acknowledged.
        next.connection.firstRefusedFrame ??= next.frameNumber
        this.tellReadOnly(next.connection)
      } else {
        this.admit(next)
      }
    }
  }

  /** Judges a complete update and queues it for the store, or refuses it. */
  private admit({ connection, update, decoded, frame, frameNumber }: HeldUpdate): void {
    const redundant = this.options.state.addsNothing(decoded)
    let activity: ThreadActivity[] = []
    if (!redundant) {
      const verdict = this.threadGuard.review(update, decoded, {
        userId: connection.user.id,
        access: connection.access,
        moderator: connection.threadModerator,
      })
      if (!verdict.allowed) {
        connection.firstRefusedFrame ??= frameNumber
        // An edit that arrives just after a plan was finalized is refused because of the finalizing.
        const why =
          verdict.reason === contentRefusalReason ? (connection.readOnlyReason ?? verdict.reason) : verdict.reason
        connection.send(encodePermissionDenied(why))
        return
      }
      activity = verdict.activity
    }
    this.enqueue({
      update,
      decoded,
      origin: connection,
      frame,
      redundant,
      frameNumber,
      settle: null,
      activity,
    })
  }

  private enqueue(pending: PendingUpdate): void {
    if (!pending.redundant && !this.fits(pending.update.length)) {
      // The guard has already taken the update in.
      this.threadGuard.reset()
      if (pending.origin === 'server') return pending.settle?.reject(new RangeError('document too large'))
      return pending.origin.close(CloseCode.documentTooLarge, 'document too large')
    }
    if (!pending.redundant) {
      this.queuedBytes += pending.update.length
      this.unstored.add(pending)
    }
    if (pending.origin !== 'server') pending.origin.unstoredFrames.add(pending.frameNumber)
    this.persistQueue.push(pending)
  }

  /** Counts merged bytes before refusing: separate updates overlap, and merging may bring it under. */
  private fits(size: number): boolean {
    const state = this.options.state
    if (state.bytes + this.queuedBytes + size <= limits.maxDocumentBytes) return true
    state.merged()
    return state.bytes + this.queuedBytes + size <= limits.maxDocumentBytes
  }

  /**
   * Relayed to the sender too: a client that hears nothing for 30 s assumes the link is dead, and a
   * lone editor's own awareness renewals are then the only traffic that keeps its socket open.
   */
  private receiveAwareness(connection: Connection, update: Uint8Array): void {
    try {
      this.awareness.receive(connection, update)
    } catch (error) {
      if (error instanceof MalformedAwarenessError) throw new ProtocolError(error.message)
      throw error
    }
  }

  private async write(items: readonly PendingUpdate[]): Promise<Written> {
    const updates = items.filter((item) => !item.redundant).map((item) => item.update)
    if (updates.length === 0) return { firstSeq: this.lastSeq + 1, lastSeq: this.lastSeq, missed: [] }
    const started = performance.now()
    const lastSeq = await this.options.store.updates.appendUpdates(this.documentId, updates)
    this.options.metrics.updatesStored(updates.length, (performance.now() - started) / 1000)
    const firstSeq = lastSeq - updates.length + 1
    // Everything after what the room holds, ours included: a row before ours may have been folded into a
    // snapshot that holds ours too, and rows already held are skipped by their numbers.
    const missed =
      firstSeq > this.lastSeq + 1
        ? await this.options.store.updates.loadUpdatesAfter(this.documentId, this.lastSeq)
        : []
    return { firstSeq, lastSeq, missed }
  }

  private stored(items: readonly PendingUpdate[], written: Written): void {
    // Our own rows may be among them, which the guard has already taken in.
    if (written.missed.length > 0) this.threadGuard.reset()
    this.applyStored(written.missed, false)
    const acks = new Map<Connection, number>()
    const ours: Uint8Array[] = []
    let seq = written.firstSeq
    for (const item of items) {
      const origin = item.origin === 'server' ? null : item.origin
      if (!item.redundant) {
        ours.push(item.update)
        this.queuedBytes -= item.update.length
        this.unstored.delete(item)
        // A catch-up that read the store after our append may have brought it in already.
        if (seq++ > this.lastSeq) {
          this.logLength++
          this.options.state.add(item.update, item.decoded)
          this.broadcast(item.frame ?? encodeUpdate(item.update), origin)
        }
      }
      if (origin) {
        origin.unstoredFrames.delete(item.frameNumber)
        origin.highestStoredFrame = Math.max(origin.highestStoredFrame, item.frameNumber)
        if (origin.wantsAcks) acks.set(origin, ackable(origin))
      }
      item.settle?.resolve()
    }
    this.lastSeq = Math.max(this.lastSeq, written.lastSeq)
    for (const [connection, storedFrames] of acks) {
      if (storedFrames > 0) connection.send(encodeSaveAck(storedFrames))
    }
    if (ours.length > 0) this.options.peers?.stored(this.documentId, written.firstSeq, ours)
    this.reportThreadActivity(items)
    if (written.missed.length > 0) this.releaseHeld()
    if (this.dueForCompaction()) void this.compact()
  }

  /**
   * Adds stored rows the room does not hold yet, in order, and relays them to every connection. A row
   * numbered at or below `lastSeq` is held already; a snapshot stands for every row up to its number.
   */
  private applyStored(rows: readonly SequencedUpdate[], observe = true): void {
    let applied = false
    for (const { seq, update } of rows) {
      if (seq <= this.lastSeq) continue
      const decoded = Y.decodeUpdate(update)
      if (observe) this.threadGuard.observe(decoded)
      this.options.state.add(update, decoded)
      this.broadcast(encodeUpdate(update), null)
      this.lastSeq = seq
      this.logLength++
      applied = true
    }
    if (applied && observe) {
      this.releaseHeld()
      if (this.dueForCompaction()) void this.compact()
    }
  }

  /**
   * Folding merges the whole document (170–430 ms for the 1.1 MB C1 document), so a document larger
   * than `foldingUnitBytes` waits for a log in proportion to its size: what folding costs per stored
   * update is then the same at any size (COST-1).
   */
  private dueForCompaction(): boolean {
    const scale = Math.max(1, this.options.state.bytes / foldingUnitBytes)
    return this.logLength >= this.options.compactAfter * scale
  }

  private reportThreadActivity(items: readonly PendingUpdate[]): void {
    const report = this.options.onThreadActivity
    if (!report) return
    for (const { origin, activity } of items) {
      if (origin === 'server' || activity.length === 0) continue
      try {
        report({ documentId: this.documentId, actorId: origin.user.id, activity })
      } catch (error) {
        // Notifications are a courtesy: the update is stored and relayed whatever becomes of them.
        logger.error({ err: error, documentId: this.documentId }, 'reporting thread activity failed')
      }
    }
  }

  private failed(items: readonly PendingUpdate[], error: unknown): void {
    logger.error({ err: error, documentId: this.documentId }, 'storing updates failed')
    // Down, the database refuses every edit alike: the client keeps them and retries after a pause.
    const [code, reason] = isStoreUnreachable(error)
      ? [CloseCode.storageUnavailable, 'database unavailable']
      : [CloseCode.storageFailed, 'storage failed']
    this.threadGuard.reset()
    for (const item of items) {
      this.unstored.delete(item)
      if (!item.redundant) this.queuedBytes -= item.update.length
      item.settle?.reject(error)
      // The sender still has the update and sends it again when it reconnects and syncs.
      if (item.origin !== 'server') item.origin.close(code, reason)
    }
  }

  private broadcast(frame: Uint8Array, except: Connection | null): void {
    for (const connection of this.connections) {
      if (connection !== except) connection.send(frame)
    }
  }
}

/**
 * How many frames from the first are stored: up to the highest stored one, but never reaching a frame
 * still held or queued, nor a refused one.
 */
function ackable(connection: Connection): number {
  let frames = connection.highestStoredFrame
  for (const unstored of connection.unstoredFrames) frames = Math.min(frames, unstored - 1)
  const refused = connection.firstRefusedFrame
  return refused === null ? frames : Math.min(frames, refused - 1)
}
