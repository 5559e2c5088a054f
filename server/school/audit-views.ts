/** [SCHOOL-11] The audit log as the office reads it: who did what to whom, and when, with names. */
import type { Actor } from '../../shared/access.ts'
import type { AuditPage } from '../../shared/api/school.ts'
import type { AuditCursor } from '../store/school-records.ts'
import type { Store } from '../store/store.ts'
import { forbid, type Outcome, succeed } from '../workflow/outcome.ts'

export const auditPageSize = 50

export async function auditPageFor(
  store: Pick<Store, 'accounts' | 'audit' | 'groups'>,
  actor: Actor,
  after: AuditCursor | null,
): Promise<Outcome<AuditPage>> {
  if (actor.role !== 'admin') return forbid('只有教导处可以查看操作记录')
  const [entries, accounts, groups] = await Promise.all([
    store.audit.listAuditEntries(actor.schoolId, auditPageSize + 1, after),
    store.accounts.listAccounts(actor.schoolId),
    store.groups.listGroups(actor.schoolId),
  ])
  const people = new Map(accounts.map((account) => [account.id, account]))
  const groupNames = new Map(groups.map((group) => [group.id, group.name]))
  const person = (id: string | null) => {
    const found = id === null ? undefined : people.get(id)
    return found ? { id: found.id, displayName: found.displayName, username: found.username } : null
  }
  return succeed({
    more: entries.length > auditPageSize,
    entries: entries.slice(0, auditPageSize).map((entry) => {
      const actorPerson = person(entry.actorId)
      const groupName = entry.targetGroupId === null ? undefined : groupNames.get(entry.targetGroupId)
      return {
        id: entry.id,
        at: entry.at.toISOString(),
        action: entry.action,
        actor: actorPerson && { id: actorPerson.id, displayName: actorPerson.displayName },
        targetUser: person(entry.targetUserId),
        targetGroup: groupName === undefined ? null : { id: entry.targetGroupId!, name: groupName },
        detail: entry.detail,
      }
    }),
  })
}
