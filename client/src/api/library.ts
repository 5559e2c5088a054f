/** The 资源库 over HTTP: finished plans, a lesson's lineage, 以此为底稿. */
import type { BlockSourceNames, LessonLineage, LibraryListing, NamedBlockSource } from '../../../shared/api/library.ts'
import { apiRequest } from './http.ts'

const id = encodeURIComponent

export const fetchLibrary = () => apiRequest<LibraryListing>('/api/library')

export const fetchLineage = (lessonId: string) => apiRequest<LessonLineage>(`/api/lessons/${id(lessonId)}/lineage`)

export const startFromVersion = (lessonId: string, versionId: string) =>
  apiRequest<LessonLineage>(`/api/lessons/${id(lessonId)}/start-from`, { method: 'POST', body: { versionId } })

/** The 来源 of copied blocks, named for this reader (LIBRARY-8). */
export async function fetchBlockSources(sources: readonly string[]): Promise<NamedBlockSource[]> {
  const query = encodeURIComponent(sources.join(','))
  return (await apiRequest<BlockSourceNames>(`/api/block-sources?sources=${query}`)).sources
}
