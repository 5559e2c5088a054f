/** 定稿 versions, 二次备课, 课后反思 and 同课异构 over HTTP. */
import type {
  AdaptationDetail,
  AdaptationSummary,
  ConflictChoice,
  DocumentPassages,
  PassageReference,
  ReflectionSummary,
  RestoreResult,
  VariantComparison,
  VariantSummary,
  VersionComparison,
  VersionContent,
  VersionSummary,
} from '../../../shared/api/versions.ts'
import { apiRequest } from './http.ts'

const id = encodeURIComponent

export const listVersions = (lessonId: string) => apiRequest<VersionSummary[]>(`/api/lessons/${id(lessonId)}/versions`)

export const fetchVersion = (versionId: string) => apiRequest<VersionContent>(`/api/versions/${id(versionId)}`)

export const compareVersions = (lessonId: string, from: string, to: string) =>
  apiRequest<VersionComparison>(`/api/lessons/${id(lessonId)}/versions/compare?from=${id(from)}&to=${id(to)}`)

export const restoreVersion = (versionId: string) =>
  apiRequest<RestoreResult>(`/api/versions/${id(versionId)}/restore`, { method: 'POST', body: {} })

export const listAdaptations = (lessonId: string) =>
  apiRequest<AdaptationSummary[]>(`/api/lessons/${id(lessonId)}/adaptations`)

export const startAdaptation = (lessonId: string) =>
  apiRequest<AdaptationDetail>(`/api/lessons/${id(lessonId)}/adaptations`, { method: 'POST', body: {} })

export const fetchAdaptation = (documentId: string) =>
  apiRequest<AdaptationDetail>(`/api/adaptations/${id(documentId)}`)

export const pullNewestVersion = (documentId: string) =>
  apiRequest<AdaptationDetail>(`/api/adaptations/${id(documentId)}/pull`, { method: 'POST', body: {} })

export const resolveConflict = (documentId: string, conflictId: string, choice: ConflictChoice) =>
  apiRequest<AdaptationDetail>(`/api/adaptations/${id(documentId)}/conflicts/${id(conflictId)}`, {
    method: 'POST',
    body: { choice },
  })

export const listReflections = (lessonId: string) =>
  apiRequest<ReflectionSummary[]>(`/api/lessons/${id(lessonId)}/reflections`)

export const openReflection = (lessonId: string) =>
  apiRequest<{ documentId: string }>(`/api/lessons/${id(lessonId)}/reflections`, { method: 'POST', body: {} })

export const documentPassages = (documentId: string) =>
  apiRequest<DocumentPassages>(`/api/documents/${id(documentId)}/passages`)

export const addReference = (reflectionId: string, sourceDocumentId: string, blockKey: string) =>
  apiRequest<PassageReference>(`/api/reflections/${id(reflectionId)}/references`, {
    method: 'POST',
    body: { sourceDocumentId, blockKey },
  })

export const listVariants = (lessonId: string) => apiRequest<VariantSummary[]>(`/api/lessons/${id(lessonId)}/variants`)

export const createVariant = (lessonId: string, from: 'template' | 'plan') =>
  apiRequest<VariantSummary>(`/api/lessons/${id(lessonId)}/variants`, { method: 'POST', body: { from } })

export const compareVariants = (lessonId: string, left: string, right: string) =>
  apiRequest<VariantComparison>(`/api/lessons/${id(lessonId)}/variants/compare?left=${id(left)}&right=${id(right)}`)
