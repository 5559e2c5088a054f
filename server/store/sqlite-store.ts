/**
 * The default store: one SQLite file, `<dataDir>/gongbei.sqlite`, through better-sqlite3.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import type { Database } from './database-schema.ts'
import { migrateToLatest } from './migrate.ts'
import { SqlStore } from './sql-store.ts'
import { SqlUpdateStore, asBuffer, lastSeqQuery } from './sql/update-store.ts'
import { withStatementCache } from './statement-cache.ts'
import { WalCheckpointer } from './wal-checkpointer.ts'
import { logger } from '../log/logger.ts'

export const sqliteFileName = 'gongbei.sqlite'

export interface SqliteStoreOptions {
  /** How often the worker thread checkpoints the WAL; 500 ms by default. */
  checkpointIntervalMs?: number
}

/**
 * WAL frames after which a commit on the main connection checkpoints, as SQLite does by default after
 * 1000. The worker's checkpoints normally let a commit restart the WAL long before; this bounds the WAL
 * if the worker cannot (a Kysely transaction writing through a gap), and then the checkpoint has only
 * the last frames left to copy.
 */
const backstopPages = 2000
/**
 * WAL frames from which commits pause for one checkpoint on the worker. Under a steady stream of commits
 * (the benchmark's: one every few milliseconds) the worker's checkpoints seldom finish between two of
 * them, so without the pause the WAL grew to the backstop about once a second and a commit checkpointed
 * on the event loop, two fsyncs included.
 */
const gapPages = 1000
/** SQLite's default, for when the worker has failed. */
const autocheckpointPages = 1000

export async function openSqliteStore(dataDir: string, options: SqliteStoreOptions = {}): Promise<SqlStore> {
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
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) })
  try {
    await migrateToLatest(db, 'sqlite')
  } catch (error) {
    await db.destroy()
    throw new Error(`Cannot open the SQLite database ${file}: ${messageOf(error)}`, { cause: error })
  }
  const checkpointer = new WalCheckpointer({
    file,
    intervalMs: options.checkpointIntervalMs ?? 500,
    gapFrames: gapPages,
    onFailure(error) {
      // Checkpoints only move committed pages from the WAL into the database file, so nothing is lost;
      // without them the WAL would grow without bound.
      logger.error({ err: error, file }, 'the WAL checkpoint worker failed; checkpointing on the main connection')
      if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${autocheckpointPages}`)
    },
  })
  // The worker's connection closes first, so that closing the last one checkpoints and removes the WAL.
  return new SqlStore('sqlite', db, new SqliteUpdateStore(db, sqlite, checkpointer), () => checkpointer.close())
}

interface PendingAppend {
  documentId: string
  updates: readonly Uint8Array[]
  resolve(lastSeq: number): void
  reject(error: unknown): void
}

/** SQLite's update log: group commit, on statements prepared once (see the constructor). */
export class SqliteUpdateStore extends SqlUpdateStore {
  readonly #sqlite: BetterSqlite3.Database
  readonly #checkpointer: WalCheckpointer
  /** Writes a batch in one transaction, numbering on from `#lastSeqs`; throws if any append fails. */
  readonly #appendBatch: BetterSqlite3.Transaction<(batch: readonly PendingAppend[], now: number) => number[]>
  /** Writes one append in a transaction of its own, numbering on from the database. */
  readonly #appendAlone: BetterSqlite3.Transaction<(append: PendingAppend, now: number) => number>
  /**
   * The last sequence number of each document this store has appended to, as of its last commit.
   * Reading it from the database, with each append in a savepoint of its own so that a failing one
   * did not fail its batch, made a commit of two appends about a quarter dearer (measured apart, 48
   * against 36 µs of CPU). Another writer (a second process, a restored backup) can only make an entry
   * stale: the next insert then collides with the primary key, the batch is written again append by
   * append from the database's numbers, and the entry is replaced.
   */
  readonly #lastSeqs = new Map<string, number>()
  #pending: PendingAppend[] = []
  /** The last batch waiting for Kysely's connection, while there is one. */
  #waiting: Promise<void> | null = null
  /** While the worker checkpoints in a gap, appends wait; they are written when it ends. */
  #pausedForCheckpoint = false

  constructor(db: Kysely<Database>, sqlite: BetterSqlite3.Database, checkpointer: WalCheckpointer) {
    super(db)
    this.#sqlite = sqlite
    this.#checkpointer = checkpointer
    checkpointer.onGapWanted = () => this.#pauseForCheckpoint()
    // Kysely compiles and prepares every query anew and runs a transaction as several awaited steps; on
    // this path, taken for every batch of edits, that made an append about 3× slower (80 µs against
    // 28 µs). So the two statements are compiled by Kysely once, prepared once, and run synchronously
    // in one transaction. Their parameters are in the order the builder writes them.
    //
    // An append only reads `documents` (see `SqlUpdateStore.loadDocumentState` for how the last sequence
    // number is found): bumping `documents.last_seq` wrote one more page to the WAL in every commit and
    // cost about 40 % of an append's CPU. SQLite has one writer at a time, so the numbers still commit
    // in order.
    const lastSeqRow = sqlite.prepare<[string], [number, number | null]>(lastSeqQuery(db, '').compile().sql).raw()
    const storedLastSeq = (documentId: string): number => {
      const row = lastSeqRow.get(documentId)
      if (row === undefined) throw new Error(`Document ${documentId} does not exist`)
      return Math.max(row[0], row[1] ?? 0)
    }
    const insertUpdate = sqlite.prepare<[string, number, Buffer, number]>(
      db
        .insertInto('document_updates')
        .values({ document_id: '', seq: 0, data: Buffer.alloc(0), created_at: 0 })
        .compile().sql,
    )
    const insertAll = (documentId: string, updates: readonly Uint8Array[], lastSeq: number, now: number): number => {
      let seq = lastSeq
      for (const update of updates) insertUpdate.run(documentId, ++seq, asBuffer(update), now)
      return seq
    }
    this.#appendBatch = sqlite.transaction((batch: readonly PendingAppend[], now: number) => {
      // Appends to one document within the batch number on from each other, not from the cache.
      const lastSeqs = new Map<string, number>()
      return batch.map(({ documentId, updates }) => {
        const known = lastSeqs.get(documentId) ?? (updates.length > 0 ? this.#lastSeqs.get(documentId) : undefined)
        const seq = insertAll(documentId, updates, known ?? storedLastSeq(documentId), now)
        lastSeqs.set(documentId, seq)
        return seq
      })
    })
    this.#appendAlone = sqlite.transaction(({ documentId, updates }: PendingAppend, now: number) =>
      insertAll(documentId, updates, storedLastSeq(documentId), now),
    )
  }

  /**
   * Group commit: appends from every document are written together in one transaction at the end of
   * the event loop's turn, once the frames that arrived with it have been handled. A commit costs far
   * more than a row, and the frames of many documents arrive together. Each promise resolves only
   * after the commit.
   *
   * Commits used to wait at least 2 ms after the previous one, for larger batches. In the benchmark
   * that made about 10 % fewer commits, and cost 11 % more CPU per delivered update and 0.5 ms more
   * latency: the wait is a timer, and a turn of the event loop of its own for every commit.
   */
  appendUpdates(documentId: string, updates: readonly Uint8Array[]): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ documentId, updates, resolve, reject })
      if (this.#pending.length === 1) setImmediate(() => this.#flush())
    })
  }

  /**
   * Inside a transaction Kysely holds open across its awaits (a compaction), better-sqlite3 would nest
   * the batch as a savepoint of it; such a batch waits for Kysely's connection instead, and so does every
   * batch after it until it is written, to keep their order. Otherwise the batch is written at once:
   * taking Kysely's connection for every batch cost about as much as writing one row.
   */
  #flush(): void {
    if (this.#pausedForCheckpoint || this.#pending.length === 0) return
    const batch = this.#pending
    this.#pending = []
    if (!this.#sqlite.inTransaction && this.#waiting === null) return this.#write(batch)
    const waiting = this.db.connection().execute(async () => this.#write(batch))
    this.#waiting = waiting
    void waiting.finally(() => {
      if (this.#waiting === waiting) this.#waiting = null
    })
  }

  /**
   * Holds appends (not the event loop) while the worker checkpoints the whole WAL, so that the next
   * commit restarts it. Edits wait a few milliseconds once in a while instead of the whole server
   * waiting for the fsyncs of a checkpoint on the main connection.
   */
  #pauseForCheckpoint(): void {
    if (this.#pausedForCheckpoint) return
    this.#pausedForCheckpoint = true
    void this.#checkpointer.checkpointInGap().then(() => {
      this.#pausedForCheckpoint = false
      this.#flush()
    })
  }

  #write(batch: readonly PendingAppend[]): void {
    const now = Date.now()
    let lastSeqs: number[]
    try {
      lastSeqs = this.#appendBatch.immediate(batch, now)
    } catch {
      // One append failed (a deleted document, a number another writer took) and the batch was rolled
      // back: each is written again on its own, so that only the failing one fails.
      return this.#writeOneByOne(batch, now)
    }
    batch.forEach((append, i) => {
      this.#lastSeqs.set(append.documentId, lastSeqs[i]!)
      append.resolve(lastSeqs[i]!)
    })
  }

  #writeOneByOne(batch: readonly PendingAppend[], now: number): void {
    for (const append of batch) {
      let lastSeq: number
      try {
        lastSeq = this.#appendAlone.immediate(append, now)
      } catch (error) {
        this.#lastSeqs.delete(append.documentId)
        append.reject(error)
        continue
      }
      this.#lastSeqs.set(append.documentId, lastSeq)
      append.resolve(lastSeq)
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
