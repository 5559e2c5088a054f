/**
 * The inbox: one row per notification of one user, its text written when it was made.
 * Reading the inbox asks for a user's newest rows and counts their unread ones, so both have an index;
 * a notification goes with its user, document or lesson.
 */
import { type Kysely, sql } from 'kysely'

// Untyped on purpose: a migration describes the schema as it was, see migrate.ts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.references('documents.id').onDelete('cascade'))
    .addColumn('lesson_id', 'text', (c) => c.references('lessons.id').onDelete('cascade'))
    .addColumn('thread_id', 'text')
    .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('read_at', 'bigint')
    .execute()
  await db.schema
    .createIndex('notifications_user_latest')
    .on('notifications')
    .columns(['user_id', 'created_at', 'id'])
    .execute()
  await db.schema
    .createIndex('notifications_user_unread')
    .on('notifications')
    .column('user_id')
    .where(sql.ref('read_at'), 'is', null)
    .execute()
}
