/**
 * Lessons of the 备课计划 (四定: date and time, place, 课题, 主备人), their stage in the 集体备课 loop and
 * every move between stages.
 *
 * A lesson and its shared 导学案 point at each other: `lessons.document_id` is the shared plan, and
 * `documents.lesson_id` ties every document of the lesson (the plan, later adaptations and reflections)
 * to it. Deleting a lesson deletes its documents; the rules allow that only before the review.
 * Dates and times are the school's local ones as text (`2026-11-24`, `14:00`), see lesson-schedule.ts.
 * `live_review_open` is 0 or 1: better-sqlite3 cannot bind booleans.
 */
import { type Kysely, sql } from 'kysely'

// Untyped on purpose: a migration describes the schema as it was, see migrate.ts.
export async function up(db: Kysely<unknown>): Promise<void> {
  const stages = sql`('draft', 'review', 'finalized', 'adapting', 'reflecting', 'archived')`

  await db.schema
    .createTable('lessons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('semester', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('lesson_type', 'text', (c) => c.notNull())
    .addColumn('period', 'integer', (c) => c.notNull())
    .addColumn('scheduled_date', 'text', (c) => c.notNull())
    .addColumn('scheduled_time', 'text')
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('lead_preparer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('document_id', 'text', (c) => c.notNull().unique().references('documents.id'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('live_review_open', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addForeignKeyConstraint('lessons_group_fk', ['group_id', 'school_id'], 'groups', ['id', 'school_id'])
    .addCheckConstraint('lessons_stage_check', sql`stage in ${stages}`)
    .execute()
  await db.schema.createIndex('lessons_group_semester').on('lessons').columns(['group_id', 'semester']).execute()
  await db.schema.createIndex('lessons_lead_preparer').on('lessons').column('lead_preparer_id').execute()

  await db.schema
    .alterTable('documents')
    .addColumn('lesson_id', 'text', (c) => c.references('lessons.id').onDelete('cascade'))
    .execute()
  await db.schema.createIndex('documents_lesson').on('documents').column('lesson_id').execute()

  await db.schema
    .createTable('lesson_stage_events')
    .addColumn('lesson_id', 'text', (c) => c.notNull().references('lessons.id').onDelete('cascade'))
    // Counts the lesson's moves from 1, so that two moves within one millisecond keep their order.
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('from_stage', 'text', (c) => c.notNull())
    .addColumn('to_stage', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('lesson_stage_events_pk', ['lesson_id', 'seq'])
    .addCheckConstraint('lesson_stage_events_from_check', sql`from_stage in ${stages}`)
    .addCheckConstraint('lesson_stage_events_to_check', sql`to_stage in ${stages}`)
    .execute()
}
