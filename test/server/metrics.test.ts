import { describe, expect, it } from 'vitest'
import { createMetrics } from '../../server/metrics.ts'

function sample(text: string, name: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `))
  if (line === undefined) throw new Error(`no sample ${name}`)
  return Number(line.slice(name.length + 1))
}

describe('collaboration metrics', () => {
  it('counts stored updates and their write times once each, however often they are scraped', async () => {
    const metrics = createMetrics(() => 2)
    metrics.updatesStored(2, 0.0004)
    metrics.updatesStored(3, 0.003)
    const first = await metrics.registry.metrics()
    expect(sample(first, 'gongbei_updates_stored_total')).toBe(5)
    expect(sample(first, 'gongbei_store_write_seconds_count')).toBe(2)
    expect(sample(first, 'gongbei_store_write_seconds_bucket{le="0.0005"}')).toBe(1)
    expect(sample(first, 'gongbei_store_write_seconds_bucket{le="0.005"}')).toBe(2)
    expect(sample(first, 'gongbei_open_documents')).toBe(2)

    metrics.updatesStored(1, 0.02)
    const second = await metrics.registry.metrics()
    expect(sample(second, 'gongbei_updates_stored_total')).toBe(6)
    expect(sample(second, 'gongbei_store_write_seconds_count')).toBe(3)
    expect(sample(second, 'gongbei_store_write_seconds_sum')).toBeCloseTo(0.0234)
  })

  it('counts every write time of a server nobody scrapes for a long while', async () => {
    const metrics = createMetrics(() => 0)
    for (let i = 0; i < 10_000; i++) metrics.updatesStored(1, 0.001)
    const text = await metrics.registry.metrics()
    expect(sample(text, 'gongbei_store_write_seconds_count')).toBe(10_000)
    expect(sample(text, 'gongbei_updates_stored_total')).toBe(10_000)
  })
})
