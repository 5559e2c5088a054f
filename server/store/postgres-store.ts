/**
 * The PostgreSQL store, for schools that run a database server (and, later, several server instances).
 */
import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import type { Database } from './database-schema.ts'
import { migrateToLatest } from './migrate.ts'
import { SqlStore } from './sql-store.ts'
import { SqlUpdateStore, asBuffer } from './sql/update-store.ts'
import { logger } from '../log/logger.ts'

/** PostgreSQL takes at most 65 535 parameters per statement; an update row uses up to four. */
const maxRowsPerStatement = 10_000

/**
 * The store's connections. A connection that breaks (the server restarts, the network drops) emits an
 * error; without a listener that error would crash the process. The pool listens while a connection is
 * idle, and each connection listens for itself while it is lent out (a transaction between two
 * statements), since the pool does not then. Either way the pool drops the broken connection and opens
 * another for the next query.
 */
export function postgresPool(databaseUrl: string, where = describeDatabase(databaseUrl)): pg.Pool {
  // Times and sequence numbers are `bigint` columns; pg returns those as strings unless told otherwise.
  // Both stay far below 2^53, so numbers are exact.
  const types = new pg.TypeOverrides()
  types.setTypeParser(pg.types.builtins.INT8, Number)
  const pool = new pg.Pool({ connectionString: databaseUrl, types, connectionTimeoutMillis: 10_000 })
  // An idle connection's error reaches both listeners; it is logged once.
  const reported = new WeakSet<Error>()
  const reportBroken = (error: Error) => {
    if (reported.has(error)) return
    reported.add(error)
    logger.error({ err: error, where }, 'PostgreSQL connection failed')
  }
  pool.on('error', reportBroken)
  pool.on('connect', (connection) => connection.on('error', reportBroken))
  return pool
}

export async function openPostgresStore(databaseUrl: string): Promise<SqlStore> {
  const where = describeDatabase(databaseUrl)
  const pool = postgresPool(databaseUrl, where)
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  try {
    await sql`select 1`.execute(db)
    await migrateToLatest(db, 'postgres')
  } catch (error) {
    await db.destroy()
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`Cannot open the PostgreSQL database ${where}: ${reason}`, { cause: error })
  }
  return new SqlStore('postgres', db, new PostgresUpdateStore(db))
}

/** PostgreSQL's update log: each append is one statement, numbered under the document's row lock. */
export class PostgresUpdateStore extends SqlUpdateStore {
  /**
   * One statement, so one round trip and its own transaction: the CTE bumps the document's `last_seq`
   * (locking its row until commit, which keeps each document's sequence numbers in commit order) and the
   * insert numbers the new rows below it. No document, no bumped row, nothing inserted.
   */
  async appendUpdates(documentId: string, updates: readonly Uint8Array[]): Promise<number> {
    if (updates.length === 0) return this.#lastSeq(documentId)
    if (updates.length > maxRowsPerStatement) return this.#appendInChunks(documentId, updates)
    const count = sql.lit(updates.length)
    const batch = sql.join(updates.map((update, index) => sql`(${sql.lit(index + 1)}, ${asBuffer(update)}::bytea)`))
    const { rows } = await sql<{ seq: number }>`
      with bumped as (
        update documents set last_seq = last_seq + ${count} where id = ${documentId} returning last_seq
      )
      insert into document_updates (document_id, seq, data, created_at)
      select ${documentId}, bumped.last_seq - ${count} + batch.ord, batch.data, ${Date.now()}::bigint
      from bumped cross join (values ${batch}) as batch (ord, data)
      returning seq`.execute(this.db)
    if (rows.length === 0) throw new Error(`Document ${documentId} does not exist`)
    return rows.reduce((last, row) => Math.max(last, row.seq), 0)
  }

  /** The rare huge batch (a backlog flushed at once): same result, in one transaction of several statements. */
  #appendInChunks(documentId: string, updates: readonly Uint8Array[]): Promise<number> {
    const now = Date.now()
    return this.db.transaction().execute(async (trx) => {
      const document = await trx
        .updateTable('documents')
        .set((eb) => ({ last_seq: eb('last_seq', '+', updates.length) }))
        .where('id', '=', documentId)
        .returning('last_seq')
        .executeTakeFirst()
      if (document === undefined) throw new Error(`Document ${documentId} does not exist`)
      const firstSeq = document.last_seq - updates.length + 1
      for (let start = 0; start < updates.length; start += maxRowsPerStatement) {
        const chunk = updates.slice(start, start + maxRowsPerStatement)
        await trx
          .insertInto('document_updates')
          .values(
            chunk.map((update, index) => ({
              document_id: documentId,
              seq: firstSeq + start + index,
              data: asBuffer(update),
              created_at: now,
            })),
          )
          .execute()
      }
      return document.last_seq
    })
  }

  /**
   * One instance folds a document at a time (SCALE-5): a transaction-scoped advisory lock keyed by the
   * document, released by commit or rollback, so a crashed instance never leaves it held.
   */
  protected override async foldsAlone(trx: Kysely<Database>, documentId: string): Promise<boolean> {
    const { rows } = await sql<{ locked: boolean }>`
      select pg_try_advisory_xact_lock(hashtext('gongbei.compact'), hashtext(${documentId})) as locked`.execute(trx)
    return rows[0]?.locked === true
  }

  async #lastSeq(documentId: string): Promise<number> {
    const row = await this.db.selectFrom('documents').select('last_seq').where('id', '=', documentId).executeTakeFirst()
    if (row === undefined) throw new Error(`Document ${documentId} does not exist`)
    return row.last_seq
  }
}

/** Host and database name for messages, never the password. */
function describeDatabase(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl)
    return `${url.hostname}:${url.port || '5432'}${url.pathname}`
  } catch {
    return '(DATABASE_URL is not a valid URL)'
  }
}
