/**
 * Writing the 集体备课记录 of a lesson's meeting: decided by the lesson rules (`recordMeeting`), checked,
 * then stored. A new record takes what it is not told from the lesson (place, 课题, 主备人 as 主讲人) and
 * from the presence log (who had the shared 导学案 open during the meeting).
 */
import type { Actor } from '../../shared/access.ts'
import type { Attendee, MeetingInput, MeetingTimeInput, NewMeetingInput } from '../../shared/api/meetings.ts'
import { meetingTimeProblem } from '../../shared/meetings/meeting-window.ts'
import { decide } from '../../shared/workflow/lesson-rules.ts'
import type { LessonRecord } from '../store/lesson-records.ts'
import type { MeetingRecord } from '../store/meeting-records.ts'
import type { Store } from '../store/store.ts'
import { lessonContextOf } from '../workflow/lesson-context.ts'
import { peopleOf } from '../versions/people.ts'
import { forbid, missing, type Outcome, reject, succeed } from '../workflow/outcome.ts'
import { noSuchLesson } from '../workflow/stage-change.ts'
import { attendanceAt, type PresenceReading } from './attendance.ts'

export interface MeetingContext {
  store: Pick<Store, 'accounts' | 'groups' | 'lessons' | 'meetings' | 'mentorships' | 'presence' | 'versions'>
  presence: PresenceReading
}

export const noSuchMeeting = () => missing('这份集体备课记录不存在')

export async function recordMeeting(
  context: MeetingContext,
  actor: Actor,
  lessonId: string,
  input: NewMeetingInput,
): Promise<Outcome<MeetingRecord>> {
  const { store, presence } = context
  const lesson = await store.lessons.findLesson(lessonId)
  if (!lesson) return noSuchLesson()
  const refusal = await refusalFor(store, actor, lesson)
  if (refusal) return refusal
  const timeProblem = meetingTimeProblem(input)
  if (timeProblem) return reject(timeProblem)
  const attendeeIds = input.attendeeIds ?? (await attendanceAt(store, presence, lesson, input)).map((a) => a.userId)
  const fields: MeetingInput = {
    ...input,
    place: input.place ?? lesson.place,
    topic: input.topic ?? lesson.title,
    presenterId: input.presenterId ?? lesson.leadPreparerId,
    attendeeIds,
    summary: input.summary ?? '',
    decisions: input.decisions ?? '',
  }
  const problem = await problemOf(store, actor, fields)
  if (problem) return reject(problem)
  return succeed(await store.meetings.createMeeting({ ...fields, lessonId, createdBy: actor.userId }))
}

export async function editMeeting(
  context: MeetingContext,
  actor: Actor,
  meetingId: string,
  input: MeetingInput,
): Promise<Outcome<MeetingRecord>> {
  const { store } = context
  const meeting = await store.meetings.findMeeting(meetingId)
  const lesson = meeting && (await store.lessons.findLesson(meeting.lessonId))
  if (!meeting || !lesson) return noSuchMeeting()
  const refusal = await refusalFor(store, actor, lesson)
  if (refusal) return refusal
  const problem = await problemOf(store, actor, input)
  if (problem) return reject(problem)
  const updated = await store.meetings.updateMeeting(meetingId, input, actor.userId)
  return updated ? succeed(updated) : noSuchMeeting()
}

/** Who had the shared 导学案 open during a meeting, to prefill its attendees: for whoever may record it. */
export async function onlineDuring(
  context: MeetingContext,
  actor: Actor,
  lesson: LessonRecord,
  time: MeetingTimeInput,
): Promise<Outcome<Attendee[]>> {
  const { store, presence } = context
  const refusal = await refusalFor(store, actor, lesson)
  if (refusal) return refusal
  const timeProblem = meetingTimeProblem(time)
  if (timeProblem) return reject(timeProblem)
  const present = await attendanceAt(store, presence, lesson, time)
  const people = await peopleOf(
    store,
    present.map((attendance) => attendance.userId),
  )
  return succeed(
    present.flatMap(({ userId, minutesPresent }) => {
      const person = people.get(userId)
      return person ? [{ ...person, minutesPresent }] : []
    }),
  )
}

async function refusalFor(store: Pick<Store, 'mentorships' | 'versions'>, actor: Actor, lesson: LessonRecord) {
  const decision = decide('recordMeeting', actor, await lessonContextOf(store, lesson))
  return decision.allowed ? null : forbid(decision.reason)
}

async function problemOf(store: Pick<Store, 'accounts'>, actor: Actor, fields: MeetingInput): Promise<string | null> {
  const timeProblem = meetingTimeProblem(fields)
  if (timeProblem) return timeProblem
  const ids = [...new Set([fields.presenterId, ...fields.attendeeIds])]
  const users = await Promise.all(ids.map((id) => store.accounts.findUserById(id)))
  if (users.some((user) => user?.schoolId !== actor.schoolId)) return '主讲人和参会人员必须是本校的老师'
  return null
}
