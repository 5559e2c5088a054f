/**
 * A meeting is written down the way the school says it, in its own time zone (日期 2026-11-24,
 * 14:00–15:00, like lessons in `lesson-schedule.ts`); the presence log counts instants. This turns the one
 * into the other.
 */
import type { TimeWindow } from './attendance.ts'
import { localDateTime, schoolTimeZone } from '../workflow/lesson-schedule.ts'

export interface MeetingTime {
  /** School-local `YYYY-MM-DD`. */
  date: string
  /** School-local `HH:MM`. */
  startTime: string
  endTime: string
}

export function meetingWindow(meeting: MeetingTime, timeZone: string = schoolTimeZone): TimeWindow {
  return {
    start: instantOf(meeting.date, meeting.startTime, timeZone),
    end: instantOf(meeting.date, meeting.endTime, timeZone),
  }
}

/** Why a meeting's time cannot be used, or null when it can. */
export function meetingTimeProblem(meeting: MeetingTime): string | null {
  return meeting.endTime > meeting.startTime ? null : '结束时间要晚于开始时间'
}

/**
 * The instant at which the clocks of `timeZone` show `date` `time`. The zone's offset is read at a first
 * guess; our schools' zone keeps one offset all year, so one correction is exact.
 */
export function instantOf(date: string, time: string, timeZone: string = schoolTimeZone): number {
  const asIfUtc = Date.parse(`${date}T${time}:00Z`)
  const shown = localDateTime(new Date(asIfUtc), timeZone)
  const offset = Date.parse(`${shown.date}T${shown.time}:00Z`) - asIfUtc
  return asIfUtc - offset
}
