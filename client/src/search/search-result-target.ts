/**
 * Where a search result opens: a draft or 反思 in the editor, a 定稿 version on its page (found by its
 * label among the lesson's versions), a 集体备课记录 on its lesson's page, a 听课记录 on 师徒结对.
 */
import type { SearchResult } from '../../../shared/api/search.ts'
import type { VersionSummary } from '../../../shared/api/versions.ts'
import type { Route } from '../routing.ts'

/** The route, or 'version' when the lesson's versions must be read first (`versionRoute`). */
export function resultRoute(result: SearchResult): Route | 'version' {
  if (result.versionLabel !== undefined && result.lessonId !== null) return 'version'
  if (result.documentId !== null) return { page: 'editor', documentId: result.documentId }
  if (result.kind === 'observation') return { page: 'mentorship' }
  if (result.lessonId !== null) return { page: 'lesson', lessonId: result.lessonId }
  return { page: 'documents' }
}

export function versionRoute(result: SearchResult, versions: readonly VersionSummary[]): Route {
  const version = versions.find((candidate) => `v${candidate.number}` === result.versionLabel)
  if (version) return { page: 'version', versionId: version.id }
  return result.lessonId !== null ? { page: 'lesson', lessonId: result.lessonId } : { page: 'documents' }
}
