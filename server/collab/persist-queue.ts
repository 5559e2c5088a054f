/**
 * Writes updates to the store in the order they arrived, batching what arrives while a write is in
 * flight into the next write (group commit). Nothing is handed on until its write has resolved.
 */
export interface PersistQueueHandlers<T, R> {
  write(items: readonly T[]): Promise<R>
  stored(items: readonly T[], written: R): void
  failed(items: readonly T[], error: unknown): void
}

export class PersistQueue<T, R> {
  private queue: T[] = []
  private running: Promise<void> | null = null

  constructor(
    private readonly handlers: PersistQueueHandlers<T, R>,
    private readonly maxBatch = 256,
  ) {}

  /** Nothing waiting and nothing being written. */
  get idle(): boolean {
    return this.queue.length === 0 && this.running === null
  }

  push(item: T): void {
    this.queue.push(item)
    this.running ??= this.run()
  }

  /** Resolves once everything pushed so far has been written or has failed. */
  async drained(): Promise<void> {
    while (this.running) await this.running
  }

  private async run(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch)
      let written: R
      try {
        written = await this.handlers.write(batch)
      } catch (error) {
        this.handlers.failed(batch, error)
        continue
      }
      this.handlers.stored(batch, written)
    }
    this.running = null
  }
}
