/** The benchmark's outputs: a table for people and `test/bench/results/latest.json` for tools. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, platform, release, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import type { ColdLoadResult } from './cold-load.ts'
import { type CapacityResult, capacityMedian } from './capacity-run.ts'
import { repoRoot } from './ipc.ts'
import type { LoadResult } from './load-run.ts'
import type { BenchOptions, ServerKind } from './options.ts'
import { median } from './stats.ts'
import { type TargetCheck, checkTargets } from './targets.ts'
import type { Workload } from './workloads.ts'

export const resultsPath = join(repoRoot, 'test/bench/results/latest.json')
export const pageLoadResultsPath = join(repoRoot, 'test/bench/results/page-load.json')
export const searchResultsPath = join(repoRoot, 'test/bench/results/search.json')

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
  /** Per server, each round's capacity measurements (`capacity.ts`); the table shows their medians. */
  capacity: Partial<Record<ServerKind, CapacityResult[]>>
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
  capacity: BenchReport['capacity'],
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
    capacity,
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
const yesNo = (value: boolean | null | undefined): string =>
  value === undefined || value === null ? '–' : value ? 'yes' : 'NO'
const ratio = (ours: number | undefined, other: number | undefined): string =>
  ours === undefined || other === undefined || !(other > 0) ? '–' : `${(ours / other).toFixed(2)}×`

type Row = [
  label: string,
  value: (load: LoadResult) => number | undefined,
  format: (value: number | undefined) => string,
]

const loadRows: Row[] = [
  ['p50 edit-to-visible (ms)', (l) => l.latencyMs.p50, ms],
  ['p99 edit-to-visible (ms)', (l) => l.latencyMs.p99, ms],
  ['CPU ms / 1000 delivered', (l) => l.cpuMsPer1000Delivered, ms],
  ['CPU ms / 1000 operations', (l) => l.cpuMsPer1000Operations, ms],
  ['delivered / s', (l) => l.deliveredPerSecond, count],
  ['peak RSS (MB)', (l) => mb(l.peakRssBytes), ms],
  ['event-loop delay max (ms)', (l) => l.eventLoopDelayMs.max, ms],
]

const twoInstanceRows: Row[] = [
  ['p99 same instance (ms)', (l) => l.sameInstanceLatencyMs?.p99, ms],
  ['p99 cross instance (ms)', (l) => l.crossInstanceLatencyMs?.p99, ms],
]

/** Servers in the order of the table: ours last, next to the ratios. */
function kindsOf(report: BenchReport): ServerKind[] {
  const order: ServerKind[] = ['reference', 'hocuspocus', 'ours']
  return order.filter((kind) => report.parameters.servers.includes(kind))
}

/** The servers on PostgreSQL and Redis, in the order of their table. */
function clusterKindsOf(report: BenchReport): ServerKind[] {
  const order: ServerKind[] = ['hocuspocus-2', 'ours-pg', 'ours-2']
  return order.filter((kind) => report.parameters.servers.includes(kind))
}

/** One table of a workload: a column per server, then each ratio's column. */
interface TableShape {
  kinds: ServerKind[]
  rows: Row[]
  ratios: [label: string, over: ServerKind, under: ServerKind][]
}

const width = 34
const column = 12

function formatTable(load: WorkloadReport['load'], { kinds, rows, ratios }: TableShape): string[] {
  const header =
    ''.padEnd(width) +
    kinds.map((k) => k.padStart(column)).join('') +
    ratios.map(([label]) => label.padStart(column)).join('')
  const lines = [header]
  for (const [label, value, format] of rows) {
    const of = (kind: ServerKind): number | undefined => (load[kind] ? value(load[kind]) : undefined)
    lines.push(
      label.padEnd(width) +
        kinds.map((k) => format(of(k)).padStart(column)).join('') +
        ratios.map(([, over, under]) => ratio(of(over), of(under)).padStart(column)).join(''),
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
  const ours = kinds.some((k) => load[k]?.storeMatchesClients === true)
  lines.push(
    ...(problems.length > 0
      ? problems
      : ['  converged, nothing lost' + (ours ? ', the store matches the clients' : '')]),
  )
  return lines
}

export function formatReport(report: BenchReport): string {
  const { durationMs, rounds } = report.parameters
  const kinds = kindsOf(report)
  const cluster = clusterKindsOf(report)
  const lines = [
    `${durationMs / 1000} s measured${rounds > 1 ? `, median of ${rounds} rounds` : ''} — ${report.machine.cpuModel} ×${report.machine.cpuCount}, Node ${report.machine.node}`,
  ]
  for (const { workload, load } of report.workloads) {
    lines.push(
      '',
      `${workload.name}: ${workload.title}`,
      `  ${workload.documents} documents × ${workload.clientsPerDocument} clients × ${workload.writersPerDocument} writers × ${workload.rate} ops/s`,
    )
    if (kinds.length > 0) {
      lines.push(
        ...formatTable(load, {
          kinds,
          rows: loadRows,
          ratios: [
            ['ours/ref', 'ours', 'reference'],
            ['ours/hocus', 'ours', 'hocuspocus'],
          ],
        }),
      )
    }
    if (cluster.length > 0) {
      lines.push(
        '  on PostgreSQL and Redis; -2: two instances, half the clients of each document on each',
        ...formatTable(load, {
          kinds: cluster,
          rows: [...loadRows.slice(0, 2), ...twoInstanceRows, ...loadRows.slice(2)],
          ratios: [
            ['ours-2/pg', 'ours-2', 'ours-pg'],
            ['ours/hocus', 'ours-2', 'hocuspocus-2'],
          ],
        }),
      )
    }
  }
  lines.push(...formatCapacity(report, kinds, width, column))
  if (Object.keys(report.coldLoad).length > 0) {
    lines.push('', '1.1 MB document (C1), one client connect → synced (ours from the store, the others in memory)')
    lines.push(
      `${'median (ms)'.padEnd(width)}${kinds.map((k) => ms(report.coldLoad[k]?.medianTotalMs).padStart(column)).join('')}`,
    )
    lines.push(
      `${'  of which server load (ms)'.padEnd(width)}${kinds
        .map((k) => ms(median(report.coldLoad[k]?.runs.map((r) => r.serverLoadMs) ?? [])).padStart(column))
        .join('')}`,
    )
  }
  lines.push(
    '',
    ...report.targets.map((t) => `target: ${t.target.padEnd(58)} ${t.measured.padEnd(28)} ${yesNo(t.met)}`),
  )
  lines.push(...busyWarning(report), ...report.errors.map((error) => `error: ${error}`))
  return lines.join('\n')
}

type CapacityRow = [
  label: string,
  pick: (r: CapacityResult) => number | undefined,
  format: (value: number | undefined) => string,
]

function formatCapacity(report: BenchReport, kinds: ServerKind[], width: number, column: number): string[] {
  const kb = (bytes: number | undefined): string => (bytes === undefined ? '–' : (bytes / 1024).toFixed(1))
  const mbs = (bytes: number | undefined): string => ms(mb(bytes))
  const rows: CapacityRow[] = [
    ['idle RSS (MB)', (r) => r.idle?.idle.rssBytes, mbs],
    ['idle heap (MB)', (r) => r.idle?.idle.heapUsedBytes, mbs],
    ['per idle document, RSS (KB)', (r) => r.idle?.perDocument.rssBytes, kb],
    ['per idle document, heap (KB)', (r) => r.idle?.perDocument.heapUsedBytes, kb],
    ['per idle connection, RSS (KB)', (r) => r.idle?.perConnection.rssBytes, kb],
    ['per idle connection, heap (KB)', (r) => r.idle?.perConnection.heapUsedBytes, kb],
    ['set-up CPU, opening client (ms)', (r) => r.idle?.firstConnectionCpuMs, ms],
    ['set-up CPU, joining client (ms)', (r) => r.idle?.connectionCpuMs, ms],
  ]
  for (const joiners of report.parameters.joiners) {
    const of = (r: CapacityResult) => r.join?.find((j) => j.joiners === joiners)
    rows.push(
      [`${joiners} join ${report.parameters.joinDocument}: all synced (ms)`, (r) => of(r)?.allSyncedMs, count],
      [`${joiners} join: median synced (ms)`, (r) => of(r)?.medianSyncedMs, count],
      [`${joiners} join: server CPU (ms)`, (r) => of(r)?.serverCpuMs, count],
      [`${joiners} join: peak RSS (MB)`, (r) => of(r)?.peakRssBytes, mbs],
      [`${joiners} join: clients complete`, (r) => of(r)?.complete, count],
    )
  }
  rows.push(
    [`carets of ${report.parameters.caretClients}: CPU (% core)`, (r) => r.carets?.cpuPercent, ms],
    ['carets: CPU ms / 1000 heard', (r) => r.carets?.cpuMsPer1000Heard, ms],
    ['carets heard / s', (r) => r.carets?.heardPerSecond, count],
    ['delivered/s at p99 < 100 ms', (r) => r.saturation?.deliveredPerSecondUnderLimit, count],
  )
  const lines: string[] = []
  for (const [label, pick, format] of rows) {
    const of = (kind: ServerKind): number | undefined => capacityMedian(report.capacity[kind], pick)
    if (kinds.every((k) => of(k) === undefined)) continue
    lines.push(
      `${label.padEnd(width)}${kinds.map((k) => format(of(k)).padStart(column)).join('')}` +
        `${ratio(of('ours'), of('reference')).padStart(column)}${ratio(of('ours'), of('hocuspocus')).padStart(column)}`,
    )
  }
  if (lines.length === 0) return []
  return ['', 'capacity (fresh server for each; ours from the store where it has one)', ...lines]
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
