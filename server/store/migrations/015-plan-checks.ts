/**
 * 教案检查: the office's check of one teacher's plans for one semester, a grade and a comment ([CHECK-2]).
 * One row per teacher and semester: checking again replaces it, and the audit log keeps what it was.
 */
import type { Kysely } from 'kysely'

// Untyped on purpose: a migration describes the schema as it was, see migrate.ts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('plan_checks')
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
    .addColumn('teacher_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('semester', 'text', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('checked_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('checked_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_checks_pk', ['teacher_id', 'semester'])
    .execute()
  await db.schema.createIndex('plan_checks_school').on('plan_checks').columns(['school_id', 'semester']).execute()
}
