/**
 * 集体备课记录 as the API shows them: names instead of ids, each attendee's minutes from the presence log
 * (read anew, so that a corrected meeting time corrects them too), and whether the reader may edit.
 */
import type { Actor } from '../../shared/access.ts'
import type { LessonMeetings, MeetingRecordView, MeetingSheet } from '../../shared/api/meetings.ts'
import type { Person } from '../../shared/api/lessons.ts'
import { decide } from '../../shared/workflow/lesson-rules.ts'
import type { LessonRecord } from '../store/lesson-records.ts'
import type { MeetingRecord } from '../store/meeting-records.ts'
import type { Store } from '../store/store.ts'
import { lessonContextOf } from '../workflow/lesson-context.ts'
import { type People, peopleOf, personOf } from '../versions/people.ts'
import { asView } from '../workflow/lesson-views.ts'
import { attendanceAt } from './attendance.ts'
import type { MeetingContext } from './meeting-steps.ts'

async function meetingView(context: MeetingContext, lesson: LessonRecord, meeting: MeetingRecord, people: People) {
  const attendance = await attendanceAt(context.store, context.presence, lesson, meeting)
  const minutes = new Map(attendance.map((a) => [a.userId, a.minutesPresent]))
  const view: MeetingRecordView = {
    id: meeting.id,
    lessonId: meeting.lessonId,
    date: meeting.date,
    startTime: meeting.startTime,
    endTime: meeting.endTime,
    place: meeting.place,
    topic: meeting.topic,
    presenter: personOf(people, meeting.presenterId),
    attendees: meeting.attendeeIds.map((id) => ({ ...personOf(people, id), minutesPresent: minutes.get(id) ?? null })),
    summary: meeting.summary,
    decisions: meeting.decisions,
    createdBy: personOf(people, meeting.createdBy),
    createdAt: meeting.createdAt.toISOString(),
    updatedBy: personOf(people, meeting.updatedBy),
    updatedAt: meeting.updatedAt.toISOString(),
  }
  return view
}

function idsIn(meetings: readonly MeetingRecord[]): string[] {
  return meetings.flatMap((m) => [m.presenterId, m.createdBy, m.updatedBy, ...m.attendeeIds])
}

/** The group's teachers, offered as 主讲人 and attendees. */
async function membersOf(store: Pick<Store, 'accounts' | 'groups'>, groupId: string): Promise<Person[]> {
  const members = await store.groups.listGroupMembers(groupId)
  return members.filter((user) => user.role !== 'guest').map(({ id, displayName }) => ({ id, displayName }))
}

export async function meetingViewOf(
  context: MeetingContext,
  meeting: MeetingRecord,
): Promise<MeetingRecordView | null> {
  const lesson = await context.store.lessons.findLesson(meeting.lessonId)
  if (!lesson) return null
  return meetingView(context, lesson, meeting, await peopleOf(context.store, idsIn([meeting])))
}

export async function lessonMeetingsOf(
  context: MeetingContext,
  lesson: LessonRecord,
  actor: Actor,
): Promise<LessonMeetings> {
  const { store } = context
  const [meetings, members, lessonContext] = await Promise.all([
    store.meetings.listMeetings([lesson.id]),
    membersOf(store, lesson.groupId),
    lessonContextOf(store, lesson),
  ])
  const people = await peopleOf(store, idsIn(meetings))
  return {
    meetings: await Promise.all(meetings.map((meeting) => meetingView(context, lesson, meeting, people))),
    record: asView(decide('recordMeeting', actor, lessonContext)),
    members,
    defaults: { place: lesson.place, topic: lesson.title, presenterId: lesson.leadPreparerId },
  }
}

export async function meetingSheetOf(
  context: MeetingContext,
  meeting: MeetingRecord,
  actor: Actor,
): Promise<MeetingSheet | null> {
  const { store } = context
  const lesson = await store.lessons.findLesson(meeting.lessonId)
  if (!lesson) return null
  const [members, group, lessonContext, people] = await Promise.all([
    membersOf(store, lesson.groupId),
    store.groups.findGroup(lesson.groupId),
    lessonContextOf(store, lesson),
    peopleOf(store, idsIn([meeting])),
  ])
  const present = new Set(meeting.attendeeIds)
  return {
    meeting: await meetingView(context, lesson, meeting, people),
    lesson: {
      id: lesson.id,
      title: lesson.title,
      lessonType: lesson.lessonType,
      period: lesson.period,
      semester: lesson.semester,
    },
    groupName: group?.name ?? '',
    absent: members.filter((member) => !present.has(member.id)),
    record: asView(decide('recordMeeting', actor, lessonContext)),
  }
}
