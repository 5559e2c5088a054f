/**
 * What the office needs to run a school without us: accounts that are disabled (never deleted, so their
 * plans and comments stay attributed), one-time passwords that must be changed, an end date for an
 * outside expert's access and the groups they are invited to (they are not members: they neither plan
 * nor appear among a group's teachers); a group's subject, grade and leader; sessions a teacher can list
 * and end; and the audit log of what the office did to whom.
 */
import { type Kysely, sql } from 'kysely'

// Untyped on purpose: a migration describes the schema as it was, see migrate.ts.
export async function up(db: Kysely<unknown>): Promise<void> {
  // One column per statement: SQLite adds only one at a time.
  await db.schema.alterTable('users').addColumn('disabled_at', 'bigint').execute()
  await db.schema
    .alterTable('users')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.alterTable('users').addColumn('access_until', 'bigint').execute()

  await db.schema
    .alterTable('groups')
    .addColumn('subject', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema
    .alterTable('groups')
    .addColumn('grade', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema
    .alterTable('groups')
    .addColumn('leader_id', 'text', (c) => c.references('users.id'))
    .execute()

  await db.schema
    .createTable('guest_groups')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('guest_groups_pk', ['user_id', 'group_id'])
    .execute()
  await db.schema.createIndex('guest_groups_group').on('guest_groups').column('group_id').execute()

  // A session is shown to its owner by this id, never by its token's hash.
  await db.schema.alterTable('sessions').addColumn('id', 'text').execute()
  await db.schema.alterTable('sessions').addColumn('created_at', 'bigint').execute()
  await db.schema.alterTable('sessions').addColumn('user_agent', 'text').execute()
  await sql`update sessions set id = token_hash`.execute(db)
  await db.schema.createIndex('sessions_id').on('sessions').column('id').execute()

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
    // Null when the first account was made from the command line or the first-run page.
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('target_group_id', 'text', (c) => c.references('groups.id'))
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('audit_log_school_at').on('audit_log').columns(['school_id', 'at']).execute()
}
