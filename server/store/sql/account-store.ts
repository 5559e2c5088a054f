/** The accounts area of the store over SQL, shared by both dialects. */
import { randomUUID } from 'node:crypto'
import type { Kysely, Selectable } from 'kysely'
import * as roster from '../roster-queries.ts'
import * as school from '../school-queries.ts'
import type { Role } from '../../../shared/access.ts'
import type { Database, UsersTable } from '../database-schema.ts'
import type { RosterWrite } from '../roster-records.ts'
import {
  type AccountChange,
  type AuditNote,
  type NewAccount,
  type PasswordEffects,
  type SchoolRecord,
  UsernameTakenError,
} from '../school-records.ts'
import type { AccountRecord, AccountStore, UserRecord, UserWithPassword } from '../store.ts'

export class SqlAccountStore implements AccountStore {
  constructor(private readonly db: Kysely<Database>) {}

  async createSchool(name: string): Promise<string> {
    const id = randomUUID()
    await this.db.insertInto('schools').values({ id, name, created_at: Date.now() }).execute()
    return id
  }

  async createUser(user: Omit<UserWithPassword, 'id'>): Promise<UserRecord> {
    const id = randomUUID()
    const inserted = await this.db
      .insertInto('users')
      .values({
        id,
        school_id: user.schoolId,
        username: user.username,
        display_name: user.displayName,
        password_hash: user.passwordHash,
        role: user.role,
        color: user.color,
        created_at: Date.now(),
      })
      .onConflict((conflict) => conflict.column('username').doNothing())
      .returning('id')
      .executeTakeFirst()
    if (inserted === undefined) throw new UsernameTakenError(user.username)
    const { username, displayName, role, schoolId, color } = user
    return { id, username, displayName, role, schoolId, color }
  }

  async findUserByUsername(username: string): Promise<UserWithPassword | null> {
    const row = await this.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst()
    return row === undefined ? null : { ...toUser(row), passwordHash: row.password_hash }
  }

  async findUserById(id: string): Promise<UserRecord | null> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
    return row === undefined ? null : toUser(row)
  }

  async countUsers(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll().as('count'))
      .executeTakeFirstOrThrow()
    return Number(row.count)
  }

  createSchoolWithAdmin(schoolName: string, admin: Omit<NewAccount, 'schoolId' | 'role'>): Promise<AccountRecord> {
    return school.createSchoolWithAdmin(this.db, schoolName, admin)
  }

  createAccount(account: NewAccount, audit?: AuditNote): Promise<AccountRecord> {
    return audit === undefined && (account.groupIds ?? []).length === 0
      ? school.insertAccount(this.db, account)
      : school.insertAuditedAccount(this.db, account, audit)
  }

  listSchools(): Promise<SchoolRecord[]> {
    return school.listSchools(this.db)
  }

  setSsoCreatesAccounts(schoolId: string, allowed: boolean, actorId: string): Promise<void> {
    return school.setSsoCreatesAccounts(this.db, schoolId, allowed, actorId)
  }

  findAccount(id: string): Promise<AccountRecord | null> {
    return school.findAccount(this.db, id)
  }

  listAccounts(schoolId: string): Promise<AccountRecord[]> {
    return school.listAccounts(this.db, schoolId)
  }

  updateAccount(id: string, change: AccountChange, audit?: AuditNote): Promise<AccountRecord | null> {
    return school.updateAccount(this.db, id, change, audit)
  }

  setAccountDisabled(id: string, at: Date | null, audit?: AuditNote): Promise<AccountRecord | null> {
    return school.setAccountDisabled(this.db, id, at, audit)
  }

  setPassword(id: string, passwordHash: string, mustChange: boolean, effects?: PasswordEffects): Promise<boolean> {
    return school.setPassword(this.db, id, passwordHash, mustChange, effects)
  }

  countActiveAdmins(schoolId: string): Promise<number> {
    return school.countActiveAdmins(this.db, schoolId)
  }

  usernamesOfOtherSchools(schoolId: string, usernames: readonly string[]): Promise<string[]> {
    return roster.usernamesOfOtherSchools(this.db, schoolId, usernames)
  }

  importRoster(write: RosterWrite): Promise<void> {
    return roster.importRoster(this.db, write)
  }
}

export function toUser(row: Selectable<UsersTable>): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    schoolId: row.school_id,
    color: row.color,
  }
}
