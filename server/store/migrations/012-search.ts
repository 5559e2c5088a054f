/**
 * The search index (docs/SEARCH.md): one entry per thing search finds (a document, a 定稿 version, a
 * 集体备课记录, a 听课记录), written by the indexer from stored state, never on the edit path. Entries
 * carry no foreign keys, so that deleting a lesson never waits on them; the indexer drops orphans.
 *
 * The terms (`shared/search/search-terms.ts`) are indexed as two streams: `grams` in reading order, for
 * phrases, and `chars`, single characters. SQLite keeps them in a contentless FTS5 table whose rowid is
 * the entry's id; PostgreSQL in two `tsvector` columns ('simple' configuration) with GIN indexes.
 */
import { type Kysely, sql } from 'kysely'
import type { Store } from '../store.ts'

// Untyped on purpose: a migration describes the schema as it was, see migrate.ts.
export async function up(db: Kysely<unknown>, dialect: Store['dialect']): Promise<void> {
  const postgres = dialect === 'postgres'
  await db.schema
    .createTable('search_entries')
    .addColumn('id', postgres ? 'bigint' : 'integer', (c) =>
      postgres ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey(),
    )
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('stamp', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('school_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text')
    .addColumn('lesson_id', 'text')
    .addColumn('document_id', 'text')
    .addColumn('version_number', 'integer')
    .addColumn('observer_id', 'text')
    .addColumn('observed_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('dated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('search_entries_source', ['source', 'source_id'])
    .execute()
  await db.schema.createIndex('search_entries_school').on('search_entries').columns(['school_id', 'kind']).execute()
  if (postgres) {
    await sql`alter table search_entries add column grams tsvector not null, add column chars tsvector not null`.execute(
      db,
    )
    await sql`create index search_entries_grams on search_entries using gin (grams)`.execute(db)
    await sql`create index search_entries_chars on search_entries using gin (chars)`.execute(db)
  } else {
    await sql`create virtual table search_fts using fts5(grams, chars, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(
      db,
    )
  }
}
