/**
 * Who attended a meeting of a lesson, from the presence log of its shared 导学案: the presence log's
 * entries for the meeting's window, read with the rule of `shared/meetings/attendance.ts`.
 */
import { type Attendance, attendanceDuring, type OpenIntervalRule } from '../../shared/meetings/attendance.ts'
import { type MeetingTime, meetingWindow } from '../../shared/meetings/meeting-window.ts'
import type { LessonRecord } from '../store/lesson-records.ts'
import type { Store } from '../store/store.ts'

/** How entries without a leave time are read; the presence log knows its own heartbeat. */
export interface PresenceReading {
  openIntervalRule(now?: number): OpenIntervalRule
}

export async function attendanceAt(
  store: Pick<Store, 'presence'>,
  presence: PresenceReading,
  lesson: Pick<LessonRecord, 'documentId'>,
  time: MeetingTime,
): Promise<Attendance[]> {
  const window = meetingWindow(time)
  const entries = await store.presence.presenceOnDocuments(
    [lesson.documentId],
    new Date(window.start),
    new Date(window.end),
  )
  const intervals = entries.map((entry) => ({
    userId: entry.userId,
    joinedAt: entry.joinedAt.getTime(),
    leftAt: entry.leftAt?.getTime() ?? null,
    seenAt: entry.seenAt.getTime(),
  }))
  return attendanceDuring(intervals, window, presence.openIntervalRule())
}
