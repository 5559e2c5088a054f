/** 磨课 rounds as pure rules: which 定稿 is each round's, and what a round is called (LIBRARY-8). */
import { describe, expect, it } from 'vitest'
import {
  chineseNumber,
  lessonRounds,
  type RoundStart,
  roundName,
  startRoundLabel,
} from '../../../shared/versions/lesson-rounds.ts'

const v = (number: number) => ({ id: `v${number}`, number })
const start = (number: number, baseVersionNumber: number): RoundStart => ({
  number,
  baseVersionNumber,
  startedBy: 'li',
  startedAt: new Date(Date.UTC(2026, 10, number)),
})

describe('lessonRounds [LIBRARY-8]', () => {
  it('a lesson not yet finalized is in its first round', () => {
    expect(lessonRounds([], [])).toEqual([{ number: 1, start: null, version: null }])
  })

  it('the first round is its first 定稿 until a second round starts', () => {
    expect(lessonRounds([v(1)], [])).toEqual([{ number: 1, start: null, version: v(1) }])
  })

  it('a started round is in progress until its own 定稿', () => {
    const rounds = lessonRounds([v(1)], [start(2, 1)])
    expect(rounds.map((round) => [round.number, round.version?.number ?? null])).toEqual([
      [1, 1],
      [2, null],
    ])
    expect(rounds[1]!.start).toEqual(start(2, 1))
  })

  it('a round finalized twice (重新研讨 within it) has its last 定稿', () => {
    const rounds = lessonRounds([v(1), v(2), v(3), v(4)], [start(2, 2), start(3, 3)])
    expect(rounds.map((round) => [round.number, round.version?.number ?? null])).toEqual([
      [1, 2],
      [2, 3],
      [3, 4],
    ])
  })

  it('reads the starts in their order whatever order they come in', () => {
    const rounds = lessonRounds([v(2), v(1), v(3)], [start(3, 2), start(2, 1)])
    expect(rounds.map((round) => round.version?.number)).toEqual([1, 2, 3])
  })
})

describe('round names', () => {
  it('counts in Chinese as a teacher says it', () => {
    expect([1, 2, 9, 10, 11, 20, 21, 99].map(chineseNumber)).toEqual([
      '一',
      '二',
      '九',
      '十',
      '十一',
      '二十',
      '二十一',
      '九十九',
    ])
    expect(chineseNumber(100)).toBe('100')
  })

  it('names the round and the button that starts it', () => {
    expect(roundName(1)).toBe('第一轮')
    expect(startRoundLabel(2)).toBe('开始第二轮磨课')
  })
})
