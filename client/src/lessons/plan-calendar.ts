/** The 备课计划 as weeks (Monday first) and dates as teachers write them. Pure, for the list and calendar. */
import type { LessonSummary } from '../../../shared/api/lessons.ts'

const weekdayNames = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** Dates are school-local `YYYY-MM-DD`; noon UTC keeps arithmetic away from any day boundary. */
function dateAt(date: string): Date {
  return new Date(`${date}T12:00:00Z`)
}

export function addDays(date: string, days: number): string {
  const moved = dateAt(date)
  moved.setUTCDate(moved.getUTCDate() + days)
  return moved.toISOString().slice(0, 10)
}

export function weekdayOf(date: string): string {
  return weekdayNames[dateAt(date).getUTCDay()]!
}

export function mondayOf(date: string): string {
  const weekday = dateAt(date).getUTCDay()
  return addDays(date, -((weekday + 6) % 7))
}

/** `11月24日（周二）14:00` */
export function scheduleText(lesson: Pick<LessonSummary, 'scheduledDate' | 'scheduledTime'>): string {
  const [, month, day] = lesson.scheduledDate.split('-').map(Number)
  const time = lesson.scheduledTime ? ` ${lesson.scheduledTime}` : ''
  return `${month}月${day}日（${weekdayOf(lesson.scheduledDate)}）${time}`
}

export interface CalendarDay {
  date: string
  weekday: string
  lessons: LessonSummary[]
}

export interface CalendarWeek {
  monday: string
  days: CalendarDay[]
}

/**
 * Every week from the first lesson's to the last one's, empty weeks included so that gaps in the plan
 * show; `today`'s week is always among them.
 */
export function calendarWeeks(lessons: readonly LessonSummary[], today: string): CalendarWeek[] {
  const dates = [...lessons.map((lesson) => lesson.scheduledDate), today].sort()
  const first = mondayOf(dates[0]!)
  const last = mondayOf(dates[dates.length - 1]!)
  const weeks: CalendarWeek[] = []
  for (let monday = first; monday <= last; monday = addDays(monday, 7)) {
    const days = Array.from({ length: 7 }, (_, offset) => {
      const date = addDays(monday, offset)
      return {
        date,
        weekday: weekdayNames[(offset + 1) % 7]!,
        lessons: lessons
          .filter((lesson) => lesson.scheduledDate === date)
          .sort((a, b) => (a.scheduledTime ?? '').localeCompare(b.scheduledTime ?? '')),
      }
    })
    weeks.push({ monday, days })
  }
  return weeks
}
