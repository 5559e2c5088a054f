import { apiRequest } from './http.ts'
import type { DocumentSummary } from '../../../shared/api.ts'

export function listDocuments(): Promise<DocumentSummary[]> {
  return apiRequest<DocumentSummary[]>('/api/documents')
}
