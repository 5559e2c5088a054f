/**
 * Who attended a review meeting, read from the presence log: the intervals during which each user had
 * the lesson's shared plan open, clipped to the meeting's window. Pure, so the rule is tested without a
 * server and the record's attendee list is prefilled the same way wherever it is computed.
 */

/** One connection of one user to a document, as the presence log stores it (times in ms since the epoch). */
export interface PresenceInterval {
  userId: string
  joinedAt: number
  /** Null while the connection is open, and forever if the server crashed while it was. */
  leftAt: number | null
  /** Last time the server confirmed the connection was still open (its heartbeat). */
  seenAt: number
}

export interface TimeWindow {
  start: number
  end: number
}

export interface Attendance {
  userId: string
  /** Minutes the user was connected during the window, several tabs counted once; at least 1. */
  minutesPresent: number
  /** When the user was first connected within the window. */
  firstSeenAt: number
}

export interface OpenIntervalRule {
  now: number
  /**
   * How long after its last heartbeat an open interval may still be believed. A server that crashed
   * wrote no leave time; its connections cannot have lasted longer than one heartbeat after the last.
   */
  staleAfterMs: number
}

/** When an interval ended, or ends for now: its leave time, else as far as the heartbeat vouches for it. */
export function intervalEnd(interval: PresenceInterval, rule: OpenIntervalRule): number {
  if (interval.leftAt !== null) return interval.leftAt
  return Math.max(interval.joinedAt, Math.min(rule.now, interval.seenAt + rule.staleAfterMs))
}

/**
 * Distinct users connected during `window`, with their minutes present, longest first. Overlapping
 * intervals of one user (two tabs, a reconnect) count once.
 */
export function attendanceDuring(
  intervals: readonly PresenceInterval[],
  window: TimeWindow,
  rule: OpenIntervalRule,
): Attendance[] {
  const clippedByUser = new Map<string, [number, number][]>()
  for (const interval of intervals) {
    const start = Math.max(interval.joinedAt, window.start)
    const end = Math.min(intervalEnd(interval, rule), window.end)
    if (end <= start) continue
    const clipped = clippedByUser.get(interval.userId) ?? []
    clipped.push([start, end])
    clippedByUser.set(interval.userId, clipped)
  }
  const attendance: Attendance[] = []
  for (const [userId, clipped] of clippedByUser) {
    attendance.push({
      userId,
      minutesPresent: Math.max(1, Math.round(unionLength(clipped) / 60_000)),
      firstSeenAt: Math.min(...clipped.map(([start]) => start)),
    })
  }
  return attendance.sort((a, b) => b.minutesPresent - a.minutesPresent || a.firstSeenAt - b.firstSeenAt)
}

function unionLength(spans: [number, number][]): number {
  const sorted = [...spans].sort((a, b) => a[0] - b[0])
  let total = 0
  let [currentStart, currentEnd] = sorted[0]!
  for (const [start, end] of sorted.slice(1)) {
    if (start > currentEnd) {
      total += currentEnd - currentStart
      currentStart = start
    }
    currentEnd = Math.max(currentEnd, end)
  }
  return total + currentEnd - currentStart
}
