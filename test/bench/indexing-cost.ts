/**
 * What keeping search current costs the edit path (SEARCH-8, SEARCH-11): the same typing workload, from
 * the real traces, against our server with search indexing on and with it off, in interleaved rounds
 * (the order turns each round), each on a fresh server. It reports CPU per delivered update and the
 * edit-to-visible p99 of both and their ratio on/off; the product rule is that both stay unchanged.
 * `npm run bench -- --load 0 --page-load 0 --flood 0 --indexing 1`; docs/BENCHMARK.md.
 */
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { startOurServer } from './bench-servers.ts'
import { repoRoot } from './ipc.ts'
import { type LoadResult, type LoadTiming, runLoad } from './load-run.ts'
import { combineRounds } from './rounds.ts'
import type { Workload } from './workloads.ts'

export const indexingResultsPath = join(repoRoot, 'test/bench/results/indexing.json')

/** One round with indexing on or off: the load run, and how many search entries the indexer wrote. */
export interface IndexingRound {
  indexing: boolean
  load: LoadResult
  /** Entries written from the server's start to the end of the run, its restart included; 0 when off. */
  searchEntriesWritten: number
}

export interface IndexingCostResult {
  workload: string
  rounds: IndexingRound[]
  /** Medians over the rounds of each setting. */
  on: LoadResult
  off: LoadResult
  /** On / off: above 1 means indexing costs the edit path that much more. */
  cpuPerDeliveredRatio: number
  p99Ratio: number
  /** 1-minute load average at start and end: a busy machine makes every number noisier. */
  loadAverage: { start: number; end: number }
}

export async function measureIndexingCost(
  workload: Workload,
  rounds: number,
  timing: LoadTiming,
): Promise<IndexingCostResult> {
  const start = loadavg()[0]!
  const results: IndexingRound[] = []
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? [true, false] : [false, true]
    for (const indexing of order) {
      console.error(
        `indexing cost, round ${round + 1}/${rounds}, ${workload.name}: indexing ${indexing ? 'on' : 'off'}…`,
      )
      const server = await startOurServer({ kind: 'ours', instances: 1, searchIndexing: indexing })
      try {
        const load = await runLoad(server, workload, timing)
        results.push({ indexing, load, searchEntriesWritten: await server.searchEntriesWritten() })
      } finally {
        await server.close()
      }
    }
  }
  const on = combineRounds(results.filter((r) => r.indexing).map((r) => r.load))
  const off = combineRounds(results.filter((r) => !r.indexing).map((r) => r.load))
  return {
    workload: workload.name,
    rounds: results,
    on,
    off,
    cpuPerDeliveredRatio: on.cpuMsPer1000Delivered / off.cpuMsPer1000Delivered,
    p99Ratio: on.latencyMs.p99 / off.latencyMs.p99,
    loadAverage: { start, end: loadavg()[0]! },
  }
}

/** Whether every round converged, lost nothing, and stored what the clients saw. */
export function indexingRoundsSound(result: IndexingCostResult): boolean {
  return result.rounds.every(
    ({ load }) => load.converged && load.lostDeliveries === 0 && load.storeMatchesClients === true,
  )
}

export function formatIndexingCost(result: IndexingCostResult): string {
  const row = (label: string, load: LoadResult, entries: string) =>
    `| ${label} | ${load.cpuMsPer1000Delivered.toFixed(1)} | ${load.latencyMs.p50.toFixed(1)} | ` +
    `${load.latencyMs.p99.toFixed(1)} | ${load.eventLoopDelayMs.p99.toFixed(1)} | ${load.deliveredPerSecond.toFixed(0)} | ${entries} |`
  const entries = (indexing: boolean) =>
    result.rounds
      .filter((r) => r.indexing === indexing)
      .map((r) => r.searchEntriesWritten)
      .join(', ')
  const perRound = result.rounds.map(
    (r, i) =>
      `| ${Math.floor(i / 2) + 1} | ${r.indexing ? 'on' : 'off'} | ${r.load.cpuMsPer1000Delivered.toFixed(1)} | ` +
      `${r.load.latencyMs.p99.toFixed(1)} |`,
  )
  return [
    `## Edit path with search indexing on and off (SEARCH-11): ${result.workload}, ${result.rounds.length / 2} round(s)`,
    '',
    '| indexing | CPU ms / 1000 delivered | p50 ms | p99 ms | event-loop delay p99 ms | delivered/s | entries indexed per run |',
    '|---|---|---|---|---|---|---|',
    row('on', result.on, entries(true)),
    row('off', result.off, entries(false)),
    '',
    `on / off: CPU per delivered update ×${result.cpuPerDeliveredRatio.toFixed(2)}, p99 ×${result.p99Ratio.toFixed(2)} ` +
      `(load average ${result.loadAverage.start.toFixed(1)} → ${result.loadAverage.end.toFixed(1)})`,
    '',
    '| round | indexing | CPU ms / 1000 delivered | p99 ms |',
    '|---|---|---|---|',
    ...perRound,
  ].join('\n')
}
