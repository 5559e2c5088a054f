/** What the store keeps about the 集体备课记录 of review meetings (migration 005). */

export interface MeetingRecord {
  id: string
  lessonId: string
  /** School-local `YYYY-MM-DD`, like the lesson's own date. */
  date: string
  /** School-local `HH:MM`. */
  startTime: string
  endTime: string
  place: string
  /** 课题 or 专题 of the meeting. */
  topic: string
  /** 主讲人 */
  presenterId: string
  /** In the order the record lists them. */
  attendeeIds: string[]
  /** 讨论纪要 */
  summary: string
  /** 形成共识 / 决定 */
  decisions: string
  createdBy: string
  createdAt: Date
  updatedBy: string
  updatedAt: Date
}

/** What the leader or the 主备人 writes down; an edit replaces all of it. */
export type MeetingFields = Pick<
  MeetingRecord,
  'date' | 'startTime' | 'endTime' | 'place' | 'topic' | 'presenterId' | 'attendeeIds' | 'summary' | 'decisions'
>

export interface NewMeeting extends MeetingFields {
  lessonId: string
  createdBy: string
}
