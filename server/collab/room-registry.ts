/**
 * The open rooms of this server. Concurrent opens of one document share one load; a room is unloaded
 * only after its last client has left and everything it accepted is stored.
 */
import { CloseCode } from '../../shared/protocol/close-codes.ts'
import type { ThreadActivityReport } from '../../shared/threads/thread-activity.ts'
import type { CollabMetrics } from '../metrics.ts'
import type { Store } from '../store/store.ts'
import type { Connection } from './connection.ts'
import { DocumentState } from './document-state.ts'
import { KeyedMutex } from './keyed-mutex.ts'
import { Room, type RoomPeers } from './room.ts'

export class DocumentLoadError extends Error {
  override readonly name = 'DocumentLoadError'
}

/** The other instances of the server, as the registry meets them (SCALE-1). */
export interface RegistryPeers extends RoomPeers {
  /** Starts hearing of the document's rows; resolves once rows stored from now on will be heard of. */
  watch(documentId: string): Promise<void>
  /** The room is open: rows stored between the load and the watch are read, others asked who is here. */
  opened(room: Room): void
  unwatch(documentId: string): void
}

export interface RoomRegistryOptions {
  store: Pick<Store, 'updates'>
  metrics: CollabMetrics
  /**
   * Log rows after which a room folds its log into the snapshot. Folding costs a merge of the whole
   * document, so the log is allowed to grow long; loading merges it anyway.
   */
  compactAfter?: number
  /** Told, after each stored client update that changed threads, what it did (for notifications). */
  onThreadActivity?: (report: ThreadActivityReport) => void
  /** Other instances serving the same documents, if any. */
  peers?: RegistryPeers
}

export class RoomRegistry {
  private readonly rooms = new Map<string, Room>()
  private readonly loading = new Map<string, Promise<Room>>()
  private readonly changing = new KeyedMutex()
  private closing = false

  constructor(private readonly options: RoomRegistryOptions) {}

  get openCount(): number {
    return this.rooms.size
  }

  /** Every loaded room. */
  openRooms(): IterableIterator<Room> {
    return this.rooms.values()
  }

  /** The loaded room, if any; nothing is loaded by asking. */
  find(documentId: string): Room | undefined {
    return this.rooms.get(documentId)
  }

  /**
   * Joins `connection` to the document's room, loading it if needed. Joining happens in the same tick
   * as the check that the room is still registered, so a room being unloaded is never joined.
   */
  async join(documentId: string, connection: Connection): Promise<Room> {
    for (;;) {
      if (this.closing) throw new DocumentLoadError('the server is shutting down')
      const room = await this.open(documentId)
      if (this.rooms.get(documentId) === room) {
        room.join(connection)
        return room
      }
    }
  }

  /**
   * Applies an update the server made (restoring a version, pulling a new version into an adaptation):
   * through the room if the document is open or opening, so its clients receive it live; straight into
   * the store otherwise. Resolves once it is stored.
   */
  async applyServerUpdate(documentId: string, update: Uint8Array): Promise<void> {
    const room = this.rooms.get(documentId) ?? (await this.loading.get(documentId)?.catch(() => undefined))
    if (room && this.rooms.get(documentId) === room) return room.submitUpdate(update)
    // A room that starts loading right now may miss this row; its next append finds the gap and fetches it.
    const seq = await this.options.store.updates.appendUpdates(documentId, [update])
    this.options.peers?.stored(documentId, seq, [update])
  }

  /**
   * Runs `work` alone among the server's own changes of this document: a change the server computes
   * from the document's current state (restore, pull, settling a flagged passage, 定稿) must read,
   * compute and apply inside it, or two requests at once apply the same change twice.
   */
  exclusive<T>(documentId: string, work: () => Promise<T>): Promise<T> {
    return this.changing.run(documentId, work)
  }

  /**
   * Closes every connection of a document that no longer exists and forgets its room, storing
   * nothing more: there is nowhere left to store it.
   */
  evict(documentId: string, code: number, reason: string): void {
    const room = this.rooms.get(documentId)
    if (!room) return
    room.closeAll(code, reason)
    this.unload(room)
  }

  /**
   * Ends every open connection of the user, e.g. once the office disabled the account; with `ofSession`,
   * only those opened with the sessions it picks (by their token's hash), e.g. when signed out elsewhere.
   */
  closeConnectionsOf(
    userId: string,
    code: number,
    reason: string,
    ofSession?: (tokenHash: string | null) => boolean,
  ): void {
    for (const room of this.rooms.values()) room.closeConnectionsOf(userId, code, reason, ofSession)
  }

  /** Stores what every room accepted and closes every connection. */
  async shutdown(): Promise<void> {
    this.closing = true
    await Promise.allSettled([...this.loading.values()])
    const rooms = [...this.rooms.values()]
    for (const room of rooms) room.closeAll(CloseCode.serverShuttingDown, 'server shutting down')
    await Promise.all(rooms.map((room) => room.settle().then(() => room.compact())))
    for (const room of rooms) this.unload(room)
  }

  private open(documentId: string): Promise<Room> {
    const room = this.rooms.get(documentId)
    if (room) return Promise.resolve(room)
    let load = this.loading.get(documentId)
    if (!load) {
      load = this.load(documentId).finally(() => this.loading.delete(documentId))
      this.loading.set(documentId, load)
    }
    return load
  }

  private async load(documentId: string): Promise<Room> {
    const peers = this.options.peers
    await peers?.watch(documentId)
    try {
      const room = await this.loadRoom(documentId)
      peers?.opened(room)
      return room
    } catch (error) {
      peers?.unwatch(documentId)
      throw error
    }
  }

  private async loadRoom(documentId: string): Promise<Room> {
    let state: DocumentState
    let logLength: number
    let lastSeq: number
    try {
      const stored = await this.options.store.updates.loadDocumentState(documentId)
      const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates
      // A snapshot stored with its state vector has been parsed when it was written and its bytes are
      // checked against their digest; alone, it needs no parse now. Otherwise merging and reading the
      // state vector parses every stored byte. Either way a corrupt document fails here, before any
      // client could be handed an empty or partial one.
      const known = stored.updates.length === 0 ? stored.snapshotStateVector : null
      state = new DocumentState(parts, known)
      state.stateVector()
      logLength = stored.updates.length
      lastSeq = stored.lastSeq
    } catch (error) {
      throw new DocumentLoadError(`document ${documentId} could not be loaded: ${(error as Error).message}`, {
        cause: error,
      })
    }
    const room = new Room({
      documentId,
      state,
      logLength,
      lastSeq,
      store: this.options.store,
      metrics: this.options.metrics,
      compactAfter: staggered(this.options.compactAfter ?? 2000, documentId),
      onEmpty: (emptied) => void this.unloadWhenIdle(emptied),
      onThreadActivity: this.options.onThreadActivity,
      peers: this.options.peers,
    })
    this.rooms.set(documentId, room)
    return room
  }

  private async unloadWhenIdle(room: Room): Promise<void> {
    // While shutting down, `shutdown` itself stores, compacts and unloads every room; an evicted room
    // is gone already.
    if (this.closing || this.rooms.get(room.documentId) !== room) return
    await room.settle()
    if (this.closing) return
    await room.compact()
    if (this.closing || room.connectionCount > 0) return
    // A server update may have arrived meanwhile: store it first, then look again.
    if (!room.idle) return this.unloadWhenIdle(room)
    this.unload(room)
  }

  private unload(room: Room): void {
    if (this.rooms.get(room.documentId) !== room) return
    this.rooms.delete(room.documentId)
    this.options.peers?.unwatch(room.documentId)
    room.destroy()
  }
}

/**
 * Spreads a compaction threshold over [threshold, 1.5 × threshold), fixed per document: rooms that
 * opened together would otherwise all compact in the same moment and stall the event loop at once.
 */
function staggered(threshold: number, documentId: string): number {
  let hash = 0
  for (let i = 0; i < documentId.length; i++) hash = (hash * 31 + documentId.charCodeAt(i)) >>> 0
  return threshold + (hash % Math.max(1, Math.floor(threshold / 2)))
}
