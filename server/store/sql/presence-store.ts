/** The presence area of the store over SQL, shared by both dialects. */
import type { Kysely } from 'kysely'
import * as presence from '../presence-queries.ts'
import type { Database } from '../database-schema.ts'
import type { PresenceRecord, PresenceStart, PresenceStore } from '../store.ts'

export class SqlPresenceStore implements PresenceStore {
  constructor(private readonly db: Kysely<Database>) {}

  // — presence log —
  recordPresenceStart(entry: PresenceStart): Promise<void> {
    return presence.recordPresenceStart(this.db, entry)
  }

  recordPresenceEnd(id: string, leftAt: Date): Promise<void> {
    return presence.recordPresenceEnd(this.db, id, leftAt)
  }

  confirmPresence(runId: string, seenAt: Date): Promise<void> {
    return presence.confirmPresence(this.db, runId, seenAt)
  }

  endPresenceOfRun(runId: string, leftAt: Date): Promise<void> {
    return presence.endPresenceOfRun(this.db, runId, leftAt)
  }

  presenceOnDocuments(documentIds: readonly string[], from: Date, to: Date): Promise<PresenceRecord[]> {
    return presence.presenceOnDocuments(this.db, documentIds, from, to)
  }
}
