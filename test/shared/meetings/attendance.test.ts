import { describe, expect, it } from 'vitest'
import { attendanceDuring, intervalEnd, type PresenceInterval } from '../../../shared/meetings/attendance.ts'

const minute = 60_000
const t0 = Date.UTC(2026, 9, 14, 7, 0) // a meeting at 15:00 Beijing time
const at = (minutes: number) => t0 + minutes * minute
const window = { start: at(0), end: at(45) }
const rule = { now: at(24 * 60), staleAfterMs: 2 * minute }

function interval(userId: string, from: number, to: number | null, seenAt = to ?? from): PresenceInterval {
  return { userId, joinedAt: at(from), leftAt: to === null ? null : at(to), seenAt: at(seenAt) }
}

describe('attendanceDuring', () => {
  it('clips each connection to the meeting window', () => {
    const result = attendanceDuring(
      [interval('early', -30, 20), interval('late', 30, 90), interval('whole', -5, 60)],
      window,
      rule,
    )
    expect(result).toEqual([
      { userId: 'whole', minutesPresent: 45, firstSeenAt: at(0) },
      { userId: 'early', minutesPresent: 20, firstSeenAt: at(0) },
      { userId: 'late', minutesPresent: 15, firstSeenAt: at(30) },
    ])
  })

  it('counts two tabs and a reconnect of one teacher once', () => {
    const result = attendanceDuring(
      [interval('li', 0, 30), interval('li', 10, 20), interval('li', 29, 40), interval('li', 42, 45)],
      window,
      rule,
    )
    expect(result).toEqual([{ userId: 'li', minutesPresent: 43, firstSeenAt: at(0) }])
  })

  it('leaves out whoever was connected only before or after the meeting', () => {
    const result = attendanceDuring([interval('before', -60, 0), interval('after', 45, 50)], window, rule)
    expect(result).toEqual([])
  })

  it('gives a brief visit one minute, so it is not shown as 0', () => {
    const result = attendanceDuring(
      [{ userId: 'brief', joinedAt: at(10), leftAt: at(10) + 5000, seenAt: at(10) }],
      window,
      rule,
    )
    expect(result).toEqual([{ userId: 'brief', minutesPresent: 1, firstSeenAt: at(10) }])
  })

  it('counts a connection that is still open up to now, during a meeting in progress', () => {
    const during = { now: at(20), staleAfterMs: 2 * minute }
    const result = attendanceDuring([interval('open', 5, null, 19)], window, during)
    expect(result).toEqual([{ userId: 'open', minutesPresent: 15, firstSeenAt: at(5) }])
  })

  it('ends a connection left open by a crash one heartbeat after it was last seen', () => {
    // The server crashed at about minute 12: no leave time, last heartbeat at minute 10.
    const result = attendanceDuring([interval('crashed', 0, null, 10)], window, rule)
    expect(result).toEqual([{ userId: 'crashed', minutesPresent: 12, firstSeenAt: at(0) }])
  })

  it('does not let a crashed connection of an earlier day attend a later meeting', () => {
    const result = attendanceDuring([interval('yesterday', -24 * 60, null, -24 * 60 + 30)], window, rule)
    expect(result).toEqual([])
  })
})

describe('intervalEnd', () => {
  it('is the leave time when there is one', () => {
    expect(intervalEnd(interval('a', 0, 10), rule)).toBe(at(10))
  })

  it('is never before the join, even with a heartbeat older than the join', () => {
    expect(intervalEnd({ userId: 'a', joinedAt: at(10), leftAt: null, seenAt: at(0) }, rule)).toBe(at(10))
  })
})
