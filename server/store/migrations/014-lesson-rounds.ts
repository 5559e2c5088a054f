/**
 * 磨课 rounds (LIBRARY-8): the start of each round after the first, with the 定稿 it started from. The
 * first round began with the lesson and needs no row; a round's own 定稿 is read from the versions.
 */
import { type Kysely, sql } from 'kysely'

// Untyped on purpose: a migration describes the schema as it was, see migrate.ts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('lesson_rounds')
    .addColumn('lesson_id', 'text', (c) => c.notNull().references('lessons.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('base_version_id', 'text', (c) => c.notNull().references('lesson_versions.id'))
    .addColumn('started_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('lesson_rounds_pk', ['lesson_id', 'number'])
    .addCheckConstraint('lesson_rounds_number_check', sql`number >= 2`)
    .execute()
}
