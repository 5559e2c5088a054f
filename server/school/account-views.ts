/** Accounts as the office's page shows them: with the groups each is in (or, for an expert, invited to). */
import type { Account } from '../../shared/api/school.ts'
import type { GroupDetails } from '../store/school-records.ts'
import type { AccountRecord } from '../store/store.ts'

export function accountView(account: AccountRecord, groups: readonly GroupDetails[]): Account {
  const ids = (group: GroupDetails) => (account.role === 'guest' ? group.guestIds : group.memberIds)
  return {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    disabledAt: account.disabledAt?.toISOString() ?? null,
    mustChangePassword: account.mustChangePassword,
    accessUntil: account.accessUntil?.toISOString() ?? null,
    groupIds: groups.filter((group) => ids(group).includes(account.id)).map((group) => group.id),
  }
}
