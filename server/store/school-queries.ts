/**
 * Queries of running a school (migration 010): accounts the office manages, group details and members,
 * the sessions a teacher can list and end, and the audit log. Used by the repositories in `sql/` in both dialects.
 */
import { randomUUID } from 'node:crypto'
import { type Kysely, type Selectable, type Transaction } from 'kysely'
import type { Role } from '../../shared/access.ts'
import type { AuditAction } from '../../shared/school/audit.ts'
import type { AuditLogTable, Database, UsersTable } from './database-schema.ts'
import {
  type AccountChange,
  type AuditCursor,
  type AuditEntry,
  type AuditNote,
  type GroupChange,
  type GroupDetails,
  GroupNameTakenError,
  type NewAccount,
  type NewAuditEntry,
  type NewGroupDetails,
  type PasswordEffects,
  type SchoolRecord,
  type SessionView,
  UsernameTakenError,
} from './school-records.ts'
import type { AccountRecord, GroupRecord, SessionRecord } from './store.ts'

type Db = Kysely<Database> | Transaction<Database>

export async function insertAccount(db: Db, account: NewAccount): Promise<AccountRecord> {
  const id = randomUUID()
  const inserted = await db
    .insertInto('users')
    .values({
      id,
      school_id: account.schoolId,
      username: account.username,
      display_name: account.displayName,
      password_hash: account.passwordHash,
      role: account.role,
      color: account.color,
      created_at: Date.now(),
      must_change_password: account.mustChangePassword ? 1 : 0,
      access_until: account.accessUntil?.getTime() ?? null,
    })
    .onConflict((conflict) => conflict.column('username').doNothing())
    .returning('id')
    .executeTakeFirst()
  if (inserted === undefined) throw new UsernameTakenError(account.username)
  const { username, displayName, role, schoolId, color } = account
  return {
    id,
    username,
    displayName,
    role,
    schoolId,
    color,
    disabledAt: null,
    mustChangePassword: account.mustChangePassword ?? false,
    accessUntil: account.accessUntil ?? null,
  }
}

export async function insertAuditEntry(db: Db, entry: NewAuditEntry): Promise<AuditEntry> {
  const row = {
    id: randomUUID(),
    school_id: entry.schoolId,
    actor_id: entry.actorId,
    action: entry.action,
    target_user_id: entry.targetUserId ?? null,
    target_group_id: entry.targetGroupId ?? null,
    detail: JSON.stringify(entry.detail),
    at: Date.now(),
  }
  await db.insertInto('audit_log').values(row).execute()
  return toAuditEntry(row)
}

/** The account, its groups and the audit entry naming it, together or not at all. */
export function insertAuditedAccount(
  db: Kysely<Database>,
  account: NewAccount,
  audit: AuditNote | undefined,
): Promise<AccountRecord> {
  return db.transaction().execute(async (trx) => {
    const created = await insertAccount(trx, account)
    if (account.groupIds !== undefined && account.groupIds.length > 0) {
      if (account.role === 'guest') await replaceGuestGroups(trx, created.id, account.groupIds)
      else await replaceMemberships(trx, created.id, account.groupIds)
    }
    if (audit !== undefined)
      await insertAuditEntry(trx, { ...audit, schoolId: account.schoolId, targetUserId: created.id })
    return created
  })
}

/**
 * Runs `change` on the account in a transaction and, when the account exists and `audit` is given,
 * writes the entry naming it in the same one: the entry exists if and only if the change does.
 */
function auditedAccountChange<T>(
  db: Kysely<Database>,
  id: string,
  audit: AuditNote | undefined,
  change: (trx: Transaction<Database>) => Promise<T>,
): Promise<T | null> {
  return db.transaction().execute(async (trx) => {
    const account = await trx.selectFrom('users').select('school_id').where('id', '=', id).executeTakeFirst()
    if (account === undefined) return null
    const result = await change(trx)
    if (audit !== undefined) await insertAuditEntry(trx, { ...audit, schoolId: account.school_id, targetUserId: id })
    return result
  })
}

export async function listSchools(db: Db): Promise<SchoolRecord[]> {
  const rows = await db.selectFrom('schools').selectAll().orderBy('name').orderBy('id').execute()
  return rows.map((row) => ({ id: row.id, name: row.name, ssoCreatesAccounts: row.sso_creates_accounts === 1 }))
}

export function setSsoCreatesAccounts(
  db: Kysely<Database>,
  schoolId: string,
  allowed: boolean,
  actorId: string,
): Promise<void> {
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('schools')
      .set({ sso_creates_accounts: allowed ? 1 : 0 })
      .where('id', '=', schoolId)
      .execute()
    await insertAuditEntry(trx, { schoolId, actorId, action: 'school.update', detail: { ssoCreatesAccounts: allowed } })
  })
}

/** The school, its first 教导处 account and the audit entry saying so, together or not at all. */
export function createSchoolWithAdmin(
  db: Kysely<Database>,
  schoolName: string,
  admin: Omit<NewAccount, 'schoolId' | 'role'>,
): Promise<AccountRecord> {
  return db.transaction().execute(async (trx) => {
    const schoolId = randomUUID()
    await trx.insertInto('schools').values({ id: schoolId, name: schoolName, created_at: Date.now() }).execute()
    const account = await insertAccount(trx, { ...admin, schoolId, role: 'admin' })
    await insertAuditEntry(trx, {
      schoolId,
      actorId: null,
      action: 'school.create',
      targetUserId: account.id,
      detail: { school: schoolName, username: account.username },
    })
    return account
  })
}

export async function findAccount(db: Db, id: string): Promise<AccountRecord | null> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
  return row === undefined ? null : toAccount(row)
}

export async function listAccounts(db: Db, schoolId: string): Promise<AccountRecord[]> {
  const rows = await db.selectFrom('users').selectAll().where('school_id', '=', schoolId).orderBy('username').execute()
  return rows.map(toAccount)
}

/** The change, the groups it sets and its audit entry, in one transaction; null if there is no such account. */
export function updateAccount(
  db: Kysely<Database>,
  id: string,
  change: AccountChange,
  audit?: AuditNote,
): Promise<AccountRecord | null> {
  return auditedAccountChange(db, id, audit, async (trx) => {
    const values: { display_name?: string; role?: Role; access_until?: number | null } = {}
    if (change.displayName !== undefined) values.display_name = change.displayName
    if (change.role !== undefined) values.role = change.role
    if (change.accessUntil !== undefined) values.access_until = change.accessUntil?.getTime() ?? null
    if (Object.keys(values).length > 0) await trx.updateTable('users').set(values).where('id', '=', id).execute()
    if (change.memberGroupIds !== undefined) await replaceMemberships(trx, id, change.memberGroupIds)
    if (change.guestGroupIds !== undefined) await replaceGuestGroups(trx, id, change.guestGroupIds)
    return findAccount(trx, id)
  })
}

/**
 * Disabling ends every session of the account in the same transaction as the change and its audit
 * entry; enabling starts none. Null if there is no such account.
 */
export function setAccountDisabled(
  db: Kysely<Database>,
  id: string,
  at: Date | null,
  audit?: AuditNote,
): Promise<AccountRecord | null> {
  return auditedAccountChange(db, id, audit, async (trx) => {
    await trx
      .updateTable('users')
      .set({ disabled_at: at?.getTime() ?? null })
      .where('id', '=', id)
      .execute()
    if (at !== null) await trx.deleteFrom('sessions').where('user_id', '=', id).execute()
    return findAccount(trx, id)
  })
}

/**
 * The new password, with `effects` the sessions it ends and its audit entry, in one transaction.
 * False if there is no such account.
 */
export async function setPassword(
  db: Kysely<Database>,
  id: string,
  passwordHash: string,
  mustChange: boolean,
  effects?: PasswordEffects,
): Promise<boolean> {
  const changed = await auditedAccountChange(db, id, effects?.audit, async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: mustChange ? 1 : 0 })
      .where('id', '=', id)
      .execute()
    if (effects !== undefined) await deleteOtherSessions(trx, id, effects.keepSessionTokenHash)
    return true
  })
  return changed === true
}

export async function countActiveAdmins(db: Db, schoolId: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('school_id', '=', schoolId)
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

export async function listGroupDetails(db: Db, schoolId: string): Promise<GroupDetails[]> {
  const groups = await db
    .selectFrom('groups')
    .select(['id', 'school_id', 'name', 'subject', 'grade', 'leader_id'])
    .where('school_id', '=', schoolId)
    .orderBy('name')
    .execute()
  const members = await db
    .selectFrom('group_members')
    .innerJoin('groups', 'groups.id', 'group_members.group_id')
    .select(['group_members.group_id', 'group_members.user_id'])
    .where('groups.school_id', '=', schoolId)
    .orderBy('group_members.user_id')
    .execute()
  const guests = await db
    .selectFrom('guest_groups')
    .innerJoin('groups', 'groups.id', 'guest_groups.group_id')
    .select(['guest_groups.group_id', 'guest_groups.user_id'])
    .where('groups.school_id', '=', schoolId)
    .orderBy('guest_groups.user_id')
    .execute()
  const idsIn = (rows: { group_id: string; user_id: string }[], groupId: string) =>
    rows.filter((row) => row.group_id === groupId).map((row) => row.user_id)
  return groups.map((group) => ({
    id: group.id,
    schoolId: group.school_id,
    name: group.name,
    subject: group.subject,
    grade: group.grade,
    leaderId: group.leader_id,
    memberIds: idsIn(members, group.id),
    guestIds: idsIn(guests, group.id),
  }))
}

/** Replaces the groups the user is a member of, in one transaction; groups they stop leading lose their leader. */
export function setMemberships(db: Kysely<Database>, userId: string, groupIds: readonly string[]): Promise<void> {
  return db.transaction().execute((trx) => replaceMemberships(trx, userId, groupIds))
}

async function replaceMemberships(trx: Transaction<Database>, userId: string, groupIds: readonly string[]) {
  await trx.deleteFrom('group_members').where('user_id', '=', userId).execute()
  if (groupIds.length > 0) {
    await trx
      .insertInto('group_members')
      .values([...new Set(groupIds)].map((groupId) => ({ group_id: groupId, user_id: userId })))
      .execute()
  }
  let led = trx.updateTable('groups').set({ leader_id: null }).where('leader_id', '=', userId)
  if (groupIds.length > 0) led = led.where('id', 'not in', [...groupIds])
  await led.execute()
}

/** Replaces the groups an outside expert is invited to, in one transaction. */
export function setGuestGroups(db: Kysely<Database>, userId: string, groupIds: readonly string[]): Promise<void> {
  return db.transaction().execute((trx) => replaceGuestGroups(trx, userId, groupIds))
}

async function replaceGuestGroups(trx: Transaction<Database>, userId: string, groupIds: readonly string[]) {
  await trx.deleteFrom('guest_groups').where('user_id', '=', userId).execute()
  if (groupIds.length > 0) {
    await trx
      .insertInto('guest_groups')
      .values([...new Set(groupIds)].map((groupId) => ({ group_id: groupId, user_id: userId })))
      .execute()
  }
}

export async function guestGroupIdsOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('guest_groups')
    .select('group_id')
    .where('user_id', '=', userId)
    .orderBy('group_id')
    .execute()
  return rows.map((row) => row.group_id)
}

/** The group, its subject and grade, and with `audit` its entry, in one transaction. */
export function insertGroup(
  db: Kysely<Database>,
  schoolId: string,
  name: string,
  details: NewGroupDetails | undefined,
): Promise<GroupRecord> {
  return db.transaction().execute(async (trx) => {
    const id = randomUUID()
    const inserted = await trx
      .insertInto('groups')
      .values({
        id,
        school_id: schoolId,
        name,
        subject: details?.subject ?? '',
        grade: details?.grade ?? '',
        created_at: Date.now(),
      })
      .onConflict((conflict) => conflict.columns(['school_id', 'name']).doNothing())
      .returning('id')
      .executeTakeFirst()
    if (inserted === undefined) throw new GroupNameTakenError(name)
    if (details?.audit !== undefined) await insertAuditEntry(trx, { ...details.audit, schoolId, targetGroupId: id })
    return { id, schoolId, name }
  })
}

/**
 * The members first (a leader who leaves stops leading), then the other fields, then with `audit` its
 * entry, in one transaction. Refuses a name another group of the school has, writing nothing.
 */
export function updateGroup(db: Kysely<Database>, id: string, change: GroupChange, audit?: AuditNote): Promise<void> {
  return db.transaction().execute(async (trx) => {
    const group = await trx.selectFrom('groups').select('school_id').where('id', '=', id).executeTakeFirst()
    if (group === undefined) return
    if (change.memberIds !== undefined) await replaceGroupMembers(trx, id, change.memberIds)
    const values: { name?: string; subject?: string; grade?: string; leader_id?: string | null } = {}
    if (change.name !== undefined) values.name = change.name
    if (change.subject !== undefined) values.subject = change.subject
    if (change.grade !== undefined) values.grade = change.grade
    if (change.leaderId !== undefined) values.leader_id = change.leaderId
    if (values.name !== undefined) {
      const clash = await trx
        .selectFrom('groups')
        .select('id')
        .where('school_id', '=', group.school_id)
        .where('name', '=', values.name)
        .where('id', '<>', id)
        .executeTakeFirst()
      if (clash) throw new GroupNameTakenError(values.name)
    }
    if (Object.keys(values).length > 0) await trx.updateTable('groups').set(values).where('id', '=', id).execute()
    if (audit !== undefined) await insertAuditEntry(trx, { ...audit, schoolId: group.school_id, targetGroupId: id })
  })
}

/** Replaces the members in one transaction; a leader who leaves the group stops being its leader. */
export function setGroupMembers(db: Kysely<Database>, groupId: string, userIds: readonly string[]): Promise<void> {
  return db.transaction().execute((trx) => replaceGroupMembers(trx, groupId, userIds))
}

async function replaceGroupMembers(trx: Transaction<Database>, groupId: string, userIds: readonly string[]) {
  await trx.deleteFrom('group_members').where('group_id', '=', groupId).execute()
  if (userIds.length > 0) {
    await trx
      .insertInto('group_members')
      .values([...new Set(userIds)].map((userId) => ({ group_id: groupId, user_id: userId })))
      .execute()
  }
  const leader = await trx.selectFrom('groups').select('leader_id').where('id', '=', groupId).executeTakeFirst()
  if (leader?.leader_id && !userIds.includes(leader.leader_id)) {
    await trx.updateTable('groups').set({ leader_id: null }).where('id', '=', groupId).execute()
  }
}

export async function insertSession(db: Db, tokenHash: string, session: SessionRecord): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      token_hash: tokenHash,
      user_id: session.userId,
      kind: session.kind,
      expires_at: session.expiresAt.getTime(),
      id: randomUUID(),
      created_at: Date.now(),
      user_agent: session.userAgent ?? null,
    })
    .execute()
}

/** The user's browser sessions still valid at `now`, newest first. */
export async function listSessions(
  db: Db,
  userId: string,
  now: Date,
): Promise<(SessionView & { tokenHash: string })[]> {
  const rows = await db
    .selectFrom('sessions')
    .select(['token_hash', 'id', 'kind', 'created_at', 'expires_at', 'user_agent'])
    .where('user_id', '=', userId)
    .where('kind', '=', 'cookie')
    .where('expires_at', '>', now.getTime())
    .orderBy('created_at', 'desc')
    .execute()
  return rows.map((row) => ({
    tokenHash: row.token_hash,
    id: row.id ?? row.token_hash,
    kind: row.kind as SessionRecord['kind'],
    createdAt: row.created_at === null ? null : new Date(row.created_at),
    expiresAt: new Date(row.expires_at),
    userAgent: row.user_agent,
  }))
}

/** False if the user has no session of that id. */
export async function deleteSessionById(db: Db, userId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

/** Every session of the user but the one whose hash is `keepTokenHash`; how many ended. */
export async function deleteOtherSessions(db: Db, userId: string, keepTokenHash: string | null): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId)
  if (keepTokenHash !== null) query = query.where('token_hash', '<>', keepTokenHash)
  const result = await query.executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Newest first, `limit` of them, older than `before` when given. */
/** A cursor of time and id, not time alone: an import writes hundreds of entries in one millisecond. */
export async function listAuditEntries(
  db: Db,
  schoolId: string,
  limit: number,
  after: AuditCursor | null,
): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll().where('school_id', '=', schoolId)
  if (after !== null) {
    const at = after.at.getTime()
    query = query.where((row) => row.or([row('at', '<', at), row.and([row('at', '=', at), row('id', '>', after.id)])]))
  }
  const rows = await query.orderBy('at', 'desc').orderBy('id').limit(limit).execute()
  return rows.map(toAuditEntry)
}

function toAccount(row: Selectable<UsersTable>): AccountRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    schoolId: row.school_id,
    color: row.color,
    disabledAt: row.disabled_at === null ? null : new Date(Number(row.disabled_at)),
    mustChangePassword: Number(row.must_change_password) === 1,
    accessUntil: row.access_until === null ? null : new Date(Number(row.access_until)),
  }
}

function toAuditEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: row.id,
    schoolId: row.school_id,
    actorId: row.actor_id,
    action: row.action as AuditAction,
    targetUserId: row.target_user_id,
    targetGroupId: row.target_group_id,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    at: new Date(Number(row.at)),
  }
}
