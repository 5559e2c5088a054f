/**
 * A teacher's search (SEARCH-3 to SEARCH-7): the query's terms, within what the user may read, ranked by
 * the shared rule in the store's query, the first page with snippets read from the index.
 */
import type { Actor } from '../../shared/access.ts'
import type { SearchQuery, SearchResponse, SearchResult } from '../../shared/api/search.ts'
import { searchScope } from '../../shared/search/search-scope.ts'
import { snippetOf } from '../../shared/search/search-snippet.ts'
import { isEmptyQuery, queryTerms, queryWords } from '../../shared/search/search-terms.ts'
import type { Store } from '../store/store.ts'

/** Matches counted in `total`; a query matching more is too broad to page through anyway. */
export const maxSearchCandidates = 1000
export const searchPageSize = 20

/** Null when the query holds no word to search for. */
export async function search(
  store: Pick<Store, 'search'>,
  actor: Actor,
  query: SearchQuery,
): Promise<SearchResponse | null> {
  const terms = queryTerms(query.q)
  if (isEmptyQuery(terms)) return null
  const { q: _, ...filters } = query
  const words = queryWords(query.q)
  const { total, page } = await store.search.findSearchMatches({
    terms,
    words,
    scope: searchScope(actor),
    filters,
    countLimit: maxSearchCandidates,
    pageSize: searchPageSize,
  })
  const bodies = await store.search.searchEntryBodies(page.map((candidate) => candidate.id))
  const results = page.map((candidate): SearchResult => {
    const result: SearchResult = {
      documentId: candidate.documentId,
      lessonId: candidate.lessonId,
      title: candidate.title,
      groupName: candidate.groupName,
      kind: candidate.kind,
      stage: candidate.stage,
      snippet: snippetOf(bodies.get(candidate.id) ?? '', words),
    }
    if (candidate.versionNumber !== null) result.versionLabel = `v${candidate.versionNumber}`
    return result
  })
  return { total, results }
}
