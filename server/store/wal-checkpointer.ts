/**
 * Checkpoints the SQLite WAL on a worker thread with its own connection, so that the event loop never
 * waits for a checkpoint's fsyncs. Left to SQLite, the commit that crosses 1000 WAL pages runs the
 * checkpoint itself, and under other disk load that commit stalled the event loop for up to 260 ms.
 *
 * A PASSIVE checkpoint neither takes the writer's lock nor waits for readers, so it never delays a
 * commit. If it copies every frame back before the next commit begins, that commit restarts the WAL from
 * its start. A checkpoint that takes the writer's lock (RESTART, TRUNCATE) cannot be used here: a
 * Kysely transaction on the main connection that reads and then writes gets SQLITE_BUSY at once, without
 * waiting, if it finds the lock taken. So under a steady stream of commits the main connection keeps a
 * backstop (see sqlite-store.ts).
 */
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/**
 * Plain CommonJS evaluated on the worker: the server runs TypeScript through a loader that a worker
 * thread does not get in every host (vitest's workers, for one), so the worker cannot load a .ts file.
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file, { timeout: 0 })
db.pragma('synchronous = NORMAL')
const checkpoint = () => db.pragma('wal_checkpoint(PASSIVE)')
const timer = setInterval(checkpoint, workerData.intervalMs)
parentPort.on('message', () => {
  clearInterval(timer)
  checkpoint()
  db.close()
  parentPort.close()
})
`

export interface WalCheckpointerOptions {
  /** The database file, already in WAL mode. */
  file: string
  intervalMs: number
  /** Called once if the worker fails or exits on its own; the caller checkpoints from then on. */
  onFailure(error: unknown): void
}

export class WalCheckpointer {
  readonly #worker: Worker
  readonly #exited: Promise<void>
  #closing = false

  constructor(options: WalCheckpointerOptions) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3')
    this.#worker = new Worker(workerSource, {
      eval: true,
      workerData: {
        driver,
        file: options.file,
        intervalMs: options.intervalMs,
      },
    })
    // A worker that only waits on its timer must not keep the process alive.
    this.#worker.unref()
    let failure: unknown = null
    this.#worker.on('error', (error) => {
      failure = error
    })
    this.#exited = new Promise((resolve) => {
      this.#worker.once('exit', (code) => {
        if (!this.#closing || failure !== null) {
          options.onFailure(failure ?? new Error(`the WAL checkpoint worker exited with code ${code}`))
        }
        resolve()
      })
    })
  }

  /** Runs a last checkpoint, closes the worker's connection and resolves once the worker has exited. */
  close(): Promise<void> {
    if (!this.#closing) {
      this.#closing = true
      this.#worker.postMessage('close')
    }
    return this.#exited
  }
}
