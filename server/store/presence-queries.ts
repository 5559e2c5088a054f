/**
 * Queries of the presence log (`document_presence`, migration 005), used by the repositories in `sql/` in both dialects.
 */
import type { Kysely, Selectable } from 'kysely'
import type { Database, DocumentPresenceTable } from './database-schema.ts'
import type { PresenceRecord, PresenceStart } from './store.ts'

export async function recordPresenceStart(db: Kysely<Database>, entry: PresenceStart): Promise<void> {
  const joinedAt = entry.joinedAt.getTime()
  await db
    .insertInto('document_presence')
    .values({
      id: entry.id,
      document_id: entry.documentId,
      user_id: entry.userId,
      run_id: entry.runId,
      joined_at: joinedAt,
      left_at: null,
      seen_at: joinedAt,
    })
    .execute()
}

export async function recordPresenceEnd(db: Kysely<Database>, id: string, leftAt: Date): Promise<void> {
  await db
    .updateTable('document_presence')
    .set({ left_at: leftAt.getTime() })
    .where('id', '=', id)
    .where('left_at', 'is', null)
    .execute()
}

export async function confirmPresence(db: Kysely<Database>, runId: string, seenAt: Date): Promise<void> {
  await db
    .updateTable('document_presence')
    .set({ seen_at: seenAt.getTime() })
    .where('run_id', '=', runId)
    .where('left_at', 'is', null)
    .execute()
}

export async function endPresenceOfRun(db: Kysely<Database>, runId: string, leftAt: Date): Promise<void> {
  await db
    .updateTable('document_presence')
    .set({ left_at: leftAt.getTime() })
    .where('run_id', '=', runId)
    .where('left_at', 'is', null)
    .execute()
}

export async function presenceOnDocuments(
  db: Kysely<Database>,
  documentIds: readonly string[],
  from: Date,
  to: Date,
): Promise<PresenceRecord[]> {
  if (documentIds.length === 0) return []
  const rows = await db
    .selectFrom('document_presence')
    .selectAll()
    .where('document_id', 'in', documentIds)
    .where('joined_at', '<', to.getTime())
    .where((eb) => eb.or([eb('left_at', 'is', null), eb('left_at', '>', from.getTime())]))
    .orderBy('joined_at')
    .orderBy('id')
    .execute()
  return rows.map(toPresence)
}

function toPresence(row: Selectable<DocumentPresenceTable>): PresenceRecord {
  return {
    documentId: row.document_id,
    userId: row.user_id,
    joinedAt: new Date(Number(row.joined_at)),
    leftAt: row.left_at === null ? null : new Date(Number(row.left_at)),
    seenAt: new Date(Number(row.seen_at)),
  }
}
