/**
 * What a server child reports about itself: CPU, memory, and how long its event loop was blocked
 * (a blocked loop delays every client of every document, so it shows up directly in p99 latency).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

export interface ProcessUsage {
  /** User + system CPU time since the process started. */
  cpuMs: number
  /** Of which in the kernel: socket writes, SQLite's file writes. */
  cpuSystemMs: number
  rssBytes: number
  /** V8 heap in use: with the RSS, what the soak watches for growth. */
  heapUsedBytes: number
  /** Highest resident set size seen since the last reset, sampled every 50 ms. */
  peakRssBytes: number
  /** Peak resident set size of the whole process life, start-up and password hashing included. */
  lifetimeMaxRssBytes: number
  /** Event-loop delay since the last reset. */
  eventLoopDelayMs: { p99: number; max: number }
}

let peakRssBytes = 0
setInterval(() => {
  peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss())
}, 50).unref()

const loopDelay = monitorEventLoopDelay({ resolution: 10 })
loopDelay.enable()

/** Reports usage; `reset` starts a new window for the peak RSS and the event-loop delay. */
export function processUsage(reset = false): ProcessUsage {
  const cpu = process.cpuUsage()
  const rssBytes = process.memoryUsage.rss()
  const usage = {
    cpuMs: (cpu.user + cpu.system) / 1000,
    cpuSystemMs: cpu.system / 1000,
    rssBytes,
    heapUsedBytes: process.memoryUsage().heapUsed,
    peakRssBytes: Math.max(peakRssBytes, rssBytes),
    lifetimeMaxRssBytes: process.resourceUsage().maxRSS * 1024,
    eventLoopDelayMs: { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
  }
  if (reset) {
    peakRssBytes = rssBytes
    loopDelay.reset()
  }
  return usage
}

export interface SettledMemory {
  rssBytes: number
  heapUsedBytes: number
}

// A server child can collect its garbage on request, so that idle memory is what is held, not what waits.
setFlagsFromString('--expose-gc')
const collectGarbage = runInNewContext('gc') as () => void

/** Memory once garbage is collected and the allocator had a moment to give pages back. */
async function settledMemory(): Promise<SettledMemory> {
  collectGarbage()
  await new Promise((resolve) => setTimeout(resolve, 200))
  collectGarbage()
  const { rss, heapUsed } = process.memoryUsage()
  return { rssBytes: rss, heapUsedBytes: heapUsed }
}

/** The requests every server child answers about itself. */
export const usageRequests = {
  usage: async ({ reset }: { reset: boolean }) => processUsage(reset),
  settledMemory: () => settledMemory(),
}
