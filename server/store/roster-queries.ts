/**
 * Writing an imported staff roster: every account, group, membership and audit entry in one
 * transaction, in batches, so that 2,000 rows take one round trip per few hundred rows, and a failure
 * leaves the school as it was.
 */
import { randomUUID } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { Database } from './database-schema.ts'
import { RosterConflictError, type RosterWrite } from './roster-records.ts'

/** Rows per insert: well below both dialects' limits on bound parameters (10 columns each). */
const batchSize = 500

function batches<T>(items: readonly T[]): T[][] {
  const result: T[][] = []
  for (let start = 0; start < items.length; start += batchSize) result.push(items.slice(start, start + batchSize))
  return result
}

/** Usernames among `usernames` that accounts of other schools have. */
export async function usernamesOfOtherSchools(
  db: Kysely<Database>,
  schoolId: string,
  usernames: readonly string[],
): Promise<string[]> {
  const taken: string[] = []
  for (const batch of batches(usernames)) {
    const rows = await db
      .selectFrom('users')
      .select('username')
      .where('username', 'in', batch)
      .where('school_id', '<>', schoolId)
      .execute()
    taken.push(...rows.map((row) => row.username))
  }
  return taken
}

export function importRoster(db: Kysely<Database>, write: RosterWrite): Promise<void> {
  return db.transaction().execute(async (trx) => {
    const now = Date.now()
    for (const batch of batches(write.newGroups)) {
      const inserted = await trx
        .insertInto('groups')
        .values(
          batch.map((group) => ({
            id: group.id,
            school_id: write.schoolId,
            name: group.name,
            subject: group.subject,
            grade: group.grade,
            created_at: now,
          })),
        )
        .onConflict((conflict) => conflict.columns(['school_id', 'name']).doNothing())
        .returning('id')
        .execute()
      if (inserted.length !== batch.length) throw new RosterConflictError('a group name was taken meanwhile')
    }
    for (const { id, subject, grade } of write.groupChanges) {
      await trx
        .updateTable('groups')
        .set({ subject, grade })
        .where('id', '=', id)
        .where('school_id', '=', write.schoolId)
        .execute()
    }
    for (const batch of batches(write.newAccounts)) {
      const inserted = await trx
        .insertInto('users')
        .values(
          batch.map((account) => ({
            id: account.id,
            school_id: write.schoolId,
            username: account.username,
            display_name: account.displayName,
            password_hash: account.passwordHash,
            role: account.role,
            color: account.color,
            created_at: now,
            must_change_password: account.mustChangePassword ? 1 : 0,
            access_until: null,
          })),
        )
        .onConflict((conflict) => conflict.column('username').doNothing())
        .returning('id')
        .execute()
      if (inserted.length !== batch.length) throw new RosterConflictError('a username was taken meanwhile')
    }
    await changeAccounts(trx, write)
    await replaceMemberships(trx, write.memberships)
    for (const { groupId, userId } of write.leaders) {
      await trx
        .updateTable('groups')
        .set({ leader_id: userId })
        .where('id', '=', groupId)
        .where('school_id', '=', write.schoolId)
        .execute()
    }
    for (const batch of batches(write.audit)) {
      await trx
        .insertInto('audit_log')
        .values(
          batch.map((entry) => ({
            id: randomUUID(),
            school_id: entry.schoolId,
            actor_id: entry.actorId,
            action: entry.action,
            target_user_id: entry.targetUserId ?? null,
            target_group_id: entry.targetGroupId ?? null,
            detail: JSON.stringify(entry.detail),
            at: now,
          })),
        )
        .execute()
    }
  })
}

async function changeAccounts(trx: Transaction<Database>, write: RosterWrite): Promise<void> {
  for (const { id, displayName, role } of write.accountChanges) {
    const before = await trx
      .selectFrom('users')
      .select('role')
      .where('id', '=', id)
      .where('school_id', '=', write.schoolId)
      .executeTakeFirst()
    if (before === undefined) throw new RosterConflictError('an account of the roster is gone')
    await trx.updateTable('users').set({ display_name: displayName, role }).where('id', '=', id).execute()
    if (role === undefined || role === before.role) continue
    if (before.role === 'leader')
      await trx.updateTable('groups').set({ leader_id: null }).where('leader_id', '=', id).execute()
    if (before.role === 'guest') {
      await trx.deleteFrom('guest_groups').where('user_id', '=', id).execute()
      await trx.updateTable('users').set({ access_until: null }).where('id', '=', id).execute()
    }
  }
}

async function replaceMemberships(trx: Transaction<Database>, memberships: RosterWrite['memberships']): Promise<void> {
  for (const batch of batches(memberships)) {
    const userIds = batch.map((membership) => membership.userId)
    await trx.deleteFrom('group_members').where('user_id', 'in', userIds).execute()
    const rows = batch.flatMap(({ userId, groupIds }) =>
      [...new Set(groupIds)].map((groupId) => ({ group_id: groupId, user_id: userId })),
    )
    for (const rowBatch of batches(rows)) await trx.insertInto('group_members').values(rowBatch).execute()
    // [SCHOOL-6] A leader who is no longer a member stops leading.
    await trx
      .updateTable('groups')
      .set({ leader_id: null })
      .where('leader_id', 'in', userIds)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('group_members')
              .select('group_members.user_id')
              .whereRef('group_members.group_id', '=', 'groups.id')
              .whereRef('group_members.user_id', '=', 'groups.leader_id'),
          ),
        ),
      )
      .execute()
  }
}
