/**
 * The 资源库's lineage: which 定稿 a lesson's 初稿 was started from (以此为底稿). One source per lesson;
 * its source lesson is kept beside the version so that "what was built on this lesson" is one indexed
 * read. Versions are never deleted, so the source stays; a draft deleted from the plan takes its row.
 */
import type { Kysely } from 'kysely'

// Untyped on purpose: a migration describes the schema as it was, see migrate.ts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('lesson_sources')
    .addColumn('lesson_id', 'text', (c) => c.primaryKey().references('lessons.id').onDelete('cascade'))
    .addColumn('version_id', 'text', (c) => c.notNull().references('lesson_versions.id'))
    .addColumn('source_lesson_id', 'text', (c) => c.notNull().references('lessons.id'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('lesson_sources_source').on('lesson_sources').column('source_lesson_id').execute()
}
