/**
 * The soak (docs/BENCHMARK.md): hundreds of connections typing on loopback for minutes, the server's
 * memory sampled throughout, and at the end a restart and a check that every update the server
 * acknowledged as stored is in the document it loads. Not part of `npm test`: it takes minutes.
 */
import { startOurServer } from './bench-servers.ts'
import { ChildHandle } from './ipc.ts'
import type { SoakClientOutcome } from './soak-clients.ts'

export interface SoakOptions {
  connections: number
  /** Connections per document. */
  perDocument: number
  /** Operations per second of each connection. */
  rate: number
  durationMs: number
  /** How often the server's memory is sampled. */
  sampleMs: number
  clientProcesses: number
}

export interface MemorySample {
  atMs: number
  rssBytes: number
  heapUsedBytes: number
}

export interface SoakReport {
  options: SoakOptions
  samples: MemorySample[]
  /** Means of the first and last quarter of the samples. */
  firstQuartile: { rssBytes: number; heapUsedBytes: number }
  lastQuartile: { rssBytes: number; heapUsedBytes: number }
  typed: number
  acknowledged: number
  /** Acknowledged characters missing from the documents loaded after a restart. */
  lostAcknowledged: number
  disconnects: number
  /** Server event-loop delay over the whole soak. */
  serverLoopDelayMs: { p99: number; max: number }
}

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const server = await startOurServer()
  const children = Array.from({ length: options.clientProcesses }, (_, i) =>
    ChildHandle.start(`soak clients ${i}`, './soak-clients.ts'),
  )
  try {
    const documents = await server.createDocuments(Math.ceil(options.connections / options.perDocument), 0)
    const assignments: { room: string; token: string }[][] = children.map(() => [])
    for (let c = 0; c < options.connections; c++) {
      const room = documents[Math.floor(c / options.perDocument)]!.room
      // Every document's connections in one process, as in the typing benchmark.
      assignments[Math.floor(c / options.perDocument) % children.length]!.push({
        room,
        token: await server.wsToken(soakUsers[c % soakUsers.length]!),
      })
    }
    console.error(`soak: connecting ${options.connections} clients…`)
    await Promise.all(
      children.map((child, i) =>
        child.request('connect', { serverUrl: server.serverUrl, clients: assignments[i] }, 180_000),
      ),
    )
    console.error(`soak: typing for ${options.durationMs / 1000} s…`)
    await server.usage(true)
    const started = Date.now()
    const samples: MemorySample[] = []
    const typing = Promise.all(
      children.map((child) =>
        child.request('type', { rate: options.rate, durationMs: options.durationMs }, options.durationMs + 60_000),
      ),
    )
    let done = false
    void typing.finally(() => {
      done = true
    })
    while (!done) {
      const usage = await server.usage()
      samples.push({ atMs: Date.now() - started, rssBytes: usage.rssBytes, heapUsedBytes: usage.heapUsedBytes })
      await Promise.race([typing, new Promise((resolve) => setTimeout(resolve, options.sampleMs))])
    }
    await typing
    const loop = (await server.usage()).eventLoopDelayMs
    const outcomes = (
      await Promise.all(
        children.map((child) => child.request<SoakClientOutcome[]>('finish', { drainMs: 60_000 }, 120_000)),
      )
    ).flat()
    console.error('soak: restarting the server and checking what it stored…')
    await server.restart()
    const stored = await server.child.request<Record<string, Record<number, number>>>('storedStateVectors', {
      ids: documents.map((d) => d.room),
    })
    let lost = 0
    for (const outcome of outcomes) lost += Math.max(0, outcome.acked - (stored[outcome.room]?.[outcome.clientId] ?? 0))
    return {
      options,
      samples,
      firstQuartile: quartileMean(samples, 0),
      lastQuartile: quartileMean(samples, 3),
      typed: outcomes.reduce((n, o) => n + o.typed, 0),
      acknowledged: outcomes.reduce((n, o) => n + o.acked, 0),
      lostAcknowledged: lost,
      disconnects: outcomes.reduce((n, o) => n + o.disconnects, 0),
      serverLoopDelayMs: loop,
    }
  } finally {
    await Promise.all(children.map((child) => child.stop()))
    await server.close()
  }
}

/** Members of the demo 备课组; the benchmark's server lifts the per-user limits they would share. */
const soakUsers = ['teacher1', 'teacher2', 'teacher3', 'leader']

function quartileMean(samples: readonly MemorySample[], quartile: number): { rssBytes: number; heapUsedBytes: number } {
  const size = Math.max(1, Math.floor(samples.length / 4))
  const part = samples.slice(quartile * size, quartile === 3 ? samples.length : (quartile + 1) * size)
  const mean = (pick: (s: MemorySample) => number) => part.reduce((n, s) => n + pick(s), 0) / Math.max(1, part.length)
  return { rssBytes: mean((s) => s.rssBytes), heapUsedBytes: mean((s) => s.heapUsedBytes) }
}

export function formatSoak(report: SoakReport): string {
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
  const { firstQuartile: first, lastQuartile: last } = report
  return [
    `Soak: ${report.options.connections} connections at ${report.options.rate} ops/s for ${report.options.durationMs / 1000} s, ${report.options.perDocument} per document`,
    `  server RSS   first quarter ${mb(first.rssBytes)}, last quarter ${mb(last.rssBytes)} (×${(last.rssBytes / first.rssBytes).toFixed(2)})`,
    `  server heap  first quarter ${mb(first.heapUsedBytes)}, last quarter ${mb(last.heapUsedBytes)} (×${(last.heapUsedBytes / first.heapUsedBytes).toFixed(2)})`,
    `  typed ${report.typed}, acknowledged ${report.acknowledged}, acknowledged but not stored after a restart: ${report.lostAcknowledged}`,
    `  disconnects ${report.disconnects}; server event-loop delay p99 ${report.serverLoopDelayMs.p99.toFixed(1)} ms, max ${report.serverLoopDelayMs.max.toFixed(1)} ms`,
  ].join('\n')
}
