import { describe, expect, it } from 'vitest'
import {
  isDueForIndexing,
  maxReindexGapMs,
  nextIndexingAt,
  reindexGapMs,
} from '../../../server/search/reindex-schedule.ts'

describe('when a document may be read for the index again', () => {
  it('[SEARCH-9] waits a gap that grows with the stored size, at most a minute', () => {
    expect(reindexGapMs(0)).toBe(0)
    expect(reindexGapMs(20_000)).toBe(1000)
    expect(reindexGapMs(40_000)).toBe(2000)
    expect(reindexGapMs(1_100_000)).toBe(55_000)
    expect(reindexGapMs(50_000_000)).toBe(maxReindexGapMs)
  })

  it('[SEARCH-9] indexes a document never read, or read longer ago than its gap, at once', () => {
    const now = 1_000_000
    expect(nextIndexingAt(undefined, now)).toBe(now)
    expect(isDueForIndexing(undefined, now)).toBe(true)
    const quiet = { at: now - 10 * 60_000, bytes: 1_100_000 }
    expect(nextIndexingAt(quiet, now)).toBe(now)
    expect(isDueForIndexing(quiet, now)).toBe(true)
  })

  it('[SEARCH-9] keeps a large document being typed into from being read every sweep', () => {
    const read = { at: 1_000_000, bytes: 1_100_000 }
    expect(isDueForIndexing(read, read.at + 5000)).toBe(false)
    expect(isDueForIndexing(read, read.at + 30_000)).toBe(false)
    expect(nextIndexingAt(read, read.at + 5000)).toBe(read.at + 55_000)
    expect(isDueForIndexing(read, read.at + 55_000)).toBe(true)
  })

  it('[SEARCH-9] lets an ordinary plan be found within seconds of each change', () => {
    const read = { at: 1_000_000, bytes: 30_000 }
    expect(nextIndexingAt(read, read.at)).toBe(read.at + 1500)
    expect(isDueForIndexing(read, read.at + 5000)).toBe(true)
  })
})
