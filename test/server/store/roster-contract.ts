/**
 * Store contract cases of writing an imported staff roster, run inside `describeStoreContract` on every
 * backend: all of it in one transaction, or nothing.
 */
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { RosterConflictError, type RosterWrite } from '../../../server/store/roster-records.ts'
import type { Store } from '../../../server/store/store.ts'

const account = { passwordHash: 'scrypt$test', color: '#495057', mustChangePassword: true }

async function school(store: Store) {
  const office = await store.accounts.createSchoolWithAdmin('花园实验中学', {
    ...account,
    displayName: '周主任',
    username: 'office',
  })
  const leader = await store.accounts.createAccount({
    ...account,
    schoolId: office.schoolId,
    username: 'wang',
    displayName: '王老师',
    role: 'leader',
  })
  const math = await store.groups.createGroup(office.schoolId, '七年级数学备课组')
  await store.groups.setMemberships(leader.id, [math.id])
  await store.groups.updateGroup(math.id, { leaderId: leader.id })
  return { office, leader, math, schoolId: office.schoolId }
}

function emptyWrite(schoolId: string): RosterWrite {
  return {
    schoolId,
    newGroups: [],
    groupChanges: [],
    newAccounts: [],
    accountChanges: [],
    memberships: [],
    leaders: [],
    audit: [],
  }
}

export function describeRosterContract(storeOf: () => Store): void {
  describe('staff roster', () => {
    it('writes accounts, groups, memberships, leaders and audit entries together, in batches', async () => {
      const store = storeOf()
      const { office, leader, math, schoolId } = await school(store)
      const chinese = { id: randomUUID(), name: '七年级语文备课组', subject: '语文', grade: '七年级' }
      const teachers = Array.from({ length: 1203 }, (_, index) => ({
        ...account,
        id: randomUUID(),
        schoolId,
        username: `t${index}`,
        displayName: `老师${index}`,
        role: 'teacher' as const,
      }))
      await store.accounts.importRoster({
        ...emptyWrite(schoolId),
        newGroups: [chinese],
        groupChanges: [{ id: math.id, subject: '数学', grade: '七年级' }],
        newAccounts: teachers,
        // 王老师 moves to 语文 and stops being 组长: he no longer leads 数学.
        accountChanges: [{ id: leader.id, displayName: '王大伟', role: 'teacher' }],
        memberships: [
          ...teachers.map((teacher) => ({ userId: teacher.id, groupIds: [math.id] })),
          { userId: leader.id, groupIds: [chinese.id] },
        ],
        leaders: [{ groupId: chinese.id, userId: teachers[0]!.id }],
        audit: teachers.map((teacher) => ({
          schoolId,
          actorId: office.id,
          action: 'account.create',
          targetUserId: teacher.id,
          detail: {},
        })),
      })
      expect(await store.accounts.listAccounts(schoolId)).toHaveLength(1205)
      expect(await store.accounts.findAccount(leader.id)).toMatchObject({ displayName: '王大伟', role: 'teacher' })
      const details = new Map((await store.groups.listGroupDetails(schoolId)).map((group) => [group.name, group]))
      expect(details.get('七年级数学备课组')).toMatchObject({ subject: '数学', grade: '七年级', leaderId: null })
      expect(details.get('七年级数学备课组')!.memberIds).toHaveLength(1203)
      expect(details.get('七年级语文备课组')).toMatchObject({ leaderId: teachers[0]!.id, memberIds: [leader.id] })
      expect(await store.accounts.findAccount(teachers[5]!.id)).toMatchObject({
        mustChangePassword: true,
        disabledAt: null,
      })
      expect(await store.audit.listAuditEntries(schoolId, 2000, null)).toHaveLength(1204)
    })

    it('a leader who leaves a group by the roster stops leading it', async () => {
      const store = storeOf()
      const { leader, schoolId } = await school(store)
      const physics = await store.groups.createGroup(schoolId, '八年级物理备课组')
      await store.accounts.importRoster({
        ...emptyWrite(schoolId),
        memberships: [{ userId: leader.id, groupIds: [physics.id] }],
      })
      const [math] = (await store.groups.listGroupDetails(schoolId)).filter(
        (group) => group.name === '七年级数学备课组',
      )
      expect(math).toMatchObject({ leaderId: null, memberIds: [] })
    })

    it('writes nothing when a username was taken meanwhile', async () => {
      const store = storeOf()
      const { office, schoolId } = await school(store)
      const group = { id: randomUUID(), name: '新组', subject: '', grade: '' }
      const write = {
        ...emptyWrite(schoolId),
        newGroups: [group],
        newAccounts: ['zhao', 'wang'].map((username) => ({
          ...account,
          id: randomUUID(),
          schoolId,
          username,
          displayName: username,
          role: 'teacher' as const,
        })),
        audit: [{ schoolId, actorId: office.id, action: 'roster.import' as const, detail: {} }],
      }
      await expect(store.accounts.importRoster(write)).rejects.toBeInstanceOf(RosterConflictError)
      expect(await store.accounts.listAccounts(schoolId)).toHaveLength(2)
      expect((await store.groups.listGroups(schoolId)).map((found) => found.name)).toEqual(['七年级数学备课组'])
      expect(await store.audit.listAuditEntries(schoolId, 10, null)).toHaveLength(1)
    })

    it('tells which usernames other schools have', async () => {
      const store = storeOf()
      const { schoolId } = await school(store)
      const other = await store.accounts.createSchool('河畔中学')
      await store.accounts.createAccount({
        ...account,
        schoolId: other,
        username: 'he',
        displayName: '何老师',
        role: 'teacher',
      })
      expect(await store.accounts.usernamesOfOtherSchools(schoolId, ['he', 'wang', 'nobody'])).toEqual(['he'])
    })
  })
}
