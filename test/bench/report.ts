/** The benchmark's outputs: a table for people and `bench/results/latest.json` for tools. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, platform, release, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import type { ColdLoadResult } from './cold-load.ts'
import { repoRoot } from './ipc.ts'
import type { LoadResult } from './load-run.ts'
import type { BenchOptions, ServerKind } from './options.ts'
import { type CallTimes, median } from './stats.ts'

export const resultsPath = join(repoRoot, 'bench/results/latest.json')
export const pageLoadResultsPath = join(repoRoot, 'bench/results/page-load.json')
export const coldLoadTargetMs = 200

export interface BenchReport {
  timestamp: string
  parameters: BenchOptions
  machine: {
    cpuModel: string
    cpuCount: number
    node: string
    os: string
    memoryBytes: number
    /** 1-minute load average when the benchmark started and ended: other work on the machine skews latency. */
    loadAverage: { start: number; end: number }
  }
  /** With more than one round: the median of each measurement over the rounds. */
  load: Partial<Record<ServerKind, LoadResult>>
  /** With more than one round: every round's own results. */
  rounds: Partial<Record<ServerKind, LoadResult[]>>
  coldLoad: Partial<Record<ServerKind, ColdLoadResult>>
  /** Each target of the issue: met, missed, or null when not measured. */
  targets: {
    cpuPerDeliveredAtOrUnderReference: boolean | null
    p99AtOrUnderReference: boolean | null
    coldLoadUnder200ms: boolean | null
  }
  credits: string
  errors: string[]
}

export function buildReport(
  options: BenchOptions,
  loadAverageAtStart: number,
  load: BenchReport['load'],
  rounds: BenchReport['rounds'],
  coldLoad: BenchReport['coldLoad'],
  errors: string[],
): BenchReport {
  const ours = load.ours
  const reference = load.reference
  const compare = ours && reference
  return {
    timestamp: new Date().toISOString(),
    parameters: options,
    machine: {
      cpuModel: cpus()[0]?.model ?? 'unknown',
      cpuCount: cpus().length,
      node: process.version,
      os: `${platform()} ${release()}`,
      memoryBytes: totalmem(),
      loadAverage: { start: loadAverageAtStart, end: loadavg()[0]! },
    },
    load,
    rounds,
    coldLoad,
    targets: {
      cpuPerDeliveredAtOrUnderReference: compare ? ours.cpuMsPer1000Delivered <= reference.cpuMsPer1000Delivered : null,
      p99AtOrUnderReference: compare ? ours.latencyMs.p99 <= reference.latencyMs.p99 : null,
      coldLoadUnder200ms: coldLoad.ours ? coldLoad.ours.medianTotalMs < coldLoadTargetMs : null,
    },
    credits:
      'Editing traces: automerge-paper (Martin Kleppmann, automerge/automerge-perf) and seph-blog1 ' +
      '(Joseph Gentle, josephg/editing-traces); C1 (josephg/egwalker-paper). CC BY 4.0.',
    errors,
  }
}

export function writeReport(report: object, path = resultsPath): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`)
}

const ms = (value: number | undefined): string => (value === undefined || Number.isNaN(value) ? '–' : value.toFixed(1))
const count = (value: number | undefined): string => (value === undefined ? '–' : Math.round(value).toString())
const yesNo = (value: boolean | null | undefined): string => (value === undefined || value === null ? '–' : value ? 'yes' : 'NO')

export function formatReport(report: BenchReport): string {
  const { documents, clientsPerDocument, writersPerDocument, rate, durationMs, rounds } = report.parameters
  const kinds: ServerKind[] = ['reference', 'ours']
  const rows: [string, (kind: ServerKind) => string][] = [
    ['edit-to-visible p50 (ms)', (k) => ms(report.load[k]?.latencyMs.p50)],
    ['edit-to-visible p99 (ms)', (k) => ms(report.load[k]?.latencyMs.p99)],
    ['operations typed / s', (k) => count(report.load[k]?.operationsPerSecond)],
    ['delivered updates / s', (k) => count(report.load[k]?.deliveredPerSecond)],
    ['server CPU ms / 1000 delivered', (k) => ms(report.load[k]?.cpuMsPer1000Delivered)],
    ['server CPU (% of one core)', (k) => ms(cpuPercent(report, k))],
    ['server peak RSS (MB)', (k) => ms(mb(report.load[k]?.peakRssBytes))],
    ['server event-loop delay max (ms)', (k) => ms(report.load[k]?.eventLoopDelayMs.max)],
    ['store append p99 / max (ms)', (k) => storeCall(report.load[k]?.storeCalls?.appendUpdates)],
    ['compactions, max (ms)', (k) => storeCall(report.load[k]?.storeCalls?.compactDocument, true)],
    ['converged', (k) => yesNo(report.load[k]?.converged)],
    ['lost deliveries', (k) => count(report.load[k]?.lostDeliveries)],
    ['client disconnects', (k) => count(report.load[k]?.disconnects)],
    ['store = clients after restart', (k) => yesNo(report.load[k]?.storeMatchesClients)],
    ['1 MB load, connect→synced (ms)', (k) => ms(report.coldLoad[k]?.medianTotalMs)],
    ['  of which server load (ms)', (k) => ms(median(report.coldLoad[k]?.runs.map((r) => r.serverLoadMs) ?? []))],
    ['  document came from', (k) => (report.coldLoad[k] ? (report.coldLoad[k].fromStore ? 'store' : 'memory') : '–')],
  ]
  const width = 32
  const lines = [
    `${documents} documents × ${clientsPerDocument} clients × ${writersPerDocument} writers × ${rate} ops/s, ` +
      `${durationMs / 1000} s measured${rounds > 1 ? `, median of ${rounds} rounds` : ''} — ${report.machine.cpuModel} ×${report.machine.cpuCount}, Node ${report.machine.node}`,
    '',
    `${''.padEnd(width)}${kinds.map((k) => k.padStart(14)).join('')}`,
    ...rows.map(([label, value]) => `${label.padEnd(width)}${kinds.map((k) => value(k).padStart(14)).join('')}`),
    '',
    `target: ours ≤ reference CPU per delivered update   ${yesNo(report.targets.cpuPerDeliveredAtOrUnderReference)}`,
    `target: ours ≤ reference p99 latency                ${yesNo(report.targets.p99AtOrUnderReference)}`,
    `target: 1 MB cold load under ${coldLoadTargetMs} ms                  ${yesNo(report.targets.coldLoadUnder200ms)}`,
    ...busyWarning(report),
    ...report.errors.map((error) => `error: ${error}`),
  ]
  return lines.join('\n')
}

/**
 * Before the run the machine should be nearly idle; during it the benchmark's own processes add about
 * one runnable process. More than that is someone else's work competing for the cores.
 */
function busyWarning(report: BenchReport): string[] {
  const { start, end } = report.machine.loadAverage
  const cores = report.machine.cpuCount
  if (start <= cores / 2 && end <= cores + 1) return []
  return [
    `warning: the machine was busy with other work (load average ${start.toFixed(1)} → ${end.toFixed(1)} on ` +
      `${report.machine.cpuCount} cores); latencies are not comparable, run again when it is idle`,
  ]
}

function storeCall(times: CallTimes | undefined, withCount = false): string {
  if (!times || times.calls === 0) return '–'
  return withCount ? `${times.calls}, ${ms(times.maxMs)}` : `${ms(times.p99Ms)} / ${ms(times.maxMs)}`
}

function cpuPercent(report: BenchReport, kind: ServerKind): number | undefined {
  const load = report.load[kind]
  return load ? (load.serverCpuMs / report.parameters.durationMs) * 100 : undefined
}

function mb(bytes: number | undefined): number | undefined {
  return bytes === undefined ? undefined : bytes / 1024 / 1024
}
