/**
 * When lessons happen, in the school's own time. Dates and times are kept as the teacher wrote them
 * ('2026-11-24', '14:00'), not as instants, so that a server running in UTC never moves a lesson to
 * another day.
 */
import type { LessonStage } from './stages.ts'

/** Where our schools are; the server asks for "now" in this zone. */
export const schoolTimeZone = 'Asia/Shanghai'

export interface LocalDateTime {
  /** `YYYY-MM-DD` */
  date: string
  /** `HH:MM`, 24-hour */
  time: string
}

export interface ScheduledLesson {
  stage: LessonStage
  scheduledDate: string
  /** Without a time the lesson is due by the end of its day. */
  scheduledTime: string | null
}

/** Stages in which the shared 导学案 is still being prepared: past its date, the lesson is late. */
export const unfinishedStages: readonly LessonStage[] = ['draft', 'review']

export function isOverdue(lesson: ScheduledLesson, now: LocalDateTime): boolean {
  if (!unfinishedStages.includes(lesson.stage)) return false
  if (lesson.scheduledTime === null) return now.date > lesson.scheduledDate
  return `${now.date} ${now.time}` >= `${lesson.scheduledDate} ${lesson.scheduledTime}`
}

export function localDateTime(instant: Date, timeZone: string = schoolTimeZone): LocalDateTime {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00'
  return { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}` }
}

/**
 * The school semester a date falls in, as schools name it: the first semester runs from August to
 * January, the second from February to July.
 */
export function semesterOf(date: string): string {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  if (month >= 8) return `${year}-${year + 1}学年第一学期`
  if (month === 1) return `${year - 1}-${year}学年第一学期`
  return `${year - 1}-${year}学年第二学期`
}

/** The semester an instant (a thread's or a record's time) falls in, by the school's calendar. */
export function semesterAt(instant: Date, timeZone: string = schoolTimeZone): string {
  return semesterOf(localDateTime(instant, timeZone).date)
}

/** The semester of `date` and the `count - 1` before it, newest first: what a semester picker offers. */
export function recentSemesters(date: string, count: number): string[] {
  const semesters: string[] = []
  let [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))]
  while (semesters.length < count) {
    const semester = semesterOf(`${year}-${String(month).padStart(2, '0')}-01`)
    if (semesters.at(-1) !== semester) semesters.push(semester)
    month -= 1
    if (month === 0) [year, month] = [year - 1, 12]
  }
  return semesters
}

/** The semester after `semester` (第一学期 → 第二学期 of the same school year → 第一学期 of the next). */
export function nextSemester(semester: string): string {
  const parts = /^(\d{4})-(\d{4})学年第([一二])学期$/.exec(semester)
  if (!parts) return semester
  const first = Number(parts[1])
  return parts[3] === '一' ? `${first}-${first + 1}学年第二学期` : `${first + 1}-${first + 2}学年第一学期`
}

/**
 * The semesters a group's 备课计划 offers (LIBRARY-7): those with lessons, the current one and the next
 * even while empty (a leader plans the coming semester before it starts), and the one asked for; in order.
 */
export function planSemesters(withLessons: readonly string[], today: string, shown: string): string[] {
  const current = semesterOf(today)
  return [...new Set([...withLessons, current, nextSemester(current), shown])].sort()
}
