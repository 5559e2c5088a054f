import { z } from 'zod'
import { apiRequest } from './http.ts'
import { type DocumentSummary, documentSummary } from '../../../shared/api.ts'
import { answerOrRemembered } from '../offline/offline-fallback.ts'

const documentList = z.array(documentSummary)

/** Remembered, so that offline the documents page and the editor's title and access still show. */
export function listDocuments(): Promise<DocumentSummary[]> {
  return answerOrRemembered('/api/documents', documentList, () => apiRequest<DocumentSummary[]>('/api/documents'))
}
