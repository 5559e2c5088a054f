/** The search area of the store over SQL; the dialect decides only how terms are written and matched. */
import type { Kysely } from 'kysely'
import type { Database } from '../database-schema.ts'
import type { SqlDialect } from '../migrate.ts'
import * as search from '../search-queries.ts'
import type { SearchScope } from '../../../shared/search/search-scope.ts'
import type {
  SearchEntryWrite,
  SearchFilterValues,
  SearchMatches,
  SearchRequest,
  StaleSearchFilter,
  StaleSearchSource,
} from '../search-records.ts'
import type { SearchStore } from '../store.ts'

export class SqlSearchStore implements SearchStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: SqlDialect,
  ) {}

  listStaleSearchSources(limit: number, filter?: StaleSearchFilter): Promise<StaleSearchSource[]> {
    return search.listStaleSearchSources(this.db, limit, filter)
  }

  putSearchEntries(entries: readonly SearchEntryWrite[]): Promise<void> {
    return search.putSearchEntries(this.db, this.dialect, entries)
  }

  deleteOrphanSearchEntries(): Promise<number> {
    return search.deleteOrphanSearchEntries(this.db, this.dialect)
  }

  findSearchMatches(request: SearchRequest): Promise<SearchMatches> {
    return search.findSearchMatches(this.db, this.dialect, request)
  }

  searchFilterValues(scope: SearchScope): Promise<SearchFilterValues> {
    return search.searchFilterValues(this.db, scope)
  }

  searchEntryBodies(ids: readonly number[]): Promise<Map<number, string>> {
    return search.searchEntryBodies(this.db, ids)
  }
}
