/**
 * One load run against one server: connect every client, seed the documents, type for warm-up plus the
 * measured window, wait for the last operations, then check that every client of a document sees the
 * same content and that no operation went missing (and, for our server, that the store holds it too).
 */
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { type BenchServer, largeDocumentPath, type OurServer } from './bench-servers.ts'
import { ChildHandle } from './ipc.ts'
import type { ConnectArgs, DocumentLoad, DocumentOutcome, LoadOutcome, TypeArgs } from './load-clients.ts'
import { type BenchOptions, ourKinds } from './options.ts'
import { type CallTimes, concatSorted, percentile } from './stats.ts'
import { buildWriterScripts } from './workload.ts'
import type { Workload } from './workloads.ts'

export interface LoadResult {
  server: BenchServer['kind']
  workload: string
  latencyMs: LatencySummary
  /**
   * Two instances: the pairs whose writer and receiver are on the same instance, and those on different
   * ones; null with one instance.
   */
  sameInstanceLatencyMs: LatencySummary | null
  crossInstanceLatencyMs: LatencySummary | null
  /** (operation, other client) pairs that became visible per second of the measured window. */
  deliveredPerSecond: number
  operationsPerSecond: number
  serverCpuMs: number
  /** Of which in the kernel. */
  serverSystemCpuMs: number
  cpuMsPer1000Delivered: number
  /** Per operation typed: what a keystroke costs whatever the number of readers. */
  cpuMsPer1000Operations: number
  /** Highest server RSS during the measured window. */
  peakRssBytes: number
  /** How long the server's event loop was blocked during the window. */
  eventLoopDelayMs: { p99: number; max: number }
  /** Our server: its store calls during the window (they block the loop: better-sqlite3 is synchronous). */
  storeCalls: Record<string, CallTimes> | null
  /** Update messages clients received, including echoes of their own. */
  updateMessagesPerSecond: number
  converged: boolean
  lostDeliveries: number
  disconnects: number
  /** For our server: whether the store, read after a restart, holds what every client sees. */
  storeMatchesClients: boolean | null
}

export interface LatencySummary {
  p50: number
  p99: number
  max: number
  samples: number
}

/** What a load run takes from the options besides its workload. */
export type LoadTiming = Pick<BenchOptions, 'warmupMs' | 'durationMs' | 'drainMs' | 'clientProcesses' | 'cpuProfileDir'>

export async function runLoad(server: BenchServer, workload: Workload, options: LoadTiming): Promise<LoadResult> {
  const { documents: count, clientsPerDocument, writersPerDocument: writers, rate } = workload
  const opsPerWriter = Math.ceil((rate * (options.warmupMs + options.durationMs)) / 1000) + 1
  const scripts = buildWriterScripts(count * writers, opsPerWriter, workload.shape)
  const documents = await server.createDocuments(count, clientsPerDocument, workload.large)
  const loads: DocumentLoad[] = documents.map((doc, d) => {
    const mine = scripts.slice(d * writers, (d + 1) * writers)
    return {
      ...doc,
      initialTexts: mine.map((s) => s.initialText),
      histories: mine.map((s) => s.history),
      ops: mine.map((s) => s.ops),
      largeDocumentPath: workload.large ? largeDocumentPath(workload.large) : null,
    }
  })

  const processes = Math.min(options.clientProcesses, count)
  const clients = Array.from({ length: processes }, (_, p) =>
    ChildHandle.start(`load clients ${p}`, './load-clients.ts'),
  )
  try {
    await Promise.all(
      clients.map((child, p) =>
        child.request(
          'connect',
          {
            serverUrls: [...server.serverUrls],
            documents: loads.filter((_, d) => d % processes === p),
            phase: p,
            phases: processes,
          } satisfies ConnectArgs,
          // Growing a document from its history takes a while on a busy machine.
          300_000,
        ),
      ),
    )
    const typeArgs: TypeArgs = {
      rate,
      warmupMs: options.warmupMs,
      durationMs: options.durationMs,
      drainMs: options.drainMs,
    }
    const outcomes = Promise.all(
      clients.map((child) =>
        child.request<LoadOutcome>('type', typeArgs, options.warmupMs + options.durationMs + options.drainMs + 60_000),
      ),
    )
    // Awaited below; if measuring the server fails first, its rejection must not go unhandled.
    outcomes.catch(() => undefined)
    await sleep(options.warmupMs)
    const before = await server.usage(true)
    await server.storeCallTimes(true)
    if (options.cpuProfileDir) await Promise.all(server.children.map((child) => child.request('profileStart')))
    await sleep(options.durationMs)
    const after = await server.usage()
    const storeCalls = await server.storeCallTimes()
    if (options.cpuProfileDir) {
      mkdirSync(options.cpuProfileDir, { recursive: true })
      await Promise.all(
        server.children.map((child, i) => {
          const name = `${workload.name}-${server.kind}-server${server.children.length > 1 ? `-${i + 1}` : ''}`
          return child.request('profileStop', { path: resolve(options.cpuProfileDir!, `${name}.cpuprofile`) })
        }),
      )
    }
    const results = await outcomes
    await Promise.all(clients.map((child) => child.request('disconnect')))

    const seconds = options.durationMs / 1000
    const delivered = sum(results.map((r) => r.deliveredInWindow))
    const sentInWindow = sum(results.map((r) => r.sentInWindow))
    const latencies = concatSorted(results.map((r) => r.latencies))
    const cross = concatSorted(results.map((r) => r.crossInstanceLatencies))
    const twoInstances = server.serverUrls.length > 1
    const outcomesByRoom = results.flatMap((r) => r.documents)
    const serverCpuMs = after.cpuMs - before.cpuMs
    return {
      server: server.kind,
      workload: workload.name,
      latencyMs: summarizeLatencies(latencies),
      sameInstanceLatencyMs: twoInstances ? summarizeLatencies(withoutSorted(latencies, cross)) : null,
      crossInstanceLatencyMs: twoInstances ? summarizeLatencies(cross) : null,
      deliveredPerSecond: delivered / seconds,
      operationsPerSecond: sentInWindow / seconds,
      serverCpuMs,
      serverSystemCpuMs: after.cpuSystemMs - before.cpuSystemMs,
      cpuMsPer1000Delivered: delivered > 0 ? (serverCpuMs / delivered) * 1000 : Number.NaN,
      cpuMsPer1000Operations: sentInWindow > 0 ? (serverCpuMs / sentInWindow) * 1000 : Number.NaN,
      peakRssBytes: after.peakRssBytes,
      eventLoopDelayMs: after.eventLoopDelayMs,
      storeCalls,
      updateMessagesPerSecond: sum(results.map((r) => r.updateMessages)) / seconds,
      converged: outcomesByRoom.every((o) => o.digest !== null),
      lostDeliveries: sum(outcomesByRoom.map((o) => o.lost)),
      disconnects: sum(results.map((r) => r.disconnects)),
      storeMatchesClients: ourKinds.includes(server.kind)
        ? await storeMatches(server as OurServer, outcomesByRoom)
        : null,
    }
  } finally {
    await Promise.all(clients.map((child) => child.stop()))
  }
}

/** Restarts our server, so nothing is in memory, and reads every document back from the store. */
async function storeMatches(server: OurServer, outcomes: DocumentOutcome[]): Promise<boolean> {
  await server.restart()
  const stored = await server.storedDigests(outcomes.map((o) => o.room))
  return outcomes.every((o) => o.digest !== null && stored[o.room] === o.digest)
}

function summarizeLatencies(sorted: Float64Array): LatencySummary {
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: percentile(sorted, 100),
    samples: sorted.length,
  }
}

/** The sorted `all` less the sorted `part`, one occurrence each, for the same-instance pairs. */
function withoutSorted(all: Float64Array, part: Float64Array): Float64Array {
  const rest = new Float64Array(all.length - part.length)
  let p = 0
  let r = 0
  for (const value of all) {
    if (p < part.length && part[p] === value) p++
    else rest[r++] = value
  }
  return rest
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0)
}
