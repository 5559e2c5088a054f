/**
 * 定稿 versions of a lesson's shared 导学案, teachers' 二次备课 adaptations with the conflicts a pull
 * flagged, and the passages 课后反思 point at.
 *
 * A version is the full Yjs state of the shared plan when it was finalized; rows are only ever
 * inserted: the store has no method to change or delete one, and the database refuses it too, so that
 * no later code path can quietly rewrite what the group agreed on. A lesson with versions cannot be
 * deleted. Adaptations, reflections and variants are documents with `documents.lesson_id` set; an
 * adaptation's row says which version it is based on, i.e. which version it last took in. A teacher
 * has at most one adaptation and one reflection per lesson.
 */
import { type Kysely, sql } from 'kysely'
import type { Store } from '../store.ts'

// Untyped on purpose: a migration describes the schema as it was, see migrate.ts.
export async function up(db: Kysely<unknown>, dialect: Store['dialect']): Promise<void> {
  const binary = dialect === 'postgres' ? 'bytea' : 'blob'

  await db.schema
    .createTable('lesson_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('lesson_id', 'text', (c) => c.notNull().references('lessons.id'))
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('state', binary, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('lesson_versions_number_unique', ['lesson_id', 'number'])
    .execute()
  await refuseChangesToVersions(db, dialect)

  await db.schema
    .createIndex('documents_one_per_teacher')
    .on('documents')
    .columns(['lesson_id', 'kind', 'created_by'])
    .unique()
    .where(sql.ref('kind'), 'in', ['adaptation', 'reflection'])
    .execute()

  await db.schema
    .createTable('adaptations')
    .addColumn('document_id', 'text', (c) => c.primaryKey().references('documents.id').onDelete('cascade'))
    .addColumn('lesson_id', 'text', (c) => c.notNull().references('lessons.id').onDelete('cascade'))
    .addColumn('base_version_id', 'text', (c) => c.notNull().references('lesson_versions.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('pulled_at', 'bigint')
    .execute()
  await db.schema.createIndex('adaptations_lesson').on('adaptations').column('lesson_id').execute()

  await db.schema
    .createTable('adaptation_conflicts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('adaptations.document_id').onDelete('cascade'))
    .addColumn('to_version_id', 'text', (c) => c.notNull().references('lesson_versions.id'))
    .addColumn('block_key', 'text', (c) => c.notNull())
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('base_text', 'text', (c) => c.notNull())
    // ProseMirror JSON of the passage; null where that side deleted it.
    .addColumn('mine_json', 'text')
    .addColumn('shared_json', 'text')
    .addColumn('after_key', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('resolved_by', 'text', (c) => c.references('users.id'))
    .addColumn('resolved_at', 'bigint')
    .addCheckConstraint('adaptation_conflicts_status_check', sql`status in ('open', 'mine', 'shared', 'done')`)
    .execute()
  await db.schema
    .createIndex('adaptation_conflicts_document')
    .on('adaptation_conflicts')
    .column('document_id')
    .execute()

  await db.schema
    .createTable('reflection_references')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reflection_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('source_document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('block_key', 'text', (c) => c.notNull())
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('quote', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('reflection_references_reflection')
    .on('reflection_references')
    .column('reflection_id')
    .execute()
}

async function refuseChangesToVersions(db: Kysely<unknown>, dialect: Store['dialect']): Promise<void> {
  if (dialect === 'sqlite') {
    for (const event of ['update', 'delete']) {
      await sql`create trigger ${sql.raw(`lesson_versions_no_${event}`)} before ${sql.raw(event)} on lesson_versions
        begin select raise(abort, 'lesson versions are immutable'); end`.execute(db)
    }
    return
  }
  await sql`create function lesson_versions_immutable() returns trigger language plpgsql as $$
    begin raise exception 'lesson versions are immutable'; end $$`.execute(db)
  await sql`create trigger lesson_versions_immutable before update or delete on lesson_versions
    for each row execute function lesson_versions_immutable()`.execute(db)
}
