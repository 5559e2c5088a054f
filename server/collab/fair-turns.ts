/**
 * Frames are read in fair turns (docs/BOUNDS.md, BOUNDS-12): in one turn of the event loop each
 * connection has at most `perTurn` of its frames read; the rest wait, in order, for the next turns,
 * where every connection with frames waiting again has `perTurn` read, one connection after another.
 * A burst of hundreds of frames arrives in one read of a socket, and reading it all at once made every
 * other connection's frame, arriving a moment later, wait behind it to be judged, stored and relayed.
 * Now a colleague's keystroke waits for at most one turn of the burst, and the loop yields between turns.
 */
import { logger } from '../log/logger.ts'
export class FairTurns<K> {
  private readonly waiting = new Map<K, (() => void)[]>()
  /** Frames read this turn, by connection. */
  private readonly readThisTurn = new Map<K, number>()
  private scheduled = false

  constructor(private readonly perTurn: number) {}

  /** Runs `task` now if `key` has had fewer than `perTurn` this turn and none waiting, else queues it. */
  run(key: K, task: () => void): void {
    const queue = this.waiting.get(key)
    if (queue) {
      queue.push(task)
      return
    }
    const read = this.readThisTurn.get(key) ?? 0
    this.scheduleNextTurn()
    if (read < this.perTurn) {
      this.readThisTurn.set(key, read + 1)
      runSafely(task)
      return
    }
    this.waiting.set(key, [task])
  }

  private scheduleNextTurn(): void {
    if (this.scheduled) return
    this.scheduled = true
    // After this turn's I/O: frames that arrived meanwhile on other sockets were read already.
    setImmediate(() => this.nextTurn())
  }

  private nextTurn(): void {
    this.scheduled = false
    this.readThisTurn.clear()
    if (this.waiting.size === 0) return
    this.scheduleNextTurn()
    for (const [key, queue] of this.waiting) {
      const tasks = queue.splice(0, this.perTurn)
      if (queue.length === 0) this.waiting.delete(key)
      this.readThisTurn.set(key, tasks.length)
      for (const task of tasks) runSafely(task)
    }
  }
}

/** One task's failure must not drop the tasks queued after it. */
function runSafely(task: () => void): void {
  try {
    task()
  } catch (error) {
    logger.error({ err: error }, 'reading a frame failed')
  }
}
