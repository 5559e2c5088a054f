import { describe, expect, it } from 'vitest'
import {
  isOverdue,
  localDateTime,
  nextSemester,
  planSemesters,
  recentSemesters,
  semesterAt,
  semesterOf,
} from '../../../shared/workflow/lesson-schedule.ts'
import { type LessonStage, lessonStages } from '../../../shared/workflow/stages.ts'

const now = { date: '2026-11-24', time: '14:00' }

describe('isOverdue', () => {
  it.each([
    ['the day before', '2026-11-23', null, true],
    ['earlier that day', '2026-11-24', '08:00', true],
    ['right now', '2026-11-24', '14:00', true],
    ['later that day', '2026-11-24', '15:30', false],
    ['that day, without a time', '2026-11-24', null, false],
    ['the next day', '2026-11-25', '08:00', false],
  ] as const)('a draft scheduled %s is overdue: %s', (_, scheduledDate, scheduledTime, expected) => {
    expect(isOverdue({ stage: 'draft', scheduledDate, scheduledTime }, now)).toBe(expected)
  })

  const expectedByStage: Record<LessonStage, boolean> = {
    draft: true,
    review: true,
    finalized: false,
    adapting: false,
    reflecting: false,
    archived: false,
  }
  it.each(lessonStages)('a past lesson in %s is overdue only while not finalized', (stage) => {
    expect(isOverdue({ stage, scheduledDate: '2026-11-01', scheduledTime: '10:00' }, now)).toBe(expectedByStage[stage])
  })
})

describe('localDateTime', () => {
  it('gives the date and time in China, whatever the server zone', () => {
    expect(localDateTime(new Date('2026-11-23T17:30:00Z'))).toEqual({ date: '2026-11-24', time: '01:30' })
  })
})

describe('semesterOf', () => {
  it.each([
    ['2026-09-01', '2026-2027学年第一学期'],
    ['2026-08-20', '2026-2027学年第一学期'],
    ['2027-01-15', '2026-2027学年第一学期'],
    ['2027-02-20', '2026-2027学年第二学期'],
    ['2027-07-05', '2026-2027学年第二学期'],
  ])('%s is in %s', (date, semester) => {
    expect(semesterOf(date)).toBe(semester)
  })
})

describe('semesterAt', () => {
  it('reads the date on the school’s clock', () => {
    expect(semesterAt(new Date('2026-07-31T15:30:00Z'))).toBe('2025-2026学年第二学期')
    expect(semesterAt(new Date('2026-07-31T16:30:00Z'))).toBe('2026-2027学年第一学期')
  })
})

describe('recentSemesters', () => {
  it('lists the semester of the date and those before it, newest first', () => {
    expect(recentSemesters('2026-11-22', 3)).toEqual([
      '2026-2027学年第一学期',
      '2025-2026学年第二学期',
      '2025-2026学年第一学期',
    ])
    expect(recentSemesters('2027-01-10', 2)).toEqual(['2026-2027学年第一学期', '2025-2026学年第二学期'])
  })
})

describe('LIBRARY-7: the semesters a 备课计划 offers', () => {
  it('goes from the first to the second semester and on to the next school year', () => {
    expect(nextSemester('2026-2027学年第一学期')).toBe('2026-2027学年第二学期')
    expect(nextSemester('2026-2027学年第二学期')).toBe('2027-2028学年第一学期')
  })

  it('shows the current and the next semester even while empty, with every one that has lessons, in order', () => {
    expect(planSemesters(['2025-2026学年第一学期'], '2026-11-22', '2026-2027学年第一学期')).toEqual([
      '2025-2026学年第一学期',
      '2026-2027学年第一学期',
      '2026-2027学年第二学期',
    ])
    expect(planSemesters([], '2027-03-01', '2024-2025学年第二学期')).toEqual([
      '2024-2025学年第二学期',
      '2026-2027学年第二学期',
      '2027-2028学年第一学期',
    ])
  })
})
