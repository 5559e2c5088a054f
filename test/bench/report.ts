/** The benchmark's outputs: a table for people and `bench/results/latest.json` for tools. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, platform, release, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import type { ColdLoadResult } from './cold-load.ts'
import { repoRoot } from './ipc.ts'
import type { LoadResult } from './load-run.ts'
import type { BenchOptions, ServerKind } from './options.ts'
import { median } from './stats.ts'

export const resultsPath = join(repoRoot, 'bench/results/latest.json')
export const coldLoadTargetMs = 200

export interface BenchReport {
  timestamp: string
  parameters: BenchOptions
  machine: { cpuModel: string; cpuCount: number; node: string; os: string; memoryBytes: number }
  load: Partial<Record<ServerKind, LoadResult>>
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
  load: BenchReport['load'],
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
    },
    load,
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

export function writeReport(report: BenchReport, path = resultsPath): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`)
}

const ms = (value: number | undefined): string => (value === undefined || Number.isNaN(value) ? '–' : value.toFixed(1))
const count = (value: number | undefined): string => (value === undefined ? '–' : Math.round(value).toString())
const yesNo = (value: boolean | null | undefined): string => (value === undefined || value === null ? '–' : value ? 'yes' : 'NO')

export function formatReport(report: BenchReport): string {
  const { documents, clientsPerDocument, writersPerDocument, rate, durationMs } = report.parameters
  const kinds: ServerKind[] = ['reference', 'ours']
  const rows: [string, (kind: ServerKind) => string][] = [
    ['edit-to-visible p50 (ms)', (k) => ms(report.load[k]?.latencyMs.p50)],
    ['edit-to-visible p99 (ms)', (k) => ms(report.load[k]?.latencyMs.p99)],
    ['operations typed / s', (k) => count(report.load[k]?.operationsPerSecond)],
    ['delivered updates / s', (k) => count(report.load[k]?.deliveredPerSecond)],
    ['server CPU ms / 1000 delivered', (k) => ms(report.load[k]?.cpuMsPer1000Delivered)],
    ['server CPU (% of one core)', (k) => ms(cpuPercent(report, k))],
    ['server peak RSS (MB)', (k) => ms(mb(report.load[k]?.peakRssBytes))],
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
      `${durationMs / 1000} s measured — ${report.machine.cpuModel} ×${report.machine.cpuCount}, Node ${report.machine.node}`,
    '',
    `${''.padEnd(width)}${kinds.map((k) => k.padStart(12)).join('')}`,
    ...rows.map(([label, value]) => `${label.padEnd(width)}${kinds.map((k) => value(k).padStart(12)).join('')}`),
    '',
    `target: ours ≤ reference CPU per delivered update   ${yesNo(report.targets.cpuPerDeliveredAtOrUnderReference)}`,
    `target: ours ≤ reference p99 latency                ${yesNo(report.targets.p99AtOrUnderReference)}`,
    `target: 1 MB cold load under ${coldLoadTargetMs} ms                  ${yesNo(report.targets.coldLoadUnder200ms)}`,
    ...report.errors.map((error) => `error: ${error}`),
  ]
  return lines.join('\n')
}

function cpuPercent(report: BenchReport, kind: ServerKind): number | undefined {
  const load = report.load[kind]
  return load ? (load.serverCpuMs / report.parameters.durationMs) * 100 : undefined
}

function mb(bytes: number | undefined): number | undefined {
  return bytes === undefined ? undefined : bytes / 1024 / 1024
}
