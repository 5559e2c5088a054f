/** What the search area stores and answers (migration 012, docs/SEARCH.md). */
import type { SearchScope } from '../../shared/search/search-scope.ts'
import type { SearchKind } from '../../shared/search/search-kinds.ts'
import type { IndexTerms, QueryTerms } from '../../shared/search/search-terms.ts'
import type { LessonStage } from '../../shared/workflow/stages.ts'

export const searchSources = ['document', 'version', 'meeting', 'observation'] as const
export type SearchSource = (typeof searchSources)[number]

/** Something to (re)index: its entry is missing or was written from an older state of it. */
export interface StaleSearchSource {
  source: SearchSource
  sourceId: string
  /** What the source is now; stored with the entry. */
  stamp: string
  kind: SearchKind
  schoolId: string
  groupId: string | null
  lessonId: string | null
  documentId: string | null
  versionNumber: number | null
  observerId: string | null
  observedId: string | null
  title: string
  /** The text of a 集体备课记录 or 听课记录, field by field; empty for a document or version (its content is Yjs). */
  fields: string[]
  /** When it was made or last changed, ms since the epoch: ranks the newest first. */
  datedAt: number
}

/** Which sources a stale scan looks at (SEARCH-9, SEARCH-10); by default all of them. */
export interface StaleSearchFilter {
  /** Only these documents, and no other source: the ones whose writes were announced. */
  documentIds?: readonly string[] | undefined
  /** Not these documents: indexed too recently to be read again yet. */
  skipDocumentIds?: readonly string[] | undefined
}

export type SearchEntryWrite = Omit<StaleSearchSource, 'fields'> & { body: string; terms: IndexTerms }

/** Filters of a search, all optional (SEARCH-7). */
export interface SearchFilters {
  subject?: string | undefined
  grade?: string | undefined
  semester?: string | undefined
  groupId?: string | undefined
  kind?: SearchKind | undefined
  lessonType?: string | undefined
  stage?: LessonStage | undefined
  leadPreparerId?: string | undefined
}

export interface SearchRequest {
  terms: QueryTerms
  /** The query's words (`queryWords`): a title naming them ranks first (SEARCH-6). */
  words: readonly string[]
  scope: SearchScope
  filters: SearchFilters
  /** Matches are counted up to this many. */
  countLimit: number
  /** The first this many matches in rank order are returned. */
  pageSize: number
}

/** How many entries match (at most the request's `countLimit`), and the first page of them in rank order. */
export interface SearchMatches {
  total: number
  page: SearchCandidate[]
}

/** An entry that matches, with what ranking and the result need, but not its body. */
export interface SearchCandidate {
  id: number
  key: string
  kind: SearchKind
  documentId: string | null
  lessonId: string | null
  title: string
  groupName: string
  stage: LessonStage | null
  versionNumber: number | null
  datedAt: number
}

/** What the filters can offer: the values found among the entries a user may read. */
export interface SearchFilterValues {
  groups: { id: string; name: string; subject: string; grade: string }[]
  semesters: string[]
  lessonTypes: string[]
  leadPreparers: { id: string; displayName: string }[]
}
