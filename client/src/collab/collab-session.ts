/**
 * One open document: its Y.Doc, the local copy in IndexedDB, the WebSocket to `/collab/<id>`, and the
 * state the editor header shows (save status, access, connection problems, who is online).
 *
 * Start-up order matters: the provider connects only once the local copy is loaded (or known to be
 * unavailable), however long that takes, so that the sync step 2 of the first connection carries the
 * offline edits restored from it; the pending count restored from localStorage waits for that frame.
 */
import * as authProtocol from 'y-protocols/auth'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { AccessLevel } from '../../../shared/access.ts'
import { retryPauseMs, shouldReconnect } from '../../../shared/protocol/close-codes.ts'
import type { AwarenessUser } from '../../../shared/protocol/awareness-update.ts'
import {
  ConnectParam,
  MessageType,
  collabPathPrefix,
  readAccess,
  readAccessReason,
} from '../../../shared/protocol/messages.ts'
import { editorSchemaVersion } from '../../../shared/schema/editor-schema.ts'
import { type ConnectionProblem, connectionProblemForClose } from './close-messages.ts'
import { holdRemoteChangesWhileComposing } from './composition-guard.ts'
import { explainRefusedConnection } from './refused-connection.ts'
import { type OnlineUser, onlineUsersFrom, sameOnlineUsers } from './online-users.ts'
import { loadPendingCount, savePendingCount } from './pending-changes-store.ts'
import { reconnectGraceMs, saveStatusToShow } from './save-status-text.ts'
import { type SaveStatus, SaveTracker } from './save-tracker.ts'
import { trackSaves } from './save-tracking.ts'

export interface CollabSnapshot {
  /** The local copy is loaded and the editor can be shown. */
  ready: boolean
  saveStatus: SaveStatus
  pendingCount: number
  /** What the server granted on this connection; `null` until it said so. */
  access: AccessLevel | null
  /** Why the text may not be written, as the server said with the access; `null` if it may be, or unsaid. */
  readOnlyReason: string | null
  problem: ConnectionProblem | null
  onlineUsers: OnlineUser[]
  /** Why the server refused one of our updates (permission denied); `null` while none was. */
  refusal: string | null
}

/** IndexedDB can be unavailable (private windows, full disk); the editor then works without a local copy. */
const localCopyUnavailable: ConnectionProblem = {
  message: '浏览器无法保存本机副本：断网时请不要关闭页面，否则未同步的修改会丢失',
  permanent: false,
  needsLogin: false,
}
/** How often to ask the HTTP API why the server keeps refusing the socket. */
const refusalCheckIntervalMs = 10_000

function collabServerUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${window.location.host}${collabPathPrefix.replace(/\/$/, '')}`
}

export class CollabSession {
  readonly doc = new Y.Doc()
  readonly provider: WebsocketProvider
  private readonly localCopy: IndexeddbPersistence
  private readonly tracker: SaveTracker
  private access: AccessLevel | null = null
  private readOnlyReason: string | null = null
  private refusal: string | null = null
  private problem: ConnectionProblem | null = null
  /** Shown while no connection problem is. */
  private localCopyProblem: ConnectionProblem | null = null
  private ready = false
  private destroyed = false
  private connected = false
  private socketOpened = false
  /** When a working connection dropped; `null` while connected or once we have said 离线. */
  private droppedAt: number | null = null
  private graceTimer: ReturnType<typeof setTimeout> | undefined
  private retryTimer: ReturnType<typeof setTimeout> | undefined
  private lastRefusalCheckAt = -Infinity
  private isComposing: () => boolean = () => false
  private storedPendingCount: number
  private snapshot: CollabSnapshot
  private readonly listeners = new Set<() => void>()
  private readonly cleanups: (() => void)[] = []

  /** Keyed by user as well: on a shared school computer, the next teacher must not open this copy. */
  private readonly localCopyKey: string

  constructor(
    readonly documentId: string,
    /** Shown to ourselves at once; the server replaces it with the same identity for everyone else. */
    readonly user: AwarenessUser,
  ) {
    this.localCopyKey = `${user.id}:${documentId}`
    this.localCopy = new IndexeddbPersistence(`gongbei:${this.localCopyKey}`, this.doc)
    this.storedPendingCount = loadPendingCount(localStorage, this.localCopyKey)
    this.tracker = new SaveTracker(this.storedPendingCount)
    const saveTracking = trackSaves(this.doc, this.tracker, {
      notChanges: [this.localCopy],
      onChange: () => this.changed(),
      isComposing: () => this.isComposing(),
    })
    this.provider = new WebsocketProvider(collabServerUrl(), documentId, this.doc, {
      connect: false,
      params: { [ConnectParam.ack]: '1', [ConnectParam.schemaVersion]: String(editorSchemaVersion) },
      // Tabs sync through the server, which stores what it relays; each tab counts and saves its own changes.
      disableBc: true,
      shouldReconnect: (event) => shouldReconnect(event.code),
      WebSocketPolyfill: saveTracking.socketClass,
    })
    this.cleanups.push(saveTracking.attach(this.provider))
    this.provider.awareness.setLocalStateField('user', user)
    this.snapshot = this.buildSnapshot()
    this.installMessageHandlers()
    this.listen()
    void this.start()
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): CollabSnapshot => this.snapshot

  /** The editor tells us how to ask whether an input method is composing. */
  setCompositionProbe(isComposing: () => boolean): void {
    this.isComposing = isComposing
  }

  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    for (const cleanup of this.cleanups.splice(0)) cleanup()
    this.provider.destroy()
    this.doc.destroy()
    this.listeners.clear()
  }

  /**
   * Forgets this copy of the document, local copy included: after a refusal it still holds the refused
   * change, which every later sync would carry again (docs/THREADS.md, Known limits). Changes the server
   * has not stored yet are lost with it, so only the teacher decides this, after being offered a copy
   * (docs/OFFLINE.md). The page then opens a new session, from the server's copy.
   */
  async discardLocalCopy(): Promise<void> {
    this.provider.disconnect()
    try {
      await this.localCopy.clearData()
    } catch (error) {
      console.warn('could not clear the local copy:', error)
    }
    savePendingCount(localStorage, this.localCopyKey, 0)
  }

  private async start(): Promise<void> {
    try {
      // `whenSynced` never settles when the database cannot be opened; that failure rejects `_db`.
      await Promise.race([this.localCopy.whenSynced, this.localCopy._db.then(() => new Promise<never>(() => {}))])
    } catch (error) {
      console.warn('local copy unavailable, editing without it:', error)
      this.localCopyProblem = localCopyUnavailable
    }
    if (this.destroyed) return
    this.ready = true
    this.provider.connect()
    this.publish()
  }

  private installMessageHandlers(): void {
    const handlers = this.provider.messageHandlers
    this.cleanups.push(holdRemoteChangesWhileComposing(this.provider, () => this.isComposing()))

    handlers[MessageType.access] = (_encoder, decoder) => {
      this.access = readAccess(decoder)
      this.readOnlyReason = readAccessReason(decoder)
      this.publish()
    }
    // Sent when the server refused our update. On a read-only connection (the access message comes first)
    // that only says so. Otherwise it broke a rule (a thread rule, or an edit that arrived just after the
    // plan was finalized). Either way the change stays here and in the local copy, counted as unsynced:
    // a refusal never throws anything away (docs/OFFLINE.md).
    handlers[MessageType.auth] = (_encoder, decoder) => {
      authProtocol.readAuthMessage(decoder, this.doc, (_doc, reason) => {
        // The first reason is the one that matters: later refusals follow from it.
        if (this.access !== 'read' && this.access !== null) this.refusal ??= reason
        if (this.access === null) this.access = 'read'
        this.publish()
      })
    }
  }

  private listen(): void {
    const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
      const wasConnected = this.connected
      this.connected = status === 'connected'
      if (this.connected) {
        this.socketOpened = true
        this.droppedAt = null
      } else if (wasConnected && this.droppedAt === null) {
        this.droppedAt = Date.now()
        this.graceTimer = setTimeout(() => this.publish(), reconnectGraceMs)
      }
      this.publish()
    }
    this.provider.on('status', onStatus)

    const onClose = (event: CloseEvent | null) => {
      if (event === null) return
      const opened = this.socketOpened
      this.socketOpened = false
      // For codes where `shouldReconnect` is false the provider has already stopped reconnecting.
      const problem = connectionProblemForClose(event.code)
      if (problem) this.problem = problem
      else if (!opened && navigator.onLine) void this.explainRefusal()
      // Emitted before the provider schedules its reconnect, so the pause can still hold it.
      this.pauseBeforeRetry(retryPauseMs(event.code, event.reason))
      this.publish()
    }
    this.provider.on('connection-close', onClose)

    const onSync = (synced: boolean) => {
      if (synced && this.problem && !this.problem.permanent) this.problem = null
      this.publish()
    }
    this.provider.on('sync', onSync)

    const onAwareness = () => this.publish()
    this.provider.awareness.on('change', onAwareness)

    // The browser knows about a lost network long before the socket times out.
    const onOffline = () => this.reconnectNow()
    const onOnline = () => {
      if (!this.provider.wsconnected) this.reconnectNow()
    }
    window.addEventListener('offline', onOffline)
    window.addEventListener('online', onOnline)

    this.cleanups.push(() => {
      clearTimeout(this.graceTimer)
      clearTimeout(this.retryTimer)
      this.provider.off('status', onStatus)
      this.provider.off('connection-close', onClose)
      this.provider.off('sync', onSync)
      this.provider.awareness.off('change', onAwareness)
      window.removeEventListener('offline', onOffline)
      window.removeEventListener('online', onOnline)
    })
  }

  /**
   * Holds the reconnect y-websocket has just scheduled (it turns into a no-op while `shouldConnect` is
   * off) and reconnects after `pauseMs`, spread a little so that clients cut off together do not return
   * together.
   */
  private pauseBeforeRetry(pauseMs: number): void {
    if (pauseMs === 0 || !this.provider.shouldConnect) return
    this.provider.shouldConnect = false
    clearTimeout(this.retryTimer)
    this.retryTimer = setTimeout(
      () => {
        if (!this.destroyed) this.provider.connect()
      },
      pauseMs * (1 + Math.random() / 2),
    )
  }

  private reconnectNow(): void {
    if (!this.provider.shouldConnect || !this.ready) return
    this.provider.disconnect()
    this.provider.connect()
  }

  private async explainRefusal(): Promise<void> {
    if (Date.now() - this.lastRefusalCheckAt < refusalCheckIntervalMs) return
    this.lastRefusalCheckAt = Date.now()
    const problem = await explainRefusedConnection(this.documentId)
    if (!problem || this.destroyed) return
    this.provider.disconnect()
    this.problem = problem
    this.publish()
  }

  /** The tracker's state may have changed: remember the count across reloads, and show it. */
  private changed(): void {
    const count = this.tracker.pendingCount
    if (count !== this.storedPendingCount && !this.destroyed) {
      try {
        savePendingCount(localStorage, this.localCopyKey, count)
        this.storedPendingCount = count
      } catch {
        // localStorage full or blocked: after a reload the first acknowledged sync answer still settles it.
      }
    }
    this.publish()
  }

  private buildSnapshot(): CollabSnapshot {
    const onlineUsers = onlineUsersFrom(this.provider.awareness.getStates(), this.doc.clientID)
    return {
      ready: this.ready,
      saveStatus: saveStatusToShow({
        status: this.tracker.status,
        pendingCount: this.tracker.pendingCount,
        droppedAt: this.droppedAt,
        now: Date.now(),
        browserOnline: navigator.onLine,
      }),
      pendingCount: this.tracker.pendingCount,
      access: this.access,
      readOnlyReason: this.readOnlyReason,
      problem: this.problem ?? this.localCopyProblem,
      refusal: this.refusal,
      onlineUsers: sameOnlineUsers(onlineUsers, this.snapshot?.onlineUsers) ? this.snapshot.onlineUsers : onlineUsers,
    }
  }

  private publish(): void {
    if (this.destroyed) return
    const next = this.buildSnapshot()
    const previous = this.snapshot
    if ((Object.keys(next) as (keyof CollabSnapshot)[]).every((key) => next[key] === previous[key])) return
    this.snapshot = next
    for (const listener of this.listeners) listener()
  }
}
