/** What a server child reports about itself: the CPU and memory it has used. */
export interface ProcessUsage {
  /** User + system CPU time since the process started. */
  cpuMs: number
  rssBytes: number
  /** Highest resident set size seen since the last reset, sampled every 50 ms. */
  peakRssBytes: number
  /** Peak resident set size of the whole process life, start-up and password hashing included. */
  lifetimeMaxRssBytes: number
}

let peakRssBytes = 0
setInterval(() => {
  peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss())
}, 50).unref()

/** Reports usage; `resetPeak` starts a new peak window (e.g. at the start of a measurement). */
export function processUsage(resetPeak = false): ProcessUsage {
  const cpu = process.cpuUsage()
  const rssBytes = process.memoryUsage.rss()
  const usage = {
    cpuMs: (cpu.user + cpu.system) / 1000,
    rssBytes,
    peakRssBytes: Math.max(peakRssBytes, rssBytes),
    lifetimeMaxRssBytes: process.resourceUsage().maxRSS * 1024,
  }
  if (resetPeak) peakRssBytes = rssBytes
  return usage
}
