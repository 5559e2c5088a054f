/**
 * The search page's hash route, `#/search?q=<words>&subject=…`: the query and its filters live in the
 * address, so a search can be bookmarked, sent to a colleague and gone back to.
 */
import type { SearchQuery } from '../../../shared/api/search.ts'
import { searchKinds } from '../../../shared/search/search-kinds.ts'
import { lessonStages } from '../../../shared/workflow/stages.ts'

export interface SearchRoute {
  page: 'search'
  query: SearchQuery
}

const textFilters = ['subject', 'grade', 'semester', 'groupId', 'lessonType', 'leadPreparerId'] as const

export function parseSearchRoute(path: string): SearchRoute | null {
  const match = /^\/search(?:\?(.*))?$/.exec(path)
  if (!match) return null
  const params = new URLSearchParams(match[1] ?? '')
  const query: SearchQuery = { q: params.get('q') ?? '' }
  for (const name of textFilters) {
    const value = params.get(name)
    if (value) query[name] = value
  }
  const kind = searchKinds.find((known) => known === params.get('kind'))
  if (kind) query.kind = kind
  const stage = lessonStages.find((known) => known === params.get('stage'))
  if (stage) query.stage = stage
  return { page: 'search', query }
}

/** The query string of a search: the API's and the page's alike. */
export function searchParams(query: SearchQuery): URLSearchParams {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value)
  return params
}

export function searchHref(route: SearchRoute): string {
  return `#/search?${searchParams(route.query)}`
}
