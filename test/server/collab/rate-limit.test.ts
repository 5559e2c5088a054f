import { describe, expect, it } from 'vitest'
import { Cooldowns, FrameBudget, TokenBucket, UserLimits } from '../../../server/collab/rate-limit.ts'

function fakeClock() {
  const clock = { now: 0, read: () => clock.now }
  return clock
}

describe('rate limits', () => {
  it('[BOUNDS-7] a bucket gives its burst at once, then refills at its rate, never past its burst', () => {
    const clock = fakeClock()
    const bucket = new TokenBucket(10, 30, clock.read)
    for (let i = 0; i < 30; i++) expect(bucket.take(1)).toBe(true)
    expect(bucket.take(1)).toBe(false)
    clock.now += 500
    for (let i = 0; i < 5; i++) expect(bucket.take(1)).toBe(true)
    expect(bucket.take(1)).toBe(false)
    clock.now += 60_000
    for (let i = 0; i < 30; i++) expect(bucket.take(1)).toBe(true)
    expect(bucket.take(1)).toBe(false)
  })

  it('[BOUNDS-7] a frame budget counts frames and bytes, whichever runs out first', () => {
    const clock = fakeClock()
    const budget = new FrameBudget(
      { framesPerSecond: 10, framesBurst: 100, bytesPerSecond: 1000, bytesBurst: 5000 },
      clock.read,
    )
    expect(budget.spend(4000)).toBe(true)
    expect(budget.spend(2000)).toBe(false)
    const frames = new FrameBudget(
      { framesPerSecond: 10, framesBurst: 3, bytesPerSecond: 1000, bytesBurst: 5000 },
      clock.read,
    )
    expect([frames.spend(1), frames.spend(1), frames.spend(1), frames.spend(1)]).toEqual([true, true, true, false])
  })

  it('[BOUNDS-14] a frame budget charges the deletion ranges of updates, refilled at their own rate', () => {
    const clock = fakeClock()
    const budget = new FrameBudget(
      {
        framesPerSecond: 100,
        framesBurst: 100,
        bytesPerSecond: 1e6,
        bytesBurst: 1e6,
        deleteRangesPerSecond: 1_000,
        deleteRangesBurst: 10_000,
      },
      clock.read,
    )
    // Small frames whose deletions cost far more than their bytes.
    expect(budget.spend(40) && budget.spendDeletions(6_000)).toBe(true)
    expect(budget.spend(40) && budget.spendDeletions(6_000)).toBe(false)
    clock.now += 2_000
    expect(budget.spend(40) && budget.spendDeletions(6_000)).toBe(true)
    expect(budget.spend(40)).toBe(true)
  })

  it('[BOUNDS-8] a user has a bounded number of connections, and one budget across them that reconnecting does not refill', () => {
    const clock = fakeClock()
    const rates = { framesPerSecond: 1, framesBurst: 2, bytesPerSecond: 1000, bytesBurst: 1000 }
    const users = new UserLimits({ connectionsPerUser: 2, rates, now: clock.read })
    const first = users.open('wang')!
    expect(users.open('wang')).toBe(first)
    expect(users.open('wang')).toBeNull()
    expect(users.open('li')).not.toBeNull()
    users.close('wang')
    expect(users.open('wang')).toBe(first)
    expect([first.spend(1), first.spend(1), first.spend(1)]).toEqual([true, true, false])
    users.close('wang')
    users.close('wang')
    expect(users.open('wang')!.spend(1)).toBe(false)
  })
  it('[BOUNDS-11] a user cut off is refused until the pause ends; offences in a row double it, up to the longest', () => {
    const clock = fakeClock()
    const cooldowns = new Cooldowns({ firstMs: 5_000, longestMs: 40_000, now: clock.read })
    expect(cooldowns.remainingMs('wang')).toBe(0)
    expect(cooldowns.strike('wang')).toBe(5_000)
    expect(cooldowns.remainingMs('wang')).toBe(5_000)
    expect(cooldowns.remainingMs('li')).toBe(0)
    clock.now += 5_000
    expect(cooldowns.remainingMs('wang')).toBe(0)
    expect([cooldowns.strike('wang'), cooldowns.strike('wang'), cooldowns.strike('wang')]).toEqual([
      10_000, 20_000, 40_000,
    ])
    expect(cooldowns.strike('wang')).toBe(40_000)
    // Long enough after the last pause ended, an offence is a first one again.
    clock.now += 40_000 + 40_000
    expect(cooldowns.remainingMs('wang')).toBe(0)
    expect(cooldowns.strike('wang')).toBe(5_000)
  })
})
