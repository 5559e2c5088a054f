/**
 * The search benchmark's code path at a tiny size (SEARCH-1, SEARCH-2): it runs, and both backends find
 * exactly as many entries for every query, and the same first page when it holds them all. Correctness
 * only, never timings.
 */
import { describe, expect, it } from 'vitest'
import { measureSearch } from './search-bench.ts'

describe('search benchmark', () => {
  it('[SEARCH-2] indexes a small corpus and finds the same on every backend', { timeout: 120_000 }, async () => {
    const results = await measureSearch({ documents: 32, paragraphs: 6, runs: 1 })
    expect(results[0]!.backend).toBe('sqlite')
    expect(results[0]!.queries.find((query) => query.q === '方程')!.total).toBe(4)
    expect(results[0]!.indexBytesPerDocument).toBeGreaterThan(0)
    for (const other of results.slice(1)) {
      // Each backend's corpus has its own ids and creation times, which break ties of rank: a first page
      // holding every match is the same set on both (the order of ties is the contract suite's).
      const pages = (result: (typeof results)[number]) =>
        result.queries.map((query) => [query.q, query.total, query.total <= 20 ? [...query.firstPage].sort() : null])
      expect(pages(other)).toEqual(pages(results[0]!))
    }
  })
})
