/**
 * A snapshot keeps the state vector it was written with, and a SHA-256 digest of its bytes. Opening a
 * compacted document then needs no parse of the whole snapshot to learn what a client lacks (about 40 ms
 * for 1 MB, most of a cold load on the server); the digest still refuses bytes that changed since they
 * were written. Snapshots written before have neither and are parsed as before.
 */
import type { Kysely } from 'kysely'
import type { Store } from '../store.ts'

// Untyped on purpose: a migration describes the schema as it was, see migrate.ts.
export async function up(db: Kysely<unknown>, dialect: Store['dialect']): Promise<void> {
  const binary = dialect === 'postgres' ? 'bytea' : 'blob'
  // One column per statement: SQLite adds only one at a time.
  await db.schema.alterTable('document_snapshots').addColumn('state_vector', binary).execute()
  await db.schema.alterTable('document_snapshots').addColumn('digest', 'text').execute()
}
