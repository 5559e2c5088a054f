/** The mentorships area of the store over SQL, shared by both dialects. */
import type { Kysely } from 'kysely'
import * as mentorships from '../mentorship-queries.ts'
import type { Database } from '../database-schema.ts'
import type { MentorshipRecord, NewObservation, ObservationRecord } from '../mentorship-records.ts'
import type { MentorshipStore } from '../store.ts'

export class SqlMentorshipStore implements MentorshipStore {
  constructor(private readonly db: Kysely<Database>) {}

  addMentorship(mentorId: string, apprenticeId: string, pairedBy?: string): Promise<boolean> {
    return mentorships.addMentorship(this.db, mentorId, apprenticeId, pairedBy ?? null)
  }

  async mentorIdsOf(apprenticeId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('mentorships')
      .select('mentor_id')
      .where('apprentice_id', '=', apprenticeId)
      .execute()
    return rows.map((row) => row.mentor_id)
  }

  removeMentorship(mentorId: string, apprenticeId: string): Promise<boolean> {
    return mentorships.removeMentorship(this.db, mentorId, apprenticeId)
  }

  listMentorships(schoolId: string): Promise<MentorshipRecord[]> {
    return mentorships.listMentorships(this.db, schoolId)
  }

  createObservation(observation: NewObservation): Promise<ObservationRecord> {
    return mentorships.createObservation(this.db, observation)
  }

  listObservationsBetween(userId: string, otherId: string): Promise<ObservationRecord[]> {
    return mentorships.listObservationsBetween(this.db, userId, otherId)
  }
}
