/**
 * Images of documents, stored apart from the Yjs state: the document holds only `/api/images/{id}`, so
 * its updates and every sync stay small. An image row is written once and never changed; `width` and
 * `height` are the pixels read from the file's header when it was checked, `content_type` the type its
 * bytes proved to be.
 */
import type { Kysely } from 'kysely'
import type { Store } from '../store.ts'

// Untyped on purpose: a migration describes the schema as it was, see migrate.ts.
export async function up(db: Kysely<unknown>, dialect: Store['dialect']): Promise<void> {
  const binary = dialect === 'postgres' ? 'bytea' : 'blob'
  await db.schema
    .createTable('images')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('bytes', binary, (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('images_document').on('images').column('document_id').execute()
}
