/**
 * Search ranks every match in the query itself (SEARCH-6): each entry keeps its title as ranking compares
 * it (`normalized_title`: NFKC, lower case, as query words are). Ranking reads every match's date and
 * title; a SQLite row holds its body (thousands of characters, on overflow pages), so reading ten thousand
 * rows to rank them was the cost of a broad query. SQLite gets an index holding every column the ranking
 * and the scope read, so a search reads the index and never the rows it does not show. PostgreSQL keeps
 * a long body out of the row by itself (TOAST).
 */
import { type Kysely, sql } from 'kysely'
import { normalizeText } from '../../../shared/search/search-terms.ts'
import type { Store } from '../store.ts'

// Untyped on purpose: a migration describes the schema as it was, see migrate.ts.
export async function up(db: Kysely<unknown>, dialect: Store['dialect']): Promise<void> {
  await sql`alter table search_entries add column normalized_title text not null default ''`.execute(db)
  // The terms are unchanged: entries keep their stamps, and only their titles are normalized here.
  const entries = await sql<{ id: number; title: string }>`select id, title from search_entries`.execute(db)
  for (const { id, title } of entries.rows) {
    await sql`update search_entries set normalized_title = ${normalizeText(title)} where id = ${id}`.execute(db)
  }
  if (dialect === 'sqlite') {
    // It begins with what `search_entries_school` held, which the planner might otherwise take instead.
    await db.schema.dropIndex('search_entries_school').execute()
    await db.schema
      .createIndex('search_entries_rank')
      .on('search_entries')
      .columns([
        'school_id',
        'dated_at',
        'kind',
        'group_id',
        'observer_id',
        'observed_id',
        'version_number',
        'source',
        'source_id',
        'lesson_id',
        'normalized_title',
      ])
      .execute()
  }
}
