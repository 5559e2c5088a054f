/**
 * Queries of the 集体备课记录 (`lesson_meetings`, `lesson_meeting_attendees`, migration 005), used by
 * the repositories in `sql/` in both dialects.
 */
import { randomUUID } from 'node:crypto'
import type { Kysely, Selectable, Transaction } from 'kysely'
import type { Database, LessonMeetingsTable } from './database-schema.ts'
import type { MeetingFields, MeetingRecord, NewMeeting } from './meeting-records.ts'

export async function createMeeting(db: Kysely<Database>, meeting: NewMeeting): Promise<MeetingRecord> {
  const now = new Date()
  const record: MeetingRecord = {
    id: randomUUID(),
    lessonId: meeting.lessonId,
    ...fieldsOf(meeting),
    createdBy: meeting.createdBy,
    createdAt: now,
    updatedBy: meeting.createdBy,
    updatedAt: now,
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('lesson_meetings')
      .values({
        id: record.id,
        lesson_id: record.lessonId,
        ...columnsOf(record),
        created_by: record.createdBy,
        created_at: now.getTime(),
        updated_by: record.updatedBy,
        updated_at: now.getTime(),
      })
      .execute()
    await insertAttendees(trx, record.id, record.attendeeIds)
  })
  return record
}

export async function updateMeeting(
  db: Kysely<Database>,
  id: string,
  fields: MeetingFields,
  by: string,
): Promise<MeetingRecord | null> {
  const now = Date.now()
  const updated = await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('lesson_meetings')
      .set({ ...columnsOf(fields), updated_by: by, updated_at: now })
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst()
    if (row === undefined) return false
    await trx.deleteFrom('lesson_meeting_attendees').where('meeting_id', '=', id).execute()
    await insertAttendees(trx, id, fields.attendeeIds)
    return true
  })
  return updated ? findMeeting(db, id) : null
}

export async function findMeeting(db: Kysely<Database>, id: string): Promise<MeetingRecord | null> {
  const [meeting] = await meetingsWhere(db, 'id', [id])
  return meeting ?? null
}

/** The records of these lessons, each lesson's in the order the meetings took place. */
export function listMeetings(db: Kysely<Database>, lessonIds: readonly string[]): Promise<MeetingRecord[]> {
  return meetingsWhere(db, 'lesson_id', lessonIds)
}

async function meetingsWhere(
  db: Kysely<Database>,
  column: 'id' | 'lesson_id',
  values: readonly string[],
): Promise<MeetingRecord[]> {
  if (values.length === 0) return []
  const rows = await db
    .selectFrom('lesson_meetings')
    .selectAll()
    .where(column, 'in', values)
    .orderBy('lesson_id')
    .orderBy('meeting_date')
    .orderBy('start_time')
    .orderBy('created_at')
    .execute()
  if (rows.length === 0) return []
  const attendees = await db
    .selectFrom('lesson_meeting_attendees')
    .select(['meeting_id', 'user_id'])
    .where(
      'meeting_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('meeting_id')
    .orderBy('position')
    .execute()
  const attendeesOf = new Map<string, string[]>()
  for (const { meeting_id, user_id } of attendees) {
    attendeesOf.set(meeting_id, [...(attendeesOf.get(meeting_id) ?? []), user_id])
  }
  return rows.map((row) => toMeeting(row, attendeesOf.get(row.id) ?? []))
}

async function insertAttendees(
  trx: Transaction<Database>,
  meetingId: string,
  userIds: readonly string[],
): Promise<void> {
  const distinct = [...new Set(userIds)]
  if (distinct.length === 0) return
  await trx
    .insertInto('lesson_meeting_attendees')
    .values(distinct.map((userId, position) => ({ meeting_id: meetingId, user_id: userId, position })))
    .execute()
}

function fieldsOf(meeting: MeetingFields): MeetingFields {
  const { date, startTime, endTime, place, topic, presenterId, summary, decisions } = meeting
  return {
    date,
    startTime,
    endTime,
    place,
    topic,
    presenterId,
    attendeeIds: [...new Set(meeting.attendeeIds)],
    summary,
    decisions,
  }
}

function columnsOf(meeting: MeetingFields) {
  return {
    meeting_date: meeting.date,
    start_time: meeting.startTime,
    end_time: meeting.endTime,
    place: meeting.place,
    topic: meeting.topic,
    presenter_id: meeting.presenterId,
    summary: meeting.summary,
    decisions: meeting.decisions,
  }
}

function toMeeting(row: Selectable<LessonMeetingsTable>, attendeeIds: string[]): MeetingRecord {
  return {
    id: row.id,
    lessonId: row.lesson_id,
    date: row.meeting_date,
    startTime: row.start_time,
    endTime: row.end_time,
    place: row.place,
    topic: row.topic,
    presenterId: row.presenter_id,
    attendeeIds,
    summary: row.summary,
    decisions: row.decisions,
    createdBy: row.created_by,
    createdAt: new Date(Number(row.created_at)),
    updatedBy: row.updated_by,
    updatedAt: new Date(Number(row.updated_at)),
  }
}
