/**
 * Importing a staff roster (教职工名单): the sheet is read, every row checked against the school and the
 * plan answered as a preview; the import itself writes the whole plan in one transaction, with an audit
 * entry for every account and group it created or changed, or writes nothing ([SCHOOL-13], [SCHOOL-14]).
 */
import { randomUUID } from 'node:crypto'
import type { Actor } from '../../shared/access.ts'
import type { RosterPassword, RosterResult } from '../../shared/api/roster.ts'
import { CloseCode } from '../../shared/protocol/close-codes.ts'
import { planRoster, type RosterPlan } from '../../shared/school/roster-plan.ts'
import { isBlankRow, readRosterRow, rosterHeader } from '../../shared/school/roster-rules.ts'
import { hashPassword, oneTimePasswordCost } from '../auth/passwords.ts'
import { RosterConflictError, type RosterWrite } from '../store/roster-records.ts'
import type { NewAuditEntry } from '../store/school-records.ts'
import { forbid, type Outcome, reject, succeed } from '../workflow/outcome.ts'
import { accountColors, type SchoolContext } from './accounts.ts'
import { oneTimePassword } from './one-time-password.ts'
import { readRosterFile } from './roster-file.ts'

export interface RosterImport {
  result: RosterResult
  /** False for a preview, and for a sheet with errors: nothing was written. */
  written: boolean
}

export async function importRoster(
  context: SchoolContext,
  actor: Actor,
  file: { bytes: Uint8Array; name: string },
  dryRun: boolean,
): Promise<Outcome<RosterImport>> {
  if (actor.role !== 'admin') return forbid('只有教导处可以导入教职工名单')
  const { store } = context
  const table = await readRosterFile(file.bytes)
  const header = rosterHeader(table.header)
  if ('problem' in header) return reject(header.problem)
  const readings = table.rows.filter((row) => !isBlankRow(row.cells)).map((row) => readRosterRow(row, header.indexes))
  const usernames = readings
    .map((reading) => ('entry' in reading ? reading.entry.username : reading.username))
    .filter(Boolean)
  const [accounts, groups, takenElsewhere] = await Promise.all([
    store.accounts.listAccounts(actor.schoolId),
    store.groups.listGroupDetails(actor.schoolId),
    store.accounts.usernamesOfOtherSchools(actor.schoolId, [...new Set(usernames)]),
  ])
  const plan = planRoster(readings, {
    accounts: accounts.map((account) => ({
      ...account,
      groupIds: groups.filter((group) => group.memberIds.includes(account.id)).map((group) => group.id),
    })),
    groups,
    takenElsewhere: new Set(takenElsewhere),
  })
  const preview: RosterResult = {
    rows: plan.rows,
    created: plan.rows.filter((row) => row.status === 'create').length,
    updated: plan.rows.filter((row) => row.status === 'update').length,
    errors: plan.errors,
    newGroups: plan.newGroups.map((group) => group.name),
    passwords: [],
  }
  if (dryRun || plan.errors > 0) return succeed({ result: preview, written: false })

  const { write, passwords } = await writeOf(
    plan,
    actor,
    accounts.length,
    groups,
    new Map(accounts.map((account) => [account.username, account.id])),
    file.name,
    preview,
  )
  try {
    await store.accounts.importRoster(write)
  } catch (error) {
    if (error instanceof RosterConflictError) return reject('导入时有人同时改了账号或备课组，请重新检查名单后再导入')
    throw error
  }
  // Whoever's role or groups changed reconnects, and the upgrade decides each document's access anew.
  const touched = new Set([
    ...write.memberships.map((membership) => membership.userId),
    ...write.accountChanges.filter((change) => change.role).map((change) => change.id),
  ])
  for (const userId of touched) context.registry.closeConnectionsOf(userId, CloseCode.accessChanged, 'access changed')
  return succeed({ result: { ...preview, passwords }, written: true })
}

async function writeOf(
  plan: RosterPlan,
  actor: Actor,
  accountCount: number,
  groups: readonly { id: string; name: string }[],
  accountIds: Map<string, string>,
  fileName: string,
  preview: RosterResult,
): Promise<{ write: RosterWrite; passwords: RosterPassword[] }> {
  const groupIds = new Map(groups.map((group) => [group.name, group.id]))
  const newGroups = plan.newGroups.map((group) => ({ ...group, id: randomUUID() }))
  for (const group of newGroups) groupIds.set(group.name, group.id)
  const passwords = plan.newAccounts.map((entry) => ({
    row: entry.row,
    username: entry.username,
    displayName: entry.displayName,
    password: entry.password ?? oneTimePassword(),
  }))
  const hashes = await Promise.all(passwords.map(({ password }) => hashPassword(password, oneTimePasswordCost)))
  const newAccounts = plan.newAccounts.map((entry, index) => {
    const id = randomUUID()
    accountIds.set(entry.username, id)
    return {
      id,
      schoolId: actor.schoolId,
      username: entry.username,
      displayName: entry.displayName,
      role: entry.role,
      color: accountColors[(accountCount + index) % accountColors.length]!,
      passwordHash: hashes[index]!,
      // [SCHOOL-8] Typed in the sheet or generated, the office knows it: it must be changed at the first sign-in.
      mustChangePassword: true,
    }
  })
  const idOf = (username: string) => accountIds.get(username)!
  const memberships = plan.memberships.map(({ username, groupNames }) => ({
    userId: idOf(username),
    groupIds: groupNames.map((name) => groupIds.get(name)!),
  }))
  const leaders = plan.leaders.map(({ groupName, username }) => ({
    groupId: groupIds.get(groupName)!,
    userId: idOf(username),
  }))

  const entry = (
    action: NewAuditEntry['action'],
    target: { user?: string; group?: string },
    detail: Record<string, unknown>,
  ): NewAuditEntry => ({
    schoolId: actor.schoolId,
    actorId: actor.userId,
    action,
    targetUserId: target.user ?? null,
    targetGroupId: target.group ?? null,
    detail: { ...detail, source: 'roster' },
  })
  const groupsOf = new Map(memberships.map((membership) => [membership.userId, membership.groupIds]))
  const audit: NewAuditEntry[] = [
    entry(
      'roster.import',
      {},
      { file: fileName, created: preview.created, updated: preview.updated, newGroups: preview.newGroups },
    ),
    ...newGroups.map((group) =>
      entry('group.create', { group: group.id }, { name: group.name, subject: group.subject, grade: group.grade }),
    ),
    ...plan.groupChanges.map(({ id, ...change }) => entry('group.update', { group: id }, change)),
    ...newAccounts.map((account) =>
      entry(
        'account.create',
        { user: account.id },
        {
          username: account.username,
          displayName: account.displayName,
          role: account.role,
          groupIds: groupsOf.get(account.id) ?? [],
        },
      ),
    ),
    ...changedAccounts(plan, memberships, new Set(newAccounts.map((account) => account.id))).map(({ id, change }) =>
      entry('account.update', { user: id }, change),
    ),
    ...leaders.map(({ groupId, userId }) => entry('group.update', { group: groupId }, { leaderId: userId })),
  ]
  return {
    write: {
      schoolId: actor.schoolId,
      newGroups,
      groupChanges: plan.groupChanges,
      newAccounts,
      accountChanges: plan.accountChanges,
      memberships,
      leaders,
      audit,
    },
    passwords,
  }
}

/** Existing accounts whose name, role or groups the roster changes, each with what changed. */
function changedAccounts(plan: RosterPlan, memberships: RosterWrite['memberships'], created: ReadonlySet<string>) {
  const changes = new Map<string, Record<string, unknown>>()
  for (const { id, displayName, role } of plan.accountChanges) changes.set(id, { displayName, role })
  for (const { userId, groupIds } of memberships) {
    if (!created.has(userId)) changes.set(userId, { ...changes.get(userId), groupIds })
  }
  return [...changes].map(([id, change]) => ({ id, change }))
}
