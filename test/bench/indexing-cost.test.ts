/**
 * The indexing comparison's machinery at a tiny size (SEARCH-11): our server with search indexing on
 * and off under the same typing from the traces, each round sound, and the indexer writing entries only
 * when on. No timings are asserted; the numbers are `npm run bench -- --indexing 1`'s business.
 */
import { describe, expect, it } from 'vitest'
import { measureIndexingCost, indexingRoundsSound } from './indexing-cost.ts'
import { workloadNamed } from './workloads.ts'

describe('the edit path with indexing on and off, tiny', () => {
  it('[SEARCH-11] types the same load against both, interleaved, and compares them', { timeout: 180_000 }, async () => {
    const workload = { ...workloadNamed('mixed'), documents: 1, clientsPerDocument: 3, writersPerDocument: 2 }
    const result = await measureIndexingCost(workload, 2, {
      warmupMs: 300,
      durationMs: 1_500,
      drainMs: 15_000,
      clientProcesses: 1,
      cpuProfileDir: null,
    })
    expect(result.rounds.map((round) => round.indexing)).toEqual([true, false, false, true])
    expect(indexingRoundsSound(result)).toBe(true)
    // The demo school's plans at start, and the typed document once its writes are announced.
    for (const round of result.rounds) {
      if (round.indexing) expect(round.searchEntriesWritten).toBeGreaterThan(0)
      else expect(round.searchEntriesWritten).toBe(0)
    }
    expect(result.cpuPerDeliveredRatio).toBeGreaterThan(0)
    expect(result.p99Ratio).toBeGreaterThan(0)
  })
})
