/** The meetings area of the store over SQL, shared by both dialects. */
import type { Kysely } from 'kysely'
import * as meetings from '../meeting-queries.ts'
import type { Database } from '../database-schema.ts'
import type { MeetingFields, MeetingRecord, NewMeeting } from '../meeting-records.ts'
import type { MeetingStore } from '../store.ts'

export class SqlMeetingStore implements MeetingStore {
  constructor(private readonly db: Kysely<Database>) {}

  // — 集体备课记录 —
  createMeeting(meeting: NewMeeting): Promise<MeetingRecord> {
    return meetings.createMeeting(this.db, meeting)
  }

  updateMeeting(id: string, fields: MeetingFields, by: string): Promise<MeetingRecord | null> {
    return meetings.updateMeeting(this.db, id, fields, by)
  }

  findMeeting(id: string): Promise<MeetingRecord | null> {
    return meetings.findMeeting(this.db, id)
  }

  listMeetings(lessonIds: readonly string[]): Promise<MeetingRecord[]> {
    return meetings.listMeetings(this.db, lessonIds)
  }
}
