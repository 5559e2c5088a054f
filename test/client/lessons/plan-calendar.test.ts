import { describe, expect, it } from 'vitest'
import type { LessonSummary } from '../../../shared/api/lessons.ts'
import { calendarWeeks, mondayOf, scheduleText, weekdayOf } from '../../../client/src/lessons/plan-calendar.ts'

function lesson(id: string, scheduledDate: string, scheduledTime: string | null = '14:00'): LessonSummary {
  return {
    id,
    groupId: 'math7',
    semester: '2026-2027学年第一学期',
    title: id,
    unit: '',
    lessonType: '新授',
    period: 1,
    scheduledDate,
    scheduledTime,
    place: '数学教研室',
    leadPreparer: { id: 'li', displayName: '李老师' },
    documentId: `doc-${id}`,
    stage: 'draft',
    liveReviewOpen: false,
    overdue: false,
    hasVersions: false,
  }
}

describe('dates', () => {
  it('names the weekday and finds the Monday of a week', () => {
    expect(weekdayOf('2026-11-24')).toBe('周二')
    expect(mondayOf('2026-11-24')).toBe('2026-11-23')
    expect(mondayOf('2026-11-23')).toBe('2026-11-23')
    expect(mondayOf('2026-11-29')).toBe('2026-11-23')
    expect(mondayOf('2027-01-01')).toBe('2026-12-28')
  })

  it('writes a schedule the way teachers do', () => {
    expect(scheduleText({ scheduledDate: '2026-11-24', scheduledTime: '14:00' })).toBe('11月24日（周二） 14:00')
    expect(scheduleText({ scheduledDate: '2026-12-01', scheduledTime: null })).toBe('12月1日（周二）')
  })
})

describe('calendarWeeks', () => {
  it('lays lessons out in weeks from Monday, keeping empty weeks between them', () => {
    const weeks = calendarWeeks(
      [lesson('late', '2026-11-24', '15:40'), lesson('early', '2026-11-24', '08:00'), lesson('later', '2026-12-09')],
      '2026-11-25',
    )
    expect(weeks.map((week) => week.monday)).toEqual(['2026-11-23', '2026-11-30', '2026-12-07'])
    expect(weeks[0]!.days.map((day) => day.weekday)).toEqual(['周一', '周二', '周三', '周四', '周五', '周六', '周日'])
    expect(weeks[0]!.days[1]!.lessons.map((l) => l.id)).toEqual(['early', 'late'])
    expect(weeks[1]!.days.every((day) => day.lessons.length === 0)).toBe(true)
    expect(weeks[2]!.days[2]!.lessons.map((l) => l.id)).toEqual(['later'])
  })

  it('shows this week even with no lessons planned', () => {
    expect(calendarWeeks([], '2026-11-25').map((week) => week.monday)).toEqual(['2026-11-23'])
  })
})
