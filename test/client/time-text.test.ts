/** Times as a teacher reads them, from the browser's own formats (zh-CN). */
import { describe, expect, it } from 'vitest'
import { calendarDayText, whenText } from '../../client/src/time-text.ts'

describe('whenText', () => {
  const now = new Date(2026, 10, 20, 15, 0)
  it.each([
    [new Date(2026, 10, 20, 14, 59, 30), '刚刚'],
    [new Date(2026, 10, 20, 14, 55), '5 分钟前'],
    [new Date(2026, 10, 20, 9, 5), '今天 09:05'],
    [new Date(2026, 10, 18, 9, 30), '11月18日 09:30'],
    [new Date(2025, 11, 31, 16, 0), '2025年12月31日 16:00'],
  ])('%s → %s', (at, text) => {
    expect(whenText(at, now)).toBe(text)
  })
})

describe('calendarDayText', () => {
  it('writes a meeting day as the paper form does, the same day in any time zone', () => {
    expect(calendarDayText('2026-11-24')).toBe('2026年11月24日（星期二）')
  })
})
