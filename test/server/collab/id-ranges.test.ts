import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { IdRanges } from '../../../server/collab/id-ranges.ts'

const span = fc.record({
  client: fc.integer({ min: 1, max: 3 }),
  clock: fc.integer({ min: 0, max: 60 }),
  length: fc.integer({ min: 0, max: 8 }),
})

describe('IdRanges', () => {
  it('answers has, intersects and covers as a plain set of ids would', () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 40 }), fc.array(span, { maxLength: 20 }), (added, asked) => {
        const ranges = new IdRanges()
        const ids = new Set<string>()
        for (const { client, clock, length } of added) {
          ranges.add(client, clock, length)
          for (let i = 0; i < length; i++) ids.add(`${client}:${clock + i}`)
        }
        for (const { client, clock, length } of asked) {
          const inSet = Array.from({ length }, (_, i) => ids.has(`${client}:${clock + i}`))
          expect(ranges.has(client, clock)).toBe(ids.has(`${client}:${clock}`))
          expect(ranges.intersects(client, clock, length)).toBe(inSet.some(Boolean))
          expect(ranges.covers(client, clock, length)).toBe(inSet.every(Boolean))
        }
      }),
    )
  })

  it('covers a span that was added in touching pieces', () => {
    const ranges = new IdRanges()
    ranges.add(7, 10, 5)
    ranges.add(7, 0, 10)
    expect(ranges.covers(7, 0, 15)).toBe(true)
    expect(ranges.covers(7, 0, 16)).toBe(false)
    expect(ranges.covers(8, 0, 1)).toBe(false)
  })

  it('[BOUNDS-14] counts its ranges, overlapping and touching ones as one', () => {
    const ranges = new IdRanges()
    ranges.add(7, 0, 2)
    ranges.add(7, 4, 2)
    ranges.add(8, 0, 1)
    expect(ranges.size).toBe(3)
    ranges.add(7, 2, 2)
    expect(ranges.size).toBe(2)
    ranges.add(7, 1, 3)
    expect(ranges.size).toBe(2)
  })
})
