/**
 * The flood scenario (docs/BOUNDS.md, BOUNDS-9): editors type into one document at a normal rate, first
 * alone, then while another editor of the same document floods it with one-character updates as fast
 * as the server lets it. Reports the typists' edit-to-visible latency in both phases of one run, and
 * their ratio: what one editor's flood costs the others.
 */
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { startOurServer } from './bench-servers.ts'
import type { FloodOutcome } from './flooder.ts'
import { ChildHandle } from './ipc.ts'
import { percentile } from './stats.ts'
import type { LargeDocument } from './workloads.ts'

export interface FloodOptions {
  typists: number
  /** Operations per second of each typist. */
  rate: number
  /** Length of each phase, quiet and flooded. */
  phaseMs: number
  /** The document typed into: empty, or a large trace document. */
  document: LargeDocument | null
  /** Write a CPU profile of the server over the flooded phase into this folder. */
  cpuProfileDir: string | null
}

export interface PhaseLatency {
  samples: number
  p50Ms: number
  p99Ms: number
  maxMs: number
}

export interface FloodReport {
  options: FloodOptions
  quiet: PhaseLatency
  flooded: PhaseLatency
  /** Flooded over quiet. */
  ratio: { p50: number; p99: number }
  flood: FloodOutcome & { stored: number }
  /** Every typist sees every typist's characters in the end, and the server stored them. */
  typistsIntact: boolean
  /** The server's event-loop delay during the flood. */
  serverLoopDelayMs: { p99: number; max: number }
}

interface Typist {
  doc: Y.Doc
  provider: WebsocketProvider
  sentAt: number[]
}

const demoTypists = ['teacher1', 'teacher2', 'teacher3', 'leader']

export async function runFlood(options: FloodOptions): Promise<FloodReport> {
  const server = await startOurServer()
  const flooder = ChildHandle.start('flooder', './flooder.ts')
  const typists: Typist[] = []
  try {
    const [document] = await server.createDocuments(1, 1, options.document)
    const room = document!.room
    for (let i = 0; i < options.typists; i++) {
      const doc = new Y.Doc()
      const provider = new WebsocketProvider(server.serverUrl, room, doc, {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        params: { token: await server.wsToken(demoTypists[i % demoTypists.length]!) },
        disableBc: true,
      })
      typists.push({ doc, provider, sentAt: [] })
    }
    await waitUntil(() => typists.every((t) => t.provider.synced), 30_000, 'the typists sync')
    const arrivals: Arrival[] = []
    observeLatencies(typists, arrivals)

    const quietStart = performance.now()
    await typePhase(typists, options)
    await flooder.request('start', {
      serverUrl: server.serverUrl,
      room,
      params: { token: await server.wsToken('teacher1') },
    })
    const floodStart = performance.now()
    await server.usage(true)
    if (options.cpuProfileDir) await server.child.request('profileStart')
    await typePhase(typists, options)
    const loop = (await server.usage()).eventLoopDelayMs
    if (options.cpuProfileDir) {
      mkdirSync(options.cpuProfileDir, { recursive: true })
      await server.child.request('profileStop', {
        path: resolve(options.cpuProfileDir, 'flood-ours-server.cpuprofile'),
      })
    }
    const flood = await flooder.request<FloodOutcome>('stop')

    // Late characters count in the phase they were typed in, however late they arrive.
    const expected = typists.map((t) => t.sentAt.length)
    const seenByAll = (): boolean =>
      typists.every((t) => expected.every((n, i) => t.doc.getText(`typist-${i}`).length === n))
    const seen = await waitUntil(seenByAll, 60_000, 'every typed character arrives').then(
      () => true,
      () => false,
    )
    const quiet = arrivals.filter((a) => a.sentAt >= quietStart && a.sentAt < floodStart).map((a) => a.latency)
    const flooded = arrivals.filter((a) => a.sentAt >= floodStart).map((a) => a.latency)
    const stored = await storedLengths(server, room, options.typists)
    return {
      options,
      quiet: summary(quiet),
      flooded: summary(flooded),
      ratio: {
        p50: percentileOf(flooded, 50) / percentileOf(quiet, 50),
        p99: percentileOf(flooded, 99) / percentileOf(quiet, 99),
      },
      flood: { ...flood, stored: stored.flood },
      typistsIntact: seen && stored.typists.every((n, i) => n === expected[i]),
      serverLoopDelayMs: loop,
    }
  } finally {
    for (const typist of typists) {
      typist.provider.destroy()
      // The provider's awareness renews itself on an interval until its document is destroyed, and
      // kept the benchmark from exiting once the flood was over.
      typist.doc.destroy()
    }
    await flooder.stop()
    await server.close()
  }
}

interface Arrival {
  sentAt: number
  latency: number
}

/** Every typist writes into a text of its own; the others time each character's arrival. */
function observeLatencies(typists: Typist[], arrivals: Arrival[]): void {
  for (const [i, writer] of typists.entries()) {
    for (const reader of typists) {
      if (reader === writer) continue
      const text = reader.doc.getText(`typist-${i}`)
      let seen = 0
      text.observe(() => {
        const now = performance.now()
        for (; seen < text.length; seen++) {
          const sent = writer.sentAt[seen]
          if (sent !== undefined) arrivals.push({ sentAt: sent, latency: now - sent })
        }
      })
    }
  }
}

/** Types for one phase. */
async function typePhase(typists: Typist[], options: FloodOptions): Promise<void> {
  const interval = 1000 / options.rate
  const end = performance.now() + options.phaseMs
  // Spread over the interval, as people do not type in step.
  const timers = typists.map(
    (typist, i) =>
      new Promise<void>((resolve) => {
        const text = typist.doc.getText(`typist-${i}`)
        const tick = (): void => {
          if (performance.now() >= end) return resolve()
          typist.sentAt.push(performance.now())
          text.insert(text.length, '字')
          setTimeout(tick, interval)
        }
        setTimeout(tick, (interval * i) / typists.length)
      }),
  )
  await Promise.all(timers)
}

async function storedLengths(
  server: Awaited<ReturnType<typeof startOurServer>>,
  room: string,
  typists: number,
): Promise<{ typists: number[]; flood: number }> {
  const names = [...Array.from({ length: typists }, (_, i) => `typist-${i}`), 'flood']
  const lengths = await server.child.request<number[]>('storedTextLengths', { id: room, names })
  return { typists: lengths.slice(0, typists), flood: lengths[typists]! }
}

function percentileOf(values: number[], p: number): number {
  return percentile(Float64Array.from(values).sort(), p)
}

function summary(values: number[]): PhaseLatency {
  const sorted = Float64Array.from(values).sort()
  return {
    samples: sorted.length,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: percentile(sorted, 100),
  }
}

async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

export function formatFlood(report: FloodReport): string {
  const row = (name: string, phase: PhaseLatency) =>
    `  ${name.padEnd(10)} ${phase.p50Ms.toFixed(1).padStart(8)} ${phase.p99Ms.toFixed(1).padStart(8)} ${phase.maxMs.toFixed(1).padStart(8)} ${String(phase.samples).padStart(8)}`
  const closes =
    Object.entries(report.flood.closes)
      .map(([code, n]) => `${code}×${n}`)
      .join(', ') || 'none'
  return [
    `Flood: ${report.options.typists} editors at ${report.options.rate} ops/s in ${report.options.document ?? 'an empty'} document, ${report.options.phaseMs / 1000} s quiet then ${report.options.phaseMs / 1000} s beside a flooding editor`,
    `  ${'phase'.padEnd(10)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'samples'.padStart(8)}`,
    row('quiet', report.quiet),
    row('flooded', report.flooded),
    `  ratio flooded/quiet: p50 ×${report.ratio.p50.toFixed(2)}, p99 ×${report.ratio.p99.toFixed(2)}`,
    `  flooder: ${report.flood.typed} characters typed, ${report.flood.stored} stored, closed ${closes}`,
    `  server event-loop delay during the flood: p99 ${report.serverLoopDelayMs.p99.toFixed(1)} ms, max ${report.serverLoopDelayMs.max.toFixed(1)} ms`,
    `  typists' characters all seen and stored: ${report.typistsIntact ? 'yes' : 'NO'}`,
  ].join('\n')
}
