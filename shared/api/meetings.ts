/**
 * JSON shapes of the 集体备课记录 API (`server/http/routes/meeting-routes.ts`), shared by the server
 * (validation, OpenAPI) and the client (types).
 */
import { z } from 'zod'
import { decision, localDate, localTime, person } from './lessons.ts'

export const meetingTime = z.object({ date: localDate, startTime: localTime, endTime: localTime })
export type MeetingTimeInput = z.infer<typeof meetingTime>

/** What the leader or the 主备人 writes down. An edit sends all of it. */
export const meetingInput = meetingTime.extend({
  place: z.string().trim().max(60),
  topic: z.string().trim().min(1, '请填写课题或专题').max(100),
  presenterId: z.string().min(1, '请选择主讲人'),
  attendeeIds: z.array(z.string().min(1)).max(200),
  summary: z.string().max(20_000).describe('讨论纪要'),
  decisions: z.string().max(20_000).describe('形成共识 / 决定'),
})
export type MeetingInput = z.infer<typeof meetingInput>

/**
 * A new record: only the time is required. The place and topic default to the lesson's, the 主讲人 to
 * its 主备人, the attendees to who had the shared 导学案 open during the meeting.
 */
export const newMeetingInput = meetingInput.partial({
  place: true,
  topic: true,
  presenterId: true,
  attendeeIds: true,
  summary: true,
  decisions: true,
})
export type NewMeetingInput = z.infer<typeof newMeetingInput>

export const attendee = person.extend({
  minutesPresent: z
    .number()
    .int()
    .nullable()
    .describe('Minutes the shared 导学案 was open during the meeting (presence log); null if not at all'),
})
export type Attendee = z.infer<typeof attendee>

export const meetingRecord = z.object({
  id: z.string(),
  lessonId: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  place: z.string(),
  topic: z.string(),
  presenter: person,
  attendees: z.array(attendee),
  summary: z.string(),
  decisions: z.string(),
  createdBy: person,
  createdAt: z.string().describe('ISO 8601'),
  updatedBy: person,
  updatedAt: z.string().describe('ISO 8601'),
})
export type MeetingRecordView = z.infer<typeof meetingRecord>

/** The records of one lesson, and whether the signed-in user may write them. */
export const lessonMeetings = z.object({
  meetings: z.array(meetingRecord),
  record: decision,
  /** Who the form offers as 主讲人 and attendees: the group's teachers. */
  members: z.array(person),
  /** Defaults of a new record, from the lesson (四定). */
  defaults: z.object({ place: z.string(), topic: z.string(), presenterId: z.string() }),
})
export type LessonMeetings = z.infer<typeof lessonMeetings>

/** Who had the shared 导学案 open during a window, longest first: the attendee list to prefill. */
export const attendance = z.object({ attendees: z.array(attendee) })
export type AttendanceView = z.infer<typeof attendance>

/** One record as printed: with its lesson and the members who were not there. */
export const meetingSheet = z.object({
  meeting: meetingRecord,
  lesson: z.object({
    id: z.string(),
    title: z.string(),
    lessonType: z.string(),
    period: z.number(),
    semester: z.string(),
  }),
  groupName: z.string(),
  /** Members of the group not among the attendees (缺席). */
  absent: z.array(person),
  record: decision,
})
export type MeetingSheet = z.infer<typeof meetingSheet>
