/** The 资源库 over HTTP: finished plans, a lesson's lineage, 以此为底稿. */
import type { LessonLineage, LibraryListing } from '../../../shared/api/library.ts'
import { apiRequest } from './http.ts'

const id = encodeURIComponent

export const fetchLibrary = () => apiRequest<LibraryListing>('/api/library')

export const fetchLineage = (lessonId: string) => apiRequest<LessonLineage>(`/api/lessons/${id(lessonId)}/lineage`)

export const startFromVersion = (lessonId: string, versionId: string) =>
  apiRequest<LessonLineage>(`/api/lessons/${id(lessonId)}/start-from`, { method: 'POST', body: { versionId } })
