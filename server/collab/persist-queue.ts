/**
 * Writes updates to the store in the order they arrived, batching what arrives while a write is in
 * flight into the next write (group commit). Nothing is handed on until its write has resolved.
 */
export interface PersistQueueHandlers<T> {
  write(items: readonly T[]): Promise<number>
  stored(items: readonly T[], lastSeq: number): void
  failed(items: readonly T[], error: unknown): void
}

export class PersistQueue<T> {
  private queue: T[] = []
  private running: Promise<void> | null = null

  constructor(
    private readonly handlers: PersistQueueHandlers<T>,
    private readonly maxBatch = 256,
  ) {}

  get length(): number {
    return this.queue.length
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
      let lastSeq: number
      try {
        lastSeq = await this.handlers.write(batch)
      } catch (error) {
        this.handlers.failed(batch, error)
        continue
      }
      this.handlers.stored(batch, lastSeq)
    }
    this.running = null
  }
}
