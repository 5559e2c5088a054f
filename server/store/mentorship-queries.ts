/**
 * Queries of 师徒结对 (`mentorships`) and 听课记录 (`observations`, migration 007), used by the repositories in `sql/`
 * in both dialects.
 */
import { randomUUID } from 'node:crypto'
import { type Kysely, type Selectable, sql } from 'kysely'
import type { Database, ObservationsTable } from './database-schema.ts'
import type { MentorshipRecord, NewObservation, ObservationRecord } from './mentorship-records.ts'

/** False if the two were already paired (the first pairing's record stays). */
export async function addMentorship(
  db: Kysely<Database>,
  mentorId: string,
  apprenticeId: string,
  pairedBy: string | null,
): Promise<boolean> {
  const inserted = await db
    .insertInto('mentorships')
    .values({ mentor_id: mentorId, apprentice_id: apprenticeId, paired_by: pairedBy, paired_at: Date.now() })
    .onConflict((conflict) => conflict.columns(['mentor_id', 'apprentice_id']).doNothing())
    .returning('mentor_id')
    .executeTakeFirst()
  return inserted !== undefined
}

export async function removeMentorship(db: Kysely<Database>, mentorId: string, apprenticeId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('mentorships')
    .where('mentor_id', '=', mentorId)
    .where('apprentice_id', '=', apprenticeId)
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

/** The school's pairs, oldest pairing first (pairs of unknown date before them). */
export async function listMentorships(db: Kysely<Database>, schoolId: string): Promise<MentorshipRecord[]> {
  const rows = await db
    .selectFrom('mentorships')
    .innerJoin('users', 'users.id', 'mentorships.apprentice_id')
    .select(['mentor_id', 'apprentice_id', 'paired_by', 'paired_at'])
    .where('users.school_id', '=', schoolId)
    .orderBy(sql`coalesce(paired_at, 0)`)
    .orderBy('mentor_id')
    .orderBy('apprentice_id')
    .execute()
  return rows.map((row) => ({
    mentorId: row.mentor_id,
    apprenticeId: row.apprentice_id,
    pairedBy: row.paired_by,
    pairedAt: row.paired_at === null ? null : new Date(Number(row.paired_at)),
  }))
}

export async function createObservation(db: Kysely<Database>, observation: NewObservation): Promise<ObservationRecord> {
  const record: ObservationRecord = { ...observation, id: randomUUID(), createdAt: new Date() }
  await db
    .insertInto('observations')
    .values({
      id: record.id,
      school_id: record.schoolId,
      observer_id: record.observerId,
      observed_id: record.observedId,
      lesson_id: record.lessonId,
      observed_on: record.date,
      topic: record.topic,
      notes: record.notes,
      strengths: record.strengths,
      problems: record.problems,
      suggestions: record.suggestions,
      created_at: record.createdAt.getTime(),
    })
    .execute()
  return record
}

/** Observations either of the two made of the other, by date, then in the order they were written. */
export async function listObservationsBetween(
  db: Kysely<Database>,
  userId: string,
  otherId: string,
): Promise<ObservationRecord[]> {
  const rows = await db
    .selectFrom('observations')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('observer_id', '=', userId), eb('observed_id', '=', otherId)]),
        eb.and([eb('observer_id', '=', otherId), eb('observed_id', '=', userId)]),
      ]),
    )
    .orderBy('observed_on')
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map(toObservation)
}

function toObservation(row: Selectable<ObservationsTable>): ObservationRecord {
  return {
    id: row.id,
    schoolId: row.school_id,
    observerId: row.observer_id,
    observedId: row.observed_id,
    lessonId: row.lesson_id,
    date: row.observed_on,
    topic: row.topic,
    notes: row.notes,
    strengths: row.strengths,
    problems: row.problems,
    suggestions: row.suggestions,
    createdAt: new Date(Number(row.created_at)),
  }
}
