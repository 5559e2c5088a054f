/**
 * Server data as cached queries: one key per resource, so a change can say what it makes stale
 * (`invalidateQueries` with a key's prefix). Everything of a lesson lives under `['lesson', id]`: a stage
 * move or a 定稿 invalidates that prefix and every panel of the page asks again.
 */
import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { OverviewQuery } from '../../../shared/api/group-overview.ts'
import type { ExportDocument } from '../../../shared/export/export-model.ts'
import type { NewPairInput } from '../../../shared/api/mentorship.ts'
import type { SearchQuery } from '../../../shared/api/search.ts'
import { listOwnChecks, listSchoolChecks } from './checks.ts'
import { listDocuments } from './documents.ts'
import { apiRequest } from './http.ts'
import { fetchAssignments, fetchLesson, fetchPlan } from './lessons.ts'
import { fetchLibrary, fetchLineage } from './library.ts'
import { compareRounds, listRounds } from './rounds.ts'
import { fetchGroupOverview, fetchMeetingSheet, listMeetings } from './meetings.ts'
import { fetchMentorships, fetchObservableLessons, fetchPair } from './mentorship.ts'
import { fetchSchoolSso, listAccounts, listOwnSessions, listSchoolGroups, readAuditLog } from './school.ts'
import { fetchSearchFilters, searchDocuments } from './search.ts'
import { fetchTemplate } from './template.ts'
import {
  compareVariants,
  compareVersions,
  documentPassages,
  fetchAdaptation,
  fetchVersion,
  listAdaptations,
  listReflections,
  listVariants,
  listVersions,
} from './versions.ts'

/** A 定稿 never changes once made: what is read from one is fetched once. */
const unchanging = { staleTime: Number.POSITIVE_INFINITY } as const

export const lessonKey = (lessonId: string) => ['lesson', lessonId] as const
/** The office's accounts, groups and audit log: a change to an account or a group is logged too. */
export const schoolKey = ['school'] as const
/** Pairs, their counts and each pair's detail: pairing or a 听课记录 changes them all. */
export const mentorshipsKey = ['mentorships'] as const

export const queries = {
  documents: () => queryOptions({ queryKey: ['documents'], queryFn: listDocuments }),
  template: () => queryOptions({ queryKey: ['template'], queryFn: fetchTemplate }),
  accounts: () => queryOptions({ queryKey: [...schoolKey, 'accounts'], queryFn: listAccounts }),
  schoolGroups: () => queryOptions({ queryKey: [...schoolKey, 'groups'], queryFn: listSchoolGroups }),
  schoolSso: () => queryOptions({ queryKey: [...schoolKey, 'sso'], queryFn: fetchSchoolSso }),
  /** Newest first, a page at a time; the next page starts before the last entry shown. */
  auditLog: () =>
    infiniteQueryOptions({
      queryKey: [...schoolKey, 'audit'],
      queryFn: ({ pageParam }) => readAuditLog(pageParam),
      initialPageParam: null as { at: string; id: string } | null,
      getNextPageParam: (page) => {
        const last = page.entries.at(-1)
        return page.more && last ? { at: last.at, id: last.id } : null
      },
    }),
  ownSessions: () => queryOptions({ queryKey: ['own-sessions'], queryFn: listOwnSessions }),
  schoolChecks: (semester: string) =>
    queryOptions({ queryKey: [...schoolKey, 'checks', semester], queryFn: () => listSchoolChecks(semester) }),
  ownChecks: () => queryOptions({ queryKey: ['own-checks'], queryFn: listOwnChecks }),
  lesson: (lessonId: string) => queryOptions({ queryKey: lessonKey(lessonId), queryFn: () => fetchLesson(lessonId) }),
  versions: (lessonId: string) =>
    queryOptions({ queryKey: [...lessonKey(lessonId), 'versions'], queryFn: () => listVersions(lessonId) }),
  adaptations: (lessonId: string) =>
    queryOptions({ queryKey: [...lessonKey(lessonId), 'adaptations'], queryFn: () => listAdaptations(lessonId) }),
  reflections: (lessonId: string) =>
    queryOptions({ queryKey: [...lessonKey(lessonId), 'reflections'], queryFn: () => listReflections(lessonId) }),
  variants: (lessonId: string) =>
    queryOptions({ queryKey: [...lessonKey(lessonId), 'variants'], queryFn: () => listVariants(lessonId) }),
  meetings: (lessonId: string) =>
    queryOptions({ queryKey: [...lessonKey(lessonId), 'meetings'], queryFn: () => listMeetings(lessonId) }),
  versionComparison: (lessonId: string, from: string, to: string) =>
    queryOptions({
      queryKey: ['version-comparison', lessonId, from, to],
      queryFn: () => compareVersions(lessonId, from, to),
      ...unchanging,
    }),
  variantComparison: (lessonId: string, left: string, right: string) =>
    queryOptions({
      queryKey: [...lessonKey(lessonId), 'variants', 'compare', left, right],
      queryFn: () => compareVariants(lessonId, left, right),
    }),
  /** 磨课 rounds; a round in progress compares against the shared plan as it is, so neither is unchanging. */
  rounds: (lessonId: string) =>
    queryOptions({ queryKey: [...lessonKey(lessonId), 'rounds'], queryFn: () => listRounds(lessonId) }),
  roundComparison: (lessonId: string, from: number, to: number) =>
    queryOptions({
      queryKey: [...lessonKey(lessonId), 'rounds', 'compare', from, to],
      queryFn: () => compareRounds(lessonId, from, to),
    }),
  version: (versionId: string) =>
    queryOptions({ queryKey: ['version', versionId], queryFn: () => fetchVersion(versionId), ...unchanging }),
  adaptation: (documentId: string) =>
    queryOptions({ queryKey: ['adaptation', documentId], queryFn: () => fetchAdaptation(documentId) }),
  passages: (documentId: string) =>
    queryOptions({ queryKey: ['passages', documentId], queryFn: () => documentPassages(documentId) }),
  /** Another semester of the group keeps the one shown on screen until it arrives, rather than a blank page. */
  plan: (groupId: string, semester: string | undefined) =>
    queryOptions({
      queryKey: ['plan', groupId, semester ?? null],
      queryFn: () => fetchPlan(groupId, semester),
      placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === groupId ? previous : undefined),
    }),
  assignments: () => queryOptions({ queryKey: ['assignments'], queryFn: fetchAssignments }),
  library: () => queryOptions({ queryKey: ['library'], queryFn: fetchLibrary }),
  /** Where the lesson's draft came from and what was built on its 定稿 (docs/LIBRARY.md). */
  lineage: (lessonId: string) =>
    queryOptions({ queryKey: [...lessonKey(lessonId), 'lineage'], queryFn: () => fetchLineage(lessonId) }),
  mentorships: (semester: string | undefined) =>
    queryOptions({
      queryKey: [...mentorshipsKey, semester ?? null],
      queryFn: () => fetchMentorships(semester),
      placeholderData: keepPreviousData,
    }),
  pair: (pair: NewPairInput, semester: string) =>
    queryOptions({
      queryKey: [...mentorshipsKey, 'pair', pair.mentorId, pair.apprenticeId, semester],
      queryFn: () => fetchPair(pair, semester),
    }),
  observableLessons: (observedId: string) =>
    queryOptions({ queryKey: ['observable-lessons', observedId], queryFn: () => fetchObservableLessons(observedId) }),
  meetingSheet: (meetingId: string) =>
    queryOptions({ queryKey: ['meeting-sheet', meetingId], queryFn: () => fetchMeetingSheet(meetingId) }),
  groupOverview: (query: OverviewQuery) =>
    queryOptions({
      queryKey: ['group-overview', query.groupId ?? null, query.semester ?? null],
      queryFn: () => fetchGroupOverview(query),
      placeholderData: keepPreviousData,
    }),
  /** A new query keeps the last results on screen until its own arrive. */
  search: (query: SearchQuery) =>
    queryOptions({
      queryKey: ['search', query],
      queryFn: ({ signal }) => searchDocuments(query, signal),
      placeholderData: keepPreviousData,
    }),
  searchFilters: () => queryOptions({ queryKey: ['search-filters'], queryFn: fetchSearchFilters }),
  /** The export model behind the print view: `url` is its JSON export (`print-routes.ts`). */
  exportDocument: (url: string) =>
    queryOptions({ queryKey: ['export', url], queryFn: () => apiRequest<ExportDocument>(url) }),
}
