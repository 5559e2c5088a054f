/**
 * Several rounds of the same load, summarized: the median of every measurement, correctness over all of
 * them. On a machine other people also use, one round can land on a busy minute; the median of three,
 * with the servers' order alternating, is much steadier.
 */
import type { LatencySummary, LoadResult } from './load-run.ts'
import { type CallTimes, median } from './stats.ts'

export function combineRounds(rounds: readonly LoadResult[]): LoadResult {
  if (rounds.length === 1) return rounds[0]!
  const mid = (value: (round: LoadResult) => number): number => median(rounds.map(value))
  const stored = rounds.map((r) => r.storeMatchesClients)
  return {
    server: rounds[0]!.server,
    workload: rounds[0]!.workload,
    latencyMs: combineLatencies(rounds.map((r) => r.latencyMs))!,
    sameInstanceLatencyMs: combineLatencies(rounds.map((r) => r.sameInstanceLatencyMs)),
    crossInstanceLatencyMs: combineLatencies(rounds.map((r) => r.crossInstanceLatencyMs)),
    deliveredPerSecond: mid((r) => r.deliveredPerSecond),
    operationsPerSecond: mid((r) => r.operationsPerSecond),
    serverCpuMs: mid((r) => r.serverCpuMs),
    serverSystemCpuMs: mid((r) => r.serverSystemCpuMs),
    cpuMsPer1000Delivered: mid((r) => r.cpuMsPer1000Delivered),
    cpuMsPer1000Operations: mid((r) => r.cpuMsPer1000Operations),
    peakRssBytes: mid((r) => r.peakRssBytes),
    eventLoopDelayMs: { p99: mid((r) => r.eventLoopDelayMs.p99), max: mid((r) => r.eventLoopDelayMs.max) },
    storeCalls: combineStoreCalls(rounds),
    updateMessagesPerSecond: mid((r) => r.updateMessagesPerSecond),
    converged: rounds.every((r) => r.converged),
    lostDeliveries: rounds.reduce((n, r) => n + r.lostDeliveries, 0),
    disconnects: rounds.reduce((n, r) => n + r.disconnects, 0),
    storeMatchesClients: stored.every((s) => s === null) ? null : stored.every((s) => s === true),
  }
}

/** Medians of each percentile, samples added up; null when a round had none (one instance). */
function combineLatencies(rounds: readonly (LatencySummary | null)[]): LatencySummary | null {
  if (rounds.some((r) => r === null)) return null
  const all = rounds as LatencySummary[]
  const mid = (value: (round: LatencySummary) => number): number => median(all.map(value))
  return {
    p50: mid((r) => r.p50),
    p99: mid((r) => r.p99),
    max: mid((r) => r.max),
    samples: all.reduce((n, r) => n + r.samples, 0),
  }
}

/** Counts and totals add up; percentiles are the median round's; the maximum is the largest. */
function combineStoreCalls(rounds: readonly LoadResult[]): Record<string, CallTimes> | null {
  const first = rounds[0]!.storeCalls
  if (!first) return null
  const combined: Record<string, CallTimes> = {}
  for (const method of Object.keys(first)) {
    const times = rounds.flatMap((r) => (r.storeCalls?.[method] ? [r.storeCalls[method]] : []))
    combined[method] = {
      calls: times.reduce((n, t) => n + t.calls, 0),
      totalMs: times.reduce((n, t) => n + t.totalMs, 0),
      p50Ms: median(times.map((t) => t.p50Ms)),
      p99Ms: median(times.map((t) => t.p99Ms)),
      maxMs: Math.max(...times.map((t) => t.maxMs)),
    }
  }
  return combined
}
