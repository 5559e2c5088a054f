/**
 * The default store: one SQLite file, `<dataDir>/gongbei.sqlite`, through better-sqlite3.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import type { Database } from './database-schema.ts'
import { migrateToLatest } from './migrate.ts'
import { SqlStore, asBuffer } from './sql-store.ts'
import { WalCheckpointer } from './wal-checkpointer.ts'

export const sqliteFileName = 'gongbei.sqlite'

export interface SqliteStoreOptions {
  /** How often the worker thread checkpoints the WAL; 500 ms by default. */
  checkpointIntervalMs?: number
}

/**
 * WAL frames after which a commit on the main connection checkpoints, as SQLite does by default after
 * 1000. The worker's checkpoints normally let a commit restart the WAL long before; this bounds the WAL
 * when commits never leave them a gap, and then the checkpoint has only the last frames left to copy.
 */
const backstopPages = 2000
/** SQLite's default, for when the worker has failed. */
const autocheckpointPages = 1000

export async function openSqliteStore(dataDir: string, options: SqliteStoreOptions = {}): Promise<SqliteStore> {
  const file = join(dataDir, sqliteFileName)
  let sqlite: BetterSqlite3.Database | undefined
  try {
    await mkdir(dataDir, { recursive: true })
    // Waits up to 5 s for a lock held by another process (a backup, an admin shell) instead of failing.
    sqlite = new BetterSqlite3(file, { timeout: 5000 })
    const journalMode = sqlite.pragma('journal_mode = WAL', { simple: true })
    if (journalMode !== 'wal') throw new Error(`WAL mode is not available (journal mode is ${String(journalMode)})`)
    // In WAL mode a commit has written its pages to the WAL file before it returns, and only the fsync
    // is deferred to checkpoints. So a killed process (kill -9, a crash) loses no committed transaction;
    // only a power cut or an OS crash can drop the last few, and even then the file stays consistent.
    sqlite.pragma('synchronous = NORMAL')
    sqlite.pragma('foreign_keys = ON')
    // Checkpoints run on a worker thread (see wal-checkpointer.ts), not inside whichever commit crosses
    // 1000 pages. The limit trims the WAL file when a commit restarts it after a burst.
    sqlite.pragma(`wal_autocheckpoint = ${backstopPages}`)
    sqlite.pragma('journal_size_limit = 16777216')
  } catch (error) {
    sqlite?.close()
    throw new Error(`Cannot open the SQLite database ${file}: ${messageOf(error)}`, { cause: error })
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  try {
    await migrateToLatest(db, 'sqlite')
  } catch (error) {
    await db.destroy()
    throw new Error(`Cannot open the SQLite database ${file}: ${messageOf(error)}`, { cause: error })
  }
  const checkpointer = new WalCheckpointer({
    file,
    intervalMs: options.checkpointIntervalMs ?? 500,
    onFailure(error) {
      // Checkpoints only move committed pages from the WAL into the database file, so nothing is lost;
      // without them the WAL would grow without bound.
      console.error(`the WAL checkpoint worker of ${file} failed; checkpointing on the main connection:`, error)
      if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${autocheckpointPages}`)
    },
  })
  return new SqliteStore(db, sqlite, checkpointer)
}

interface PendingAppend {
  documentId: string
  updates: readonly Uint8Array[]
  resolve(lastSeq: number): void
  reject(error: unknown): void
}

type AppendOutcome = { lastSeq: number } | { error: unknown }

/**
 * The least time between two commits of appends. Under a steady stream of edits most of a commit's cost
 * is fixed (its WAL writes and file locks, a dozen system calls), so waiting this long for more appends
 * saves about a third of the commits at the benchmark's load; an edit after a quiet moment is written
 * at the end of its turn, as before.
 */
const commitIntervalMs = 2

export class SqliteStore extends SqlStore {
  readonly dialect = 'sqlite'
  readonly #appendAll: (batch: readonly PendingAppend[], now: number) => AppendOutcome[]
  readonly #sqlite: BetterSqlite3.Database
  readonly #checkpointer: WalCheckpointer
  #closing: Promise<void> | null = null
  #pending: PendingAppend[] = []
  #lastCommit = -Infinity
  /** The last batch waiting for Kysely's connection, while there is one. */
  #waiting: Promise<void> | null = null

  constructor(db: Kysely<Database>, sqlite: BetterSqlite3.Database, checkpointer: WalCheckpointer) {
    super(db)
    this.#sqlite = sqlite
    this.#checkpointer = checkpointer
    // Kysely compiles and prepares every query anew and runs a transaction as several awaited steps; on
    // this path, taken for every batch of edits, that made an append about 3× slower (80 µs against
    // 28 µs). So the two statements are compiled by Kysely once, prepared once, and run synchronously
    // in one transaction. Their parameters are in the order the builder writes them.
    //
    // An append only reads `documents` (see `SqlStore.loadDocumentState` for how the last sequence
    // number is found): bumping `documents.last_seq` wrote one more page to the WAL in every commit and
    // cost about 40 % of an append's CPU. SQLite has one writer at a time, so the numbers still commit
    // in order.
    const lastSeqOf = sqlite.prepare<[string], { last_seq: number; log_seq: number | null }>(
      db
        .selectFrom('documents')
        .select((eb) => [
          'last_seq',
          eb
            .selectFrom('document_updates')
            .select((inner) => inner.fn.max('seq').as('seq'))
            .whereRef('document_updates.document_id', '=', 'documents.id')
            .as('log_seq'),
        ])
        .where('id', '=', '')
        .compile().sql,
    )
    const insertUpdate = sqlite.prepare<[string, number, Buffer, number]>(
      db
        .insertInto('document_updates')
        .values({ document_id: '', seq: 0, data: Buffer.alloc(0), created_at: 0 })
        .compile().sql,
    )
    // Nested in the batch's transaction, each append is a savepoint: one that fails (a deleted
    // document) is rolled back alone and the others of the batch still commit.
    const appendOne = sqlite.transaction((documentId: string, updates: readonly Uint8Array[], now: number) => {
      const document = lastSeqOf.get(documentId)
      if (document === undefined) throw new Error(`Document ${documentId} does not exist`)
      let seq = Math.max(document.last_seq, document.log_seq ?? 0)
      for (const update of updates) insertUpdate.run(documentId, ++seq, asBuffer(update), now)
      return seq
    })
    this.#appendAll = sqlite.transaction((batch: readonly PendingAppend[], now: number) =>
      batch.map((append): AppendOutcome => {
        try {
          return { lastSeq: appendOne(append.documentId, append.updates, now) }
        } catch (error) {
          return { error }
        }
      }),
    ).immediate
  }

  /**
   * Group commit: appends from every document are written together in one transaction, at the end of
   * the event loop's turn, or `commitIntervalMs` after the last commit if that is later. A commit costs
   * far more than a row, and under load many documents append at once. Each promise resolves only after
   * the commit.
   */
  appendUpdates(documentId: string, updates: readonly Uint8Array[]): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ documentId, updates, resolve, reject })
      if (this.#pending.length > 1) return
      const wait = this.#lastCommit + commitIntervalMs - performance.now()
      if (wait > 0) setTimeout(() => this.#flush(), wait)
      else setImmediate(() => this.#flush())
    })
  }

  /**
   * Inside a transaction Kysely holds open across its awaits (a compaction), better-sqlite3 would nest
   * the batch as a savepoint of it; such a batch waits for Kysely's connection instead, and so does every
   * batch after it until it is written, to keep their order. Otherwise the batch is written at once:
   * taking Kysely's connection for every batch cost about as much as writing one row.
   */
  #flush(): void {
    const batch = this.#pending
    this.#pending = []
    if (!this.#sqlite.inTransaction && this.#waiting === null) return this.#write(batch)
    const waiting = this.db.connection().execute(async () => this.#write(batch))
    this.#waiting = waiting
    void waiting.finally(() => {
      if (this.#waiting === waiting) this.#waiting = null
    })
  }

  /** The worker's connection closes first, so that closing the last one checkpoints and removes the WAL. */
  override close(): Promise<void> {
    this.#closing ??= this.#checkpointer.close().then(() => super.close())
    return this.#closing
  }

  #write(batch: readonly PendingAppend[]): void {
    this.#lastCommit = performance.now()
    let outcomes: AppendOutcome[]
    try {
      outcomes = this.#appendAll(batch, Date.now())
    } catch (error) {
      for (const append of batch) append.reject(error)
      return
    }
    outcomes.forEach((outcome, i) => {
      if ('lastSeq' in outcome) batch[i]!.resolve(outcome.lastSeq)
      else batch[i]!.reject(outcome.error)
    })
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
