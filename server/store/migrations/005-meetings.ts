/**
 * The presence log (who had which document open when) and the 集体备课记录 of review meetings.
 *
 * A presence entry is written when a connection joins a document's room and gets `left_at` when it
 * closes. `run_id` names the server run holding the connection; its heartbeat bumps `seen_at` of the
 * run's open entries, so an entry left open by a crash can be bounded when it is read.
 *
 * A meeting record keeps its date and times as the school's local text, like `lessons` (migration 002);
 * its attendees are users, listed in the order the record gives them.
 */
import { type Kysely, sql } from 'kysely'

// Untyped on purpose: a migration describes the schema as it was, see migrate.ts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('document_presence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'bigint', (c) => c.notNull())
    .addColumn('left_at', 'bigint')
    .addColumn('seen_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('document_presence_document_joined')
    .on('document_presence')
    .columns(['document_id', 'joined_at'])
    .execute()
  // The heartbeat and the shutdown touch only a run's open entries.
  await db.schema
    .createIndex('document_presence_open_run')
    .on('document_presence')
    .column('run_id')
    .where(sql.ref('left_at'), 'is', null)
    .execute()

  await db.schema
    .createTable('lesson_meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('lesson_id', 'text', (c) => c.notNull().references('lessons.id').onDelete('cascade'))
    .addColumn('meeting_date', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('presenter_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('decisions', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('lesson_meetings_lesson').on('lesson_meetings').column('lesson_id').execute()

  await db.schema
    .createTable('lesson_meeting_attendees')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('lesson_meetings.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('lesson_meeting_attendees_pk', ['meeting_id', 'user_id'])
    .execute()
}
