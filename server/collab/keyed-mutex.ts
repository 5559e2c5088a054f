/**
 * One-at-a-time work per key, inside this server. The server changes a document by reading it,
 * computing a change from what it read and applying that change; two such steps interleaved would
 * both compute from the same state and apply twice (a version restored twice, a passage rewritten
 * twice), so each waits for the one before it on the same document.
 */
export class KeyedMutex {
  /** Per key, the end of the last work queued; removed once nothing more is queued behind it. */
  private readonly tails = new Map<string, Promise<void>>()

  /** Runs `work` once every earlier work on `key` has finished, whether it succeeded or failed. */
  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve()
    const result = before.then(work)
    const tail = result.then(
      () => undefined,
      () => undefined,
    )
    this.tails.set(key, tail)
    try {
      return await result
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key)
    }
  }
}
