/** The benchmark's outputs: a table for people and `bench/results/latest.json` for tools. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, platform, release, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import type { ColdLoadResult } from './cold-load.ts'
import { repoRoot } from './ipc.ts'
import type { LoadResult } from './load-run.ts'
import type { BenchOptions, ServerKind } from './options.ts'
import { median } from './stats.ts'
import { type TargetCheck, checkTargets } from './targets.ts'
import type { Workload } from './workloads.ts'

export const resultsPath = join(repoRoot, 'bench/results/latest.json')
export const pageLoadResultsPath = join(repoRoot, 'bench/results/page-load.json')

export interface WorkloadReport {
  workload: Workload
  /** With more than one round: the median of each measurement over the rounds. */
  load: Partial<Record<ServerKind, LoadResult>>
  /** With more than one round: every round's own results. */
  rounds: Partial<Record<ServerKind, LoadResult[]>>
}

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
  workloads: WorkloadReport[]
  coldLoad: Partial<Record<ServerKind, ColdLoadResult>>
  /** Every target of docs/BENCHMARK.md that this run measured: met or missed. */
  targets: TargetCheck[]
  credits: string
  errors: string[]
}

export function buildReport(
  options: BenchOptions,
  loadAverageAtStart: number,
  workloads: WorkloadReport[],
  coldLoad: BenchReport['coldLoad'],
  errors: string[],
): BenchReport {
  const report: BenchReport = {
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
    workloads,
    coldLoad,
    targets: [],
    credits:
      'Editing traces: automerge-paper (Martin Kleppmann, automerge/automerge-perf) and seph-blog1 ' +
      '(Joseph Gentle, josephg/editing-traces); S1 and C1 (josephg/egwalker-paper). CC BY 4.0.',
    errors,
  }
  report.targets = checkTargets(report)
  return report
}

export function writeReport(report: object, path = resultsPath): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`)
}

const ms = (value: number | undefined): string => (value === undefined || Number.isNaN(value) ? '–' : value.toFixed(1))
const count = (value: number | undefined): string => (value === undefined ? '–' : Math.round(value).toString())
const yesNo = (value: boolean | null | undefined): string => (value === undefined || value === null ? '–' : value ? 'yes' : 'NO')
const ratio = (ours: number | undefined, other: number | undefined): string =>
  ours === undefined || other === undefined || !(other > 0) ? '–' : `${(ours / other).toFixed(2)}×`

type Row = [label: string, value: (load: LoadResult) => number | undefined, format: (value: number | undefined) => string]

const loadRows: Row[] = [
  ['p50 edit-to-visible (ms)', (l) => l.latencyMs.p50, ms],
  ['p99 edit-to-visible (ms)', (l) => l.latencyMs.p99, ms],
  ['CPU ms / 1000 delivered', (l) => l.cpuMsPer1000Delivered, ms],
  ['CPU ms / 1000 operations', (l) => l.cpuMsPer1000Operations, ms],
  ['delivered / s', (l) => l.deliveredPerSecond, count],
  ['peak RSS (MB)', (l) => mb(l.peakRssBytes), ms],
  ['event-loop delay max (ms)', (l) => l.eventLoopDelayMs.max, ms],
]

/** Servers in the order of the table: ours last, next to the ratios. */
function kindsOf(report: BenchReport): ServerKind[] {
  const order: ServerKind[] = ['reference', 'hocuspocus', 'ours']
  return order.filter((kind) => report.parameters.servers.includes(kind))
}

export function formatReport(report: BenchReport): string {
  const { durationMs, rounds } = report.parameters
  const kinds = kindsOf(report)
  const width = 30
  const column = 12
  const header = `${''.padEnd(width)}${kinds.map((k) => k.padStart(column)).join('')}${'ours/ref'.padStart(column)}${'ours/hocus'.padStart(column)}`
  const lines = [
    `${durationMs / 1000} s measured${rounds > 1 ? `, median of ${rounds} rounds` : ''} — ${report.machine.cpuModel} ×${report.machine.cpuCount}, Node ${report.machine.node}`,
  ]
  for (const { workload, load } of report.workloads) {
    lines.push(
      '',
      `${workload.name}: ${workload.title}`,
      `  ${workload.documents} documents × ${workload.clientsPerDocument} clients × ${workload.writersPerDocument} writers × ${workload.rate} ops/s`,
      header,
    )
    for (const [label, value, format] of loadRows) {
      const values = kinds.map((k) => (load[k] ? value(load[k]) : undefined))
      const of = (kind: ServerKind): number | undefined => (load[kind] ? value(load[kind]) : undefined)
      lines.push(
        `${label.padEnd(width)}${values.map((v) => format(v).padStart(column)).join('')}` +
          `${ratio(of('ours'), of('reference')).padStart(column)}${ratio(of('ours'), of('hocuspocus')).padStart(column)}`,
      )
    }
    const problems = kinds.flatMap((k) => {
      const l = load[k]
      if (!l) return []
      const wrong = [
        l.converged ? '' : 'clients differ',
        l.lostDeliveries === 0 ? '' : `${l.lostDeliveries} deliveries lost`,
        l.disconnects === 0 ? '' : `${l.disconnects} disconnects`,
        l.storeMatchesClients === false ? 'store differs from the clients' : '',
      ].filter(Boolean)
      return wrong.length > 0 ? [`  ${k}: ${wrong.join(', ')}`] : []
    })
    lines.push(...(problems.length > 0 ? problems : ['  converged, nothing lost' + (load.ours ? ', the store matches the clients' : '')]))
  }
  if (Object.keys(report.coldLoad).length > 0) {
    lines.push('', '1.1 MB document (C1), one client connect → synced (ours from the store, the others in memory)')
    lines.push(`${'median (ms)'.padEnd(width)}${kinds.map((k) => ms(report.coldLoad[k]?.medianTotalMs).padStart(column)).join('')}`)
    lines.push(
      `${'  of which server load (ms)'.padEnd(width)}${kinds
        .map((k) => ms(median(report.coldLoad[k]?.runs.map((r) => r.serverLoadMs) ?? [])).padStart(column))
        .join('')}`,
    )
  }
  lines.push('', ...report.targets.map((t) => `target: ${t.target.padEnd(58)} ${t.measured.padEnd(28)} ${yesNo(t.met)}`))
  lines.push(...busyWarning(report), ...report.errors.map((error) => `error: ${error}`))
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
      `${report.machine.cpuCount} cores); compare the servers only within this run`,
  ]
}

export function mb(bytes: number | undefined): number | undefined {
  return bytes === undefined ? undefined : bytes / 1024 / 1024
}
