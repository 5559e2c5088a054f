/**
 * Checkpoints the SQLite WAL on a worker thread with its own connection, so that the event loop never
 * waits for a checkpoint's fsyncs. Left to SQLite, the commit that crosses 1000 WAL pages runs the
 * checkpoint itself, and under other disk load that commit stalled the event loop for up to 260 ms.
 *
 * A PASSIVE checkpoint neither takes the writer's lock nor waits for readers, so it never delays a
 * commit. If it copies every frame back before the next commit begins, that commit restarts the WAL from
 * its start. A checkpoint that takes the writer's lock (RESTART, TRUNCATE) cannot be used here: a
 * Kysely transaction on the main connection that reads and then writes gets SQLITE_BUSY at once, without
 * waiting, if it finds the lock taken. So under a steady stream of commits, once the WAL is long, the
 * worker asks the store for a gap: the store holds its commits while the worker checkpoints (see
 * sqlite-store.ts), and the main connection keeps a backstop for when even that does not help.
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
const checkpoint = () => db.pragma('wal_checkpoint(PASSIVE)')[0]
const timer = setInterval(() => {
  if (checkpoint().log >= workerData.gapFrames) parentPort.postMessage('gap wanted')
}, workerData.intervalMs)
parentPort.on('message', (message) => {
  if (message === 'checkpoint in gap') {
    checkpoint()
    parentPort.postMessage('gap done')
    return
  }
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
  /** WAL frames from which the worker asks for a gap between commits (`onGapWanted`). */
  gapFrames: number
  /** Called once if the worker fails or exits on its own; the caller checkpoints from then on. */
  onFailure(error: unknown): void
}

/** How long commits wait for a checkpoint in a gap at most, on a disk too slow to finish it. */
const gapTimeoutMs = 200

export class WalCheckpointer {
  readonly #worker: Worker
  readonly #exited: Promise<void>
  #closing = false
  /** Settles the checkpoint in a gap that is running, if any. */
  #gapDone: (() => void) | null = null
  /**
   * Told when the WAL has grown long: commits never left the worker's checkpoints a moment to finish
   * between two of them, so no commit could restart the WAL. The caller holds its commits through
   * `checkpointInGap`; otherwise the WAL grows to the backstop, where a commit checkpoints on the
   * event loop, fsyncs included.
   */
  onGapWanted: () => void = () => {}

  constructor(options: WalCheckpointerOptions) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3')
    this.#worker = new Worker(workerSource, {
      eval: true,
      workerData: {
        driver,
        file: options.file,
        intervalMs: options.intervalMs,
        gapFrames: options.gapFrames,
      },
    })
    this.#worker.on('message', (message) => {
      if (message === 'gap wanted') this.onGapWanted()
      else if (message === 'gap done') this.#settleGap()
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
        this.#settleGap()
        resolve()
      })
    })
  }

  /**
   * Checkpoints the whole WAL now, on the worker. Resolves when it is done, when the worker is gone, or
   * after `gapTimeoutMs`; never rejects. With no commit meanwhile, the next commit restarts the WAL.
   */
  checkpointInGap(): Promise<void> {
    if (this.#closing || this.#gapDone !== null) return Promise.resolve()
    return new Promise((resolve) => {
      const timeout = setTimeout(() => this.#settleGap(), gapTimeoutMs)
      this.#gapDone = () => {
        clearTimeout(timeout)
        resolve()
      }
      this.#worker.postMessage('checkpoint in gap')
    })
  }

  #settleGap(): void {
    const done = this.#gapDone
    this.#gapDone = null
    done?.()
  }

  /** Runs a last checkpoint, closes the worker's connection and resolves once the worker has exited. */
  close(): Promise<void> {
    if (!this.#closing) {
      this.#closing = true
      // Unref'd, the worker would not keep the process alive until it exits: a script whose last task
      // is `await store.close()` would end (exit code 13, unsettled top-level await) before it resolves.
      this.#worker.ref()
      this.#worker.postMessage('close')
    }
    return this.#exited
  }
}
