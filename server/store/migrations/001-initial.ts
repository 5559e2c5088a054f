/**
 * Accounts, groups, sessions and documents with their update log.
 *
 * Sequence numbers of `document_updates` count per document. On PostgreSQL an append bumps
 * `documents.last_seq` and inserts its rows in the same transaction, so appends to one document are
 * serialized by that row and a document's sequence numbers commit in order; SQLite has one writer, so
 * there an append continues from the larger of `last_seq` and the log's highest number, and compaction
 * raises `last_seq` over the rows it deletes. Compaction relies on this: once it has seen update N, no
 * update below N can still appear, so deleting everything up to N never deletes an update the snapshot
 * does not contain. (A global identity column would be cheaper to allocate, but in PostgreSQL its values
 * can commit out of order.)
 */
import { type Kysely, sql } from 'kysely'
import type { Store } from '../store.ts'

// Untyped on purpose: a migration describes the schema as it was, see migrate.ts.
export async function up(db: Kysely<unknown>, dialect: Store['dialect']): Promise<void> {
  const binary = dialect === 'postgres' ? 'bytea' : 'blob'

  await db.schema
    .createTable('schools')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('color', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint('users_role_check', sql`role in ('admin', 'leader', 'teacher', 'guest')`)
    .execute()

  await db.schema
    .createTable('groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('groups_school_name_unique', ['school_id', 'name'])
    // Target of the documents' (group, school) foreign key.
    .addUniqueConstraint('groups_id_school_unique', ['id', 'school_id'])
    .execute()

  await db.schema
    .createTable('group_members')
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('group_members_pk', ['group_id', 'user_id'])
    .execute()
  await db.schema.createIndex('group_members_user').on('group_members').column('user_id').execute()

  await db.schema
    .createTable('mentorships')
    .addColumn('mentor_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('apprentice_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('mentorships_pk', ['mentor_id', 'apprentice_id'])
    .addCheckConstraint('mentorships_distinct_check', sql`mentor_id <> apprentice_id`)
    .execute()
  await db.schema.createIndex('mentorships_apprentice').on('mentorships').column('apprentice_id').execute()

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint('sessions_kind_check', sql`kind in ('cookie', 'ws')`)
    .execute()
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute()
  await db.schema.createIndex('sessions_expires_at').on('sessions').column('expires_at').execute()

  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seq', 'bigint', (c) => c.notNull().defaultTo(0))
    // A document's school is always its group's school.
    .addForeignKeyConstraint('documents_group_fk', ['group_id', 'school_id'], 'groups', ['id', 'school_id'])
    .execute()
  await db.schema.createIndex('documents_school').on('documents').column('school_id').execute()

  await db.schema
    .createTable('document_updates')
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('data', binary, (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_updates_pk', ['document_id', 'seq'])
    .execute()

  await db.schema
    .createTable('document_snapshots')
    .addColumn('document_id', 'text', (c) => c.primaryKey().references('documents.id').onDelete('cascade'))
    .addColumn('data', binary, (c) => c.notNull())
    .addColumn('upto_seq', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()
}
