/** 教案检查: the office's checks of a semester and their sheet, and a teacher's own checks. */
import type { CheckRequest, PlanCheck } from '../../../shared/api/checks.ts'
import { apiRequest } from './http.ts'

export const listSchoolChecks = (semester: string) =>
  apiRequest<PlanCheck[]>(`/api/admin/checks?semester=${encodeURIComponent(semester)}`)
export const recordCheck = (teacherId: string, request: CheckRequest) =>
  apiRequest<PlanCheck>(`/api/admin/checks/${encodeURIComponent(teacherId)}`, { method: 'PUT', body: request })
export const listOwnChecks = () => apiRequest<PlanCheck[]>('/api/me/checks')
/** A plain link: the browser saves the sheet by itself. */
export const checkExportUrl = (semester: string) => `/api/admin/checks/export?semester=${encodeURIComponent(semester)}`
