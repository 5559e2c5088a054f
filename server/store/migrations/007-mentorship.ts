/**
 * 师徒结对 and 听课记录.
 *
 * A mentorship now says who paired the two and when; pairs from before this migration (the demo's)
 * have neither. Unpairing deletes the row: the counts of a pair are read from the threads and the
 * observation records, which stay, so pairing the two again shows their history again.
 *
 * An observation (听课记录) is one lesson a teacher watched: the observer, the teacher observed, the
 * lesson of the 备课计划 when there is one (a lesson may also be outside it, so the 课题 is kept as
 * text), the school-local date like `lessons`, and the four parts of the form.
 */
import { type Kysely, sql } from 'kysely'

// Untyped on purpose: a migration describes the schema as it was, see migrate.ts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('mentorships')
    .addColumn('paired_by', 'text', (c) => c.references('users.id'))
    .execute()
  await db.schema.alterTable('mentorships').addColumn('paired_at', 'bigint').execute()

  await db.schema
    .createTable('observations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
    .addColumn('observer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('observed_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('lesson_id', 'text', (c) => c.references('lessons.id').onDelete('set null'))
    .addColumn('observed_on', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('strengths', 'text', (c) => c.notNull())
    .addColumn('problems', 'text', (c) => c.notNull())
    .addColumn('suggestions', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint('observations_distinct_check', sql`observer_id <> observed_id`)
    .execute()
  await db.schema
    .createIndex('observations_observer')
    .on('observations')
    .columns(['observer_id', 'observed_on'])
    .execute()
  await db.schema
    .createIndex('observations_observed')
    .on('observations')
    .columns(['observed_id', 'observed_on'])
    .execute()
}
