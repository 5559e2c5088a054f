/** Search over HTTP (docs/SEARCH.md). */
import type { SearchFilterOptions, SearchQuery, SearchResponse } from '../../../shared/api/search.ts'
import { searchParams } from '../search/search-routes.ts'
import { apiRequest } from './http.ts'

export const searchDocuments = (query: SearchQuery, signal?: AbortSignal) =>
  apiRequest<SearchResponse>(`/api/search?${searchParams(query)}`, { signal })

export const fetchSearchFilters = () => apiRequest<SearchFilterOptions>('/api/search/filters')
