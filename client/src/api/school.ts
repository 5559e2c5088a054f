/** The first-run page, the office's accounts, groups and audit log, and a teacher's own password and sessions. */
import type { Me } from '../../../shared/api.ts'
import type {
  Account,
  AccountChangeRequest,
  AccountWithPassword,
  AuditPage,
  GroupChangeRequest,
  NewAccountRequest,
  NewGroupRequest,
  SchoolGroup,
  SetupRequest,
  SignedInSession,
} from '../../../shared/api/school.ts'
import { browserFallback } from '../offline/offline-fallback.ts'
import { apiRequest } from './http.ts'
import type { SchoolSsoSettings } from '../../../shared/api/sso.ts'

export async function setupNeeded(): Promise<boolean> {
  return (await apiRequest<{ needed: boolean }>('/api/setup')).needed
}

export async function createSchool(request: SetupRequest): Promise<Me> {
  const { user } = await apiRequest<{ user: Me }>('/api/setup', { method: 'POST', body: request })
  browserFallback.session.rememberUser(user)
  return user
}

export const listAccounts = () => apiRequest<Account[]>('/api/admin/accounts')
export const createAccount = (request: NewAccountRequest) =>
  apiRequest<AccountWithPassword>('/api/admin/accounts', { method: 'POST', body: request })
export const changeAccount = (id: string, change: AccountChangeRequest) =>
  apiRequest<Account>(`/api/admin/accounts/${encodeURIComponent(id)}`, { method: 'PATCH', body: change })
export const disableAccount = (id: string) =>
  apiRequest<Account>(`/api/admin/accounts/${encodeURIComponent(id)}/disable`, { method: 'POST' })
export const enableAccount = (id: string) =>
  apiRequest<Account>(`/api/admin/accounts/${encodeURIComponent(id)}/enable`, { method: 'POST' })
export const resetPassword = (id: string) =>
  apiRequest<AccountWithPassword>(`/api/admin/accounts/${encodeURIComponent(id)}/reset-password`, { method: 'POST' })

export const listSchoolGroups = () => apiRequest<SchoolGroup[]>('/api/admin/groups')
export const createSchoolGroup = (request: NewGroupRequest) =>
  apiRequest<SchoolGroup>('/api/admin/groups', { method: 'POST', body: request })
export const changeSchoolGroup = (id: string, change: GroupChangeRequest) =>
  apiRequest<SchoolGroup>(`/api/admin/groups/${encodeURIComponent(id)}`, { method: 'PATCH', body: change })

/** `after`: the last entry of the page before, or null for the newest page. */
export const readAuditLog = (after: { at: string; id: string } | null) =>
  apiRequest<AuditPage>(
    `/api/admin/audit${after ? `?before=${encodeURIComponent(after.at)}&beforeId=${encodeURIComponent(after.id)}` : ''}`,
  )

export const changeOwnPassword = (currentPassword: string, newPassword: string) =>
  apiRequest<Me>('/api/me/password', { method: 'POST', body: { currentPassword, newPassword } })
export const listOwnSessions = () => apiRequest<SignedInSession[]>('/api/me/sessions')
export const endOwnSession = (id: string) =>
  apiRequest<void>(`/api/me/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' })
export const endOtherSessions = () => apiRequest<{ ended: number }>('/api/me/sessions/end-others', { method: 'POST' })

export const fetchSchoolSso = () => apiRequest<SchoolSsoSettings>('/api/admin/school/sso')

export const setSsoCreatesAccounts = (createsAccounts: boolean) =>
  apiRequest<SchoolSsoSettings>('/api/admin/school/sso', { method: 'PUT', body: { createsAccounts } })
