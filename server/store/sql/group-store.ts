/** The groups area of the store over SQL, shared by both dialects. */
import type { Kysely } from 'kysely'
import { toUser } from './account-store.ts'
import * as school from '../school-queries.ts'
import type { Database } from '../database-schema.ts'
import type { AuditNote, GroupChange, GroupDetails, NewGroupDetails } from '../school-records.ts'
import type { GroupRecord, GroupStore, UserRecord } from '../store.ts'

export class SqlGroupStore implements GroupStore {
  constructor(private readonly db: Kysely<Database>) {}

  createGroup(schoolId: string, name: string, details?: NewGroupDetails): Promise<GroupRecord> {
    return school.insertGroup(this.db, schoolId, name, details)
  }

  async addGroupMember(groupId: string, userId: string): Promise<void> {
    await this.db
      .insertInto('group_members')
      .values({ group_id: groupId, user_id: userId })
      .onConflict((conflict) => conflict.columns(['group_id', 'user_id']).doNothing())
      .execute()
  }

  async groupIdsOfUser(userId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('group_members')
      .select('group_id')
      .where('user_id', '=', userId)
      .orderBy('group_id')
      .execute()
    return rows.map((row) => row.group_id)
  }

  async listGroups(schoolId: string): Promise<GroupRecord[]> {
    const rows = await this.db
      .selectFrom('groups')
      .select(['id', 'school_id', 'name'])
      .where('school_id', '=', schoolId)
      .orderBy('name')
      .execute()
    return rows.map((row) => ({ id: row.id, schoolId: row.school_id, name: row.name }))
  }

  async findGroup(id: string): Promise<GroupRecord | null> {
    const row = await this.db
      .selectFrom('groups')
      .select(['id', 'school_id', 'name'])
      .where('id', '=', id)
      .executeTakeFirst()
    return row === undefined ? null : { id: row.id, schoolId: row.school_id, name: row.name }
  }

  async listGroupMembers(groupId: string): Promise<UserRecord[]> {
    const rows = await this.db
      .selectFrom('users')
      .innerJoin('group_members', 'group_members.user_id', 'users.id')
      .selectAll('users')
      .where('group_members.group_id', '=', groupId)
      .orderBy('users.display_name')
      .orderBy('users.id')
      .execute()
    return rows.map(toUser)
  }

  listGroupDetails(schoolId: string): Promise<GroupDetails[]> {
    return school.listGroupDetails(this.db, schoolId)
  }

  updateGroup(id: string, change: GroupChange, audit?: AuditNote): Promise<void> {
    return school.updateGroup(this.db, id, change, audit)
  }

  setGroupMembers(groupId: string, userIds: readonly string[]): Promise<void> {
    return school.setGroupMembers(this.db, groupId, userIds)
  }

  setMemberships(userId: string, groupIds: readonly string[]): Promise<void> {
    return school.setMemberships(this.db, userId, groupIds)
  }

  setGuestGroups(userId: string, groupIds: readonly string[]): Promise<void> {
    return school.setGuestGroups(this.db, userId, groupIds)
  }

  guestGroupIdsOf(userId: string): Promise<string[]> {
    return school.guestGroupIdsOf(this.db, userId)
  }
}
