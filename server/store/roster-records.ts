/** What importing a staff roster writes, all in one transaction (`Store.importRoster`). */
import type { Role } from '../../shared/access.ts'
import type { NewAccount, NewAuditEntry } from './school-records.ts'

export interface RosterWrite {
  schoolId: string
  /** New groups, their ids chosen by the caller so that memberships can name them. */
  newGroups: { id: string; name: string; subject: string; grade: string }[]
  groupChanges: { id: string; subject?: string; grade?: string }[]
  newAccounts: (NewAccount & { id: string })[]
  /** An account that stops being 组长 stops leading; one that stops being 校外教研员 loses its invitations and end date. */
  accountChanges: { id: string; displayName?: string; role?: Role }[]
  /** Replaces each user's groups; a leader who leaves a group stops leading it. */
  memberships: { userId: string; groupIds: string[] }[]
  leaders: { groupId: string; userId: string }[]
  audit: NewAuditEntry[]
}

/** Thrown, with nothing written, when a username or group name of the roster was taken since it was checked. */
export class RosterConflictError extends Error {}
