/**
 * The targets of docs/BENCHMARK.md, checked against one run. Every comparison is between servers of the
 * same run (ratios), never against a number from another day or machine. A target whose measurements are
 * missing from the run is left out.
 */
import { saturationP99Ms } from './capacity.ts'
import { type CapacityResult, capacityMedian } from './capacity-run.ts'
import type { LoadResult } from './load-run.ts'
import type { ServerKind } from './options.ts'
import type { BenchReport } from './report.ts'

export interface TargetCheck {
  target: string
  /** What this run measured, as the table shows it. */
  measured: string
  met: boolean
}

/** CPU per delivered update, ours / reference, on the mixed workload (typing with its deletions). */
export const mixedCpuRatio = 0.6
/** CPU per delivered update, ours / reference, on every other workload. */
export const otherCpuRatio = 1
export const p99Ratio = 0.5
/** CPU per operation typed inside C1 (1.1 MB), over the same in a 10 KB document. */
export const largeOverSmall = 2
export const coldLoadTargetMs = 200
export const idleRssRatio = 1.5
export const perConnectionRatio = 1
export const setUpCpuRatio = 2
/** 50 clients opening the 1.1 MB document at once, all synced: ours / reference (0.21× when first measured). */
export const joinRatio = 0.25

/** Two instances: p99 of edits seen on the other instance over those seen on the writer's own. */
export const crossOverSameP99 = 2
/** Two instances, CPU per delivered update of both together, over one instance on the same PostgreSQL. */
export const twoOverOneCpu = 1.3

const times = (value: number): string => `${value.toFixed(2)}×`

export function checkTargets(report: BenchReport): TargetCheck[] {
  const checks: TargetCheck[] = []
  const loadOf = (workload: string, kind: 'ours' | 'reference'): LoadResult | undefined =>
    report.workloads.find((w) => w.workload.name === workload)?.load[kind]

  for (const { workload, load } of report.workloads) {
    const ours = load.ours
    const reference = load.reference
    if (!ours || !reference) continue
    const limit = workload.name === 'mixed' ? mixedCpuRatio : otherCpuRatio
    const cpu = ours.cpuMsPer1000Delivered / reference.cpuMsPer1000Delivered
    checks.push({
      target: `${workload.name}: CPU per delivered update ≤ ${limit}× reference`,
      measured: times(cpu),
      met: cpu <= limit,
    })
    const p99 = ours.latencyMs.p99 / reference.latencyMs.p99
    checks.push({
      target: `${workload.name}: p99 ≤ ${p99Ratio}× reference`,
      measured: times(p99),
      met: p99 <= p99Ratio,
    })
  }

  for (const { workload, load } of report.workloads) checks.push(...twoInstanceTargets(workload.name, load))

  const small = loadOf('small', 'ours')
  const large = loadOf('large-c1', 'ours')
  if (small && large) {
    const growth = large.cpuMsPer1000Operations / small.cpuMsPer1000Operations
    checks.push({
      target: `typing in C1 (1.1 MB): CPU per operation ≤ ${largeOverSmall}× that in 10 KB`,
      measured: times(growth),
      met: growth <= largeOverSmall,
    })
  }

  const capacity = (kind: 'ours' | 'reference', pick: (r: CapacityResult) => number | undefined) =>
    capacityMedian(report.capacity[kind], pick)
  const capacityTarget = (target: string, limit: number, pick: (r: CapacityResult) => number | undefined): void => {
    const ours = capacity('ours', pick)
    const reference = capacity('reference', pick)
    if (ours === undefined || reference === undefined) return
    if (!(ours > 0 && reference > 0)) {
      // Memory given back between two readings makes a difference negative: noise, not a result.
      checks.push({
        target: `${target} ≤ ${limit}× reference`,
        measured: `unreadable (${ours.toFixed(0)} / ${reference.toFixed(0)})`,
        met: false,
      })
      return
    }
    const r = ours / reference
    checks.push({ target: `${target} ≤ ${limit}× reference`, measured: times(r), met: r <= limit })
  }
  capacityTarget('idle RSS', idleRssRatio, (r) => r.idle?.idle.rssBytes)
  capacityTarget('RSS per idle connection', perConnectionRatio, (r) => r.idle?.perConnection.rssBytes)
  capacityTarget('connection set-up CPU (joining client)', setUpCpuRatio, (r) => r.idle?.connectionCpuMs)
  capacityTarget(
    '50 clients opening the large document, all synced',
    joinRatio,
    (r) => r.join?.find((j) => j.joiners === 50)?.allSyncedMs,
  )
  const oursSaturation = capacity('ours', (r) => r.saturation?.deliveredPerSecondUnderLimit)
  const referenceSaturation = capacity('reference', (r) => r.saturation?.deliveredPerSecondUnderLimit)
  if (oursSaturation !== undefined && referenceSaturation !== undefined) {
    checks.push({
      target: `saturation: more deliveries/s than reference at p99 < ${saturationP99Ms} ms`,
      measured: `${Math.round(oursSaturation)} / ${Math.round(referenceSaturation)}`,
      met: oursSaturation > referenceSaturation,
    })
  }

  const cold = report.coldLoad.ours
  if (cold) {
    checks.push({
      target: `1.1 MB cold load (one client, from the store) < ${coldLoadTargetMs} ms`,
      measured: `${cold.medianTotalMs.toFixed(0)} ms`,
      met: cold.medianTotalMs < coldLoadTargetMs,
    })
  }
  return checks
}

/** The targets of two instances on PostgreSQL and Redis: theirs against one, and against Hocuspocus's pair. */
function twoInstanceTargets(name: string, load: Partial<Record<ServerKind, LoadResult>>): TargetCheck[] {
  const checks: TargetCheck[] = []
  const pair = load['ours-2']
  if (!pair) return checks
  const same = pair.sameInstanceLatencyMs?.p99
  const cross = pair.crossInstanceLatencyMs?.p99
  if (same !== undefined && cross !== undefined) {
    checks.push({
      target: `${name}: two instances, p99 cross ≤ ${crossOverSameP99}× same instance`,
      measured: times(cross / same),
      met: cross / same <= crossOverSameP99,
    })
  }
  const single = load['ours-pg']
  if (single) {
    const cpu = pair.cpuMsPer1000Delivered / single.cpuMsPer1000Delivered
    checks.push({
      target: `${name}: two instances, CPU per delivered ≤ ${twoOverOneCpu}× one`,
      measured: times(cpu),
      met: cpu <= twoOverOneCpu,
    })
  }
  const hocuspocus = load['hocuspocus-2']
  if (hocuspocus) {
    const theirs = hocuspocus.crossInstanceLatencyMs?.p99
    if (cross !== undefined && theirs !== undefined) {
      checks.push({
        target: `${name}: two instances, cross p99 below Hocuspocus + Redis`,
        measured: `${cross.toFixed(1)} / ${theirs.toFixed(1)} ms`,
        met: cross < theirs,
      })
    }
    checks.push({
      target: `${name}: two instances, CPU per delivered below Hocuspocus + Redis`,
      measured: times(pair.cpuMsPer1000Delivered / hocuspocus.cpuMsPer1000Delivered),
      met: pair.cpuMsPer1000Delivered < hocuspocus.cpuMsPer1000Delivered,
    })
  }
  return checks
}
