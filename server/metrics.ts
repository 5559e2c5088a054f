/**
 * Prometheus metrics for `GET /metrics`. Each server instance has its own registry so that several
 * servers in one process (tests, the benchmark) do not mix their numbers.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client'

export interface CollabMetrics {
  connectionOpened(): void
  connectionClosed(): void
  updatesStored(count: number, writeSeconds: number): void
}

export interface ServerMetrics extends CollabMetrics {
  readonly registry: Registry
}

/**
 * Write times kept for the next scrape at most; then they are handed over at once. Handing over 4096
 * took 2 to 12 ms, long enough to hold up edits; 256 take a fraction of a millisecond.
 */
const maxUnobservedWriteTimes = 256

/** Updates per second over the last `windowSeconds`, kept as one counter per second. */
class UpdateRate {
  private readonly buckets: number[]
  private currentSecond = 0

  constructor(private readonly windowSeconds: number) {
    this.buckets = new Array<number>(windowSeconds).fill(0)
  }

  add(count: number, nowSeconds = Math.floor(Date.now() / 1000)): void {
    this.advance(nowSeconds)
    this.buckets[nowSeconds % this.windowSeconds]! += count
  }

  perSecond(nowSeconds = Math.floor(Date.now() / 1000)): number {
    this.advance(nowSeconds)
    return this.buckets.reduce((sum, n) => sum + n, 0) / this.windowSeconds
  }

  private advance(nowSeconds: number): void {
    const gap = Math.min(nowSeconds - this.currentSecond, this.windowSeconds)
    for (let i = 1; i <= gap; i++) this.buckets[(this.currentSecond + i) % this.windowSeconds] = 0
    this.currentSecond = Math.max(this.currentSecond, nowSeconds)
  }
}

export function createMetrics(openDocuments: () => number): ServerMetrics {
  const registry = new Registry()
  const connections = new Gauge({
    name: 'gongbei_connections',
    help: 'Open collaboration WebSocket connections',
    registers: [registry],
  })
  new Gauge({
    name: 'gongbei_open_documents',
    help: 'Documents loaded in memory',
    registers: [registry],
    collect() {
      this.set(openDocuments())
    },
  })
  // Every stored batch reports here, so the figures are gathered in plain numbers and handed to
  // prom-client when scraped: its label handling cost more per edit than the rest of this module.
  let storedSinceScrape = 0
  const writeTimes: number[] = []
  new Counter({
    name: 'gongbei_updates_stored_total',
    help: 'Document updates stored',
    registers: [registry],
    collect() {
      this.inc(storedSinceScrape)
      storedSinceScrape = 0
    },
  })
  const rate = new UpdateRate(10)
  new Gauge({
    name: 'gongbei_updates_per_second',
    help: 'Document updates stored per second, averaged over the last 10 seconds',
    registers: [registry],
    collect() {
      this.set(rate.perSecond())
    },
  })
  const writeLatency = new Histogram({
    name: 'gongbei_store_write_seconds',
    help: 'Time to durably append one batch of updates',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
    collect: () => observeWriteTimes(),
  })
  const observeWriteTimes = (): void => {
    for (const seconds of writeTimes) writeLatency.observe(seconds)
    writeTimes.length = 0
  }
  return {
    registry,
    connectionOpened: () => connections.inc(),
    connectionClosed: () => connections.dec(),
    updatesStored(count, writeSeconds) {
      storedSinceScrape += count
      rate.add(count)
      if (writeTimes.push(writeSeconds) >= maxUnobservedWriteTimes) observeWriteTimes()
    },
  }
}
