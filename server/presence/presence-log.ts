/**
 * The presence log: who had which document open, from when to when. The collab upgrade reports each
 * connection that joins a room and its close; the 集体备课记录 reads the log to prefill who attended.
 *
 * Writes never delay the edit path: they are started and forgotten, their failures logged. A leave is
 * written only after its join, so it always finds its row. A server that crashes writes no leave times;
 * a heartbeat confirms open entries every `heartbeatMs`, so a reader can tell how long an entry without
 * a leave time can have lasted (`OpenIntervalRule` in shared/meetings/attendance.ts).
 */
import { randomUUID } from 'node:crypto'
import type { OpenIntervalRule } from '../../shared/meetings/attendance.ts'
import type { Store } from '../store/store.ts'
import { logger } from '../log/logger.ts'

export interface PresenceLog {
  /** Records that `userId` opened `documentId`; the returned function records the end of that connection. */
  opened(documentId: string, userId: string): () => void
}

export interface StorePresenceLogOptions {
  heartbeatMs?: number
}

export const defaultPresenceHeartbeatMs = 60_000

export class StorePresenceLog implements PresenceLog {
  /** Tells this server's entries apart from those of other instances and of earlier runs. */
  readonly runId = randomUUID()
  private readonly heartbeatMs: number
  private readonly writes = new Set<Promise<void>>()
  private readonly heartbeat: NodeJS.Timeout
  private closed = false

  constructor(
    private readonly store: Pick<Store, 'presence'>,
    options: StorePresenceLogOptions = {},
  ) {
    this.heartbeatMs = options.heartbeatMs ?? defaultPresenceHeartbeatMs
    this.heartbeat = setInterval(() => {
      void this.track(this.store.presence.confirmPresence(this.runId, new Date()))
    }, this.heartbeatMs)
    this.heartbeat.unref()
  }

  opened(documentId: string, userId: string): () => void {
    if (this.closed) return () => {}
    const id = randomUUID()
    const joinedAt = new Date()
    const joined = this.track(
      this.store.presence.recordPresenceStart({ id, documentId, userId, runId: this.runId, joinedAt }),
    )
    let ended = false
    return () => {
      if (ended || this.closed) return
      ended = true
      const leftAt = new Date()
      void this.track(joined.then(() => this.store.presence.recordPresenceEnd(id, leftAt)))
    }
  }

  /** How to read entries without a leave time, given this log's heartbeat. */
  openIntervalRule(now = Date.now()): OpenIntervalRule {
    // One heartbeat late is normal (the timer, a slow write); two means the server is gone.
    return { now, staleAfterMs: 2 * this.heartbeatMs }
  }

  /** Writes what is pending and ends every entry still open: the server is stopping, so are its connections. */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    clearInterval(this.heartbeat)
    await Promise.all(this.writes)
    await this.track(this.store.presence.endPresenceOfRun(this.runId, new Date()))
  }

  private track(write: Promise<void>): Promise<void> {
    const settled = write.catch((error: unknown) => {
      logger.error({ err: error }, 'presence log write failed')
    })
    this.writes.add(settled)
    void settled.finally(() => this.writes.delete(settled))
    return settled
  }
}
