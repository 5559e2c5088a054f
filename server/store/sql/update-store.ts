/**
 * The update log over SQL: reading, compacting and measuring it is shared by both dialects; each dialect
 * writes `appendUpdates`, the hot path, in its cheapest form (`sqlite-store.ts`, `postgres-store.ts`).
 */
import { createHash } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../database-schema.ts'
import type { SequencedUpdate, StoredDocumentState, UpdateStore } from '../store.ts'

export abstract class SqlUpdateStore implements UpdateStore {
  constructor(protected readonly db: Kysely<Database>) {}

  abstract appendUpdates(documentId: string, updates: readonly Uint8Array[]): Promise<number>

  /**
   * One statement, so that both dialects read the snapshot and the log from one consistent view even
   * while a compaction commits in between (PostgreSQL's read committed takes a fresh view per statement,
   * not per transaction).
   */
  async loadUpdatesAfter(documentId: string, afterSeq: number): Promise<SequencedUpdate[]> {
    const rows = await this.db
      .selectFrom('document_snapshots')
      .select([sql<number>`0`.as('part'), 'upto_seq as seq', 'data'])
      .where('document_id', '=', documentId)
      .where('upto_seq', '>', afterSeq)
      .unionAll(
        this.db
          .selectFrom('document_updates')
          .select([sql<number>`1`.as('part'), 'seq', 'data'])
          .where('document_id', '=', documentId)
          .where('seq', '>', afterSeq),
      )
      .orderBy('part')
      .orderBy('seq')
      .execute()
    return rows.map((row) => ({ seq: Number(row.seq), update: row.data }))
  }

  async lastSeqs(documentIds: readonly string[]): Promise<Map<string, number>> {
    const found = new Map<string, number>()
    if (documentIds.length === 0) return found
    const rows = await this.db
      .selectFrom('documents')
      .select((eb) => [
        'id',
        'last_seq',
        eb
          .selectFrom('document_updates')
          .select((inner) => inner.fn.max('seq').as('seq'))
          .whereRef('document_updates.document_id', '=', 'documents.id')
          .as('log_seq'),
      ])
      .where('id', 'in', [...documentIds])
      .execute()
    for (const row of rows) found.set(row.id, Math.max(Number(row.last_seq), Number(row.log_seq ?? 0)))
    return found
  }

  /**
   * The last sequence number is the larger of `documents.last_seq` and the log's last row: PostgreSQL
   * bumps the column with every append (its row lock keeps a document's numbers in commit order), while
   * SQLite, with one writer at a time, leaves it to compaction, which raises it over the rows it deletes.
   */
  async loadDocumentState(documentId: string): Promise<StoredDocumentState> {
    const noBytes = sql<Uint8Array | null>`null`
    const noDigest = sql<string | null>`null`
    const rows = await this.db
      .selectFrom('documents')
      .select([
        sql<number>`0`.as('part'),
        'last_seq as seq',
        noBytes.as('data'),
        noBytes.as('state_vector'),
        noDigest.as('digest'),
      ])
      .where('id', '=', documentId)
      .unionAll(
        this.db
          .selectFrom('document_snapshots')
          .select([sql<number>`1`.as('part'), 'upto_seq as seq', 'data', 'state_vector', 'digest'])
          .where('document_id', '=', documentId),
      )
      .unionAll(
        this.db
          .selectFrom('document_updates')
          .select([sql<number>`2`.as('part'), 'seq', 'data', noBytes.as('state_vector'), noDigest.as('digest')])
          .where('document_id', '=', documentId),
      )
      .orderBy('part')
      .orderBy('seq')
      .execute()
    const [documentRow, ...stored] = rows
    if (documentRow === undefined || documentRow.part !== 0) throw new Error(`Document ${documentId} does not exist`)
    let snapshot: Uint8Array | null = null
    let snapshotStateVector: Uint8Array | null = null
    const updates: Uint8Array[] = []
    for (const row of stored) {
      if (row.data === null) throw new Error(`Document ${documentId} has a row without data`)
      if (row.part !== 1) {
        updates.push(row.data)
        continue
      }
      snapshot = row.data
      if (row.state_vector !== null) {
        // Loading trusts this state vector instead of parsing the snapshot, so the bytes must be the
        // ones it was computed from.
        if (row.digest !== digestOf(row.data)) {
          throw new Error(`Document ${documentId} has a snapshot that changed since it was written`)
        }
        snapshotStateVector = row.state_vector
      }
    }
    const lastRow = stored.at(-1)
    const lastSeq = Math.max(Number(documentRow.seq), lastRow?.part === 2 ? Number(lastRow.seq) : 0)
    return { snapshot, snapshotStateVector, updates, lastSeq }
  }

  async compactDocument(
    documentId: string,
    snapshot: Uint8Array,
    uptoSeq: number,
    stateVector?: Uint8Array,
  ): Promise<void> {
    const now = Date.now()
    const described = stateVector
      ? { state_vector: asBuffer(stateVector), digest: digestOf(snapshot) }
      : { state_vector: null, digest: null }
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.foldsAlone(trx, documentId))) return
      const document = await lastSeqQuery(trx, documentId).executeTakeFirst()
      if (document === undefined) throw new Error(`Document ${documentId} does not exist`)
      const lastSeq = Math.max(Number(document.last_seq), Number(document.log_seq ?? 0))
      // A snapshot claiming updates that were never written would hide them once they are.
      if (uptoSeq > lastSeq) {
        throw new Error(`Cannot compact document ${documentId} up to ${uptoSeq}: its last update is ${lastSeq}`)
      }
      // The rows deleted below may hold the last sequence number (SQLite appends leave the column as it
      // is); numbering must go on above them.
      if (uptoSeq > Number(document.last_seq)) {
        await trx.updateTable('documents').set({ last_seq: uptoSeq }).where('id', '=', documentId).execute()
      }
      await trx
        .insertInto('document_snapshots')
        .values({ document_id: documentId, data: asBuffer(snapshot), upto_seq: uptoSeq, updated_at: now, ...described })
        .onConflict((conflict) =>
          conflict
            .column('document_id')
            .doUpdateSet((eb) => ({
              data: eb.ref('excluded.data'),
              upto_seq: eb.ref('excluded.upto_seq'),
              updated_at: eb.ref('excluded.updated_at'),
              state_vector: eb.ref('excluded.state_vector'),
              digest: eb.ref('excluded.digest'),
            }))
            // A late compaction from an older state must not replace a newer snapshot: the updates
            // between the two are already gone from the log.
            .where('document_snapshots.upto_seq', '<=', uptoSeq),
        )
        .execute()
      await trx
        .deleteFrom('document_updates')
        .where('document_id', '=', documentId)
        .where('seq', '<=', uptoSeq)
        .execute()
    })
  }

  /**
   * Whether this transaction may fold the document's log now: false while another writer (another
   * instance) is folding it, whose snapshot covers as much. SQLite has one writer, so it always may.
   */
  protected async foldsAlone(_trx: Kysely<Database>, _documentId: string): Promise<boolean> {
    return true
  }

  async documentStorageStats(documentId: string): Promise<{ bytes: number; logLength: number }> {
    const row = await this.db
      .selectNoFrom((eb) => [
        eb
          .selectFrom('document_updates')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('document_id', '=', documentId)
          .as('log_length'),
        eb
          .selectFrom('document_updates')
          .select(sql<number>`coalesce(sum(length(data)), 0)`.as('n'))
          .where('document_id', '=', documentId)
          .as('log_bytes'),
        eb
          .selectFrom('document_snapshots')
          .select(sql<number>`length(data)`.as('n'))
          .where('document_id', '=', documentId)
          .as('snapshot_bytes'),
      ])
      .executeTakeFirstOrThrow()
    return {
      bytes: Number(row.log_bytes ?? 0) + Number(row.snapshot_bytes ?? 0),
      logLength: Number(row.log_length ?? 0),
    }
  }
}

/**
 * A document's `last_seq` column and its log's highest number (`log_seq`): its last sequence number is
 * the larger of the two (see `loadDocumentState`).
 */
export function lastSeqQuery(db: Kysely<Database>, documentId: string) {
  return db
    .selectFrom('documents')
    .select((eb) => [
      'last_seq',
      eb
        .selectFrom('document_updates')
        .select((inner) => inner.fn.max('seq').as('seq'))
        .whereRef('document_updates.document_id', '=', 'documents.id')
        .as('log_seq'),
    ])
    .where('id', '=', documentId)
}

function digestOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** Binds a Uint8Array that may be a view into a larger buffer (a WebSocket frame) without copying it. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}
