/**
 * 磨课 rounds of one lesson (上课—磨课—上课, docs/LIBRARY.md LIBRARY-8, LIBRARY-9). The first round is
 * the lesson's preparation up to its first 定稿; each later round begins when the 主备人 or the leader
 * starts it from the finalized plan, and is recorded with the version it started from. A round's own
 * version is the last 定稿 made in it, so the rounds follow from the versions and the recorded starts.
 */

/** A recorded start of round 2, 3, …: who, when, and the 定稿 it started from. */
export interface RoundStart {
  number: number
  /** The number of the 定稿 version the round started from: the previous round's last. */
  baseVersionNumber: number
  startedBy: string
  startedAt: Date
}

export interface Round<V> {
  number: number
  /** Null for the first round, which began with the plan. */
  start: RoundStart | null
  /** The last 定稿 of the round; null while the round is in progress. */
  version: V | null
}

/**
 * Every round of the lesson, the first first. Round k holds the versions after the one round k started
 * from, up to the one round k+1 started from; its version is the last of them.
 */
export function lessonRounds<V extends { number: number }>(
  versions: readonly V[],
  starts: readonly RoundStart[],
): Round<V>[] {
  const ordered = [...starts].sort((a, b) => a.number - b.number)
  const bounds: { start: RoundStart | null; after: number }[] = [
    { start: null, after: 0 },
    ...ordered.map((start) => ({ start, after: start.baseVersionNumber })),
  ]
  return bounds.map(({ start, after }, index) => {
    const upTo = bounds[index + 1]?.after ?? Number.POSITIVE_INFINITY
    const own = versions.filter((version) => version.number > after && version.number <= upTo)
    const last = own.reduce<V | null>(
      (found, version) => (found && found.number > version.number ? found : version),
      null,
    )
    return { number: index + 1, start, version: last }
  })
}

const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九; a teacher never has a hundred rounds, but 100 → 100. */
export function chineseNumber(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 99) return String(value)
  const tens = Math.floor(value / 10)
  const ones = value % 10
  if (tens === 0) return digits[ones]!
  return `${tens === 1 ? '' : digits[tens]!}十${digits[ones]!}`
}

/** 第一轮, 第二轮, … */
export function roundName(number: number): string {
  return `第${chineseNumber(number)}轮`
}

/** What the button says: 开始第二轮磨课. */
export function startRoundLabel(nextNumber: number): string {
  return `开始${roundName(nextNumber)}磨课`
}
