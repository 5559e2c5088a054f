/**
 * The 集体备课记录 form's state and its rules, kept out of the components so they are tested without a
 * browser: a new record's defaults, merging the attendees found in the presence log, what to send.
 */
import type { Person } from '../../../shared/api/lessons.ts'
import type { Attendee, LessonMeetings, MeetingInput, MeetingRecordView } from '../../../shared/api/meetings.ts'
import { meetingTimeProblem } from '../../../shared/meetings/meeting-window.ts'
import { localDateTime } from '../../../shared/workflow/lesson-schedule.ts'

export type MeetingDraft = MeetingInput

/**
 * A meeting is usually written down as it ends: by default it ends now (rounded up to five minutes, so
 * that whoever is online now is inside it) and began an hour before, within today.
 */
export function newMeetingDraft(defaults: LessonMeetings['defaults'], now = new Date()): MeetingDraft {
  const step = 5 * 60_000
  const endInstant = Math.ceil(now.getTime() / step) * step
  const today = localDateTime(now).date
  const end = localDateTime(new Date(endInstant))
  const start = localDateTime(new Date(endInstant - 60 * 60_000))
  return {
    date: today,
    startTime: start.date === today ? start.time : '00:00',
    endTime: end.date === today ? end.time : '23:59',
    place: defaults.place,
    topic: defaults.topic,
    presenterId: defaults.presenterId,
    attendeeIds: [],
    summary: '',
    decisions: '',
  }
}

export function draftOf(meeting: MeetingRecordView): MeetingDraft {
  return {
    date: meeting.date,
    startTime: meeting.startTime,
    endTime: meeting.endTime,
    place: meeting.place,
    topic: meeting.topic,
    presenterId: meeting.presenter.id,
    attendeeIds: meeting.attendees.map((attendee) => attendee.id),
    summary: meeting.summary,
    decisions: meeting.decisions,
  }
}

/** Adds who was online during the meeting to the attendees already ticked, keeping their order. */
export function withAttendance(draft: MeetingDraft, online: readonly Attendee[]): MeetingDraft {
  const ids = [...draft.attendeeIds]
  for (const attendee of online) if (!ids.includes(attendee.id)) ids.push(attendee.id)
  return { ...draft, attendeeIds: ids }
}

/**
 * Whom the form offers to tick: the group's teachers, then anyone else who attended (an invited
 * 教研员, a colleague of another group), so that nobody the record names is hidden.
 */
export function attendeeChoices(members: readonly Person[], others: readonly Person[]): Person[] {
  const choices = [...members]
  for (const person of others) if (!choices.some((choice) => choice.id === person.id)) choices.push(person)
  return choices
}

/** Why the draft cannot be saved yet, in the words shown next to the button; null when it can. */
export function draftProblem(draft: MeetingDraft): string | null {
  if (!draft.date || !draft.startTime || !draft.endTime) return '请填写日期和起止时间'
  const timeProblem = meetingTimeProblem(draft)
  if (timeProblem) return timeProblem
  if (draft.topic.trim() === '') return '请填写课题或专题'
  if (draft.presenterId === '') return '请选择主讲人'
  return null
}
