/**
 * Store contract cases of running a school (accounts, groups, sessions a teacher sees, the audit log),
 * run inside `describeStoreContract` on every backend.
 */
import { describe, expect, it, vi } from 'vitest'
import { type AuditEntry, GroupNameTakenError, UsernameTakenError } from '../../../server/store/school-records.ts'
import type { Store } from '../../../server/store/store.ts'

const account = { displayName: '周主任', passwordHash: 'scrypt$test', color: '#495057' }
const missingId = '00000000-0000-0000-0000-000000000000'

/** Entries of one millisecond have no order among them, so tests find entries by their action. */
async function entriesOf(store: Store, schoolId: string, action: AuditEntry['action']): Promise<AuditEntry[]> {
  return (await store.audit.listAuditEntries(schoolId, 100, null)).filter((entry) => entry.action === action)
}

async function school(store: Store) {
  const office = await store.accounts.createSchoolWithAdmin('花园实验中学', { ...account, username: 'office' })
  const teacher = await store.accounts.createAccount({
    ...account,
    username: 'li',
    displayName: '李老师',
    role: 'teacher',
    schoolId: office.schoolId,
  })
  return { office, teacher, schoolId: office.schoolId }
}

export function describeSchoolContract(storeOf: () => Store): void {
  describe('running a school', () => {
    it('creates a school with its first office account and says so in the audit log', async () => {
      const store = storeOf()
      const office = await store.accounts.createSchoolWithAdmin('花园实验中学', { ...account, username: 'office' })
      expect(office).toMatchObject({ username: 'office', role: 'admin', disabledAt: null, mustChangePassword: false })
      expect(await store.accounts.findAccount(office.id)).toEqual(office)
      const [entry] = await store.audit.listAuditEntries(office.schoolId, 10, null)
      expect(entry).toMatchObject({ action: 'school.create', actorId: null, targetUserId: office.id })
      expect(entry?.detail).toEqual({ school: '花园实验中学', username: 'office' })
    })

    it('creates nothing when the first account’s username is taken', async () => {
      const store = storeOf()
      await store.accounts.createSchoolWithAdmin('花园实验中学', { ...account, username: 'office' })
      const again = store.accounts.createSchoolWithAdmin('河畔中学', { ...account, username: 'office' })
      await expect(again).rejects.toBeInstanceOf(UsernameTakenError)
      expect(await store.accounts.countUsers()).toBe(1)
    })

    it('edits, disables and enables an account; disabling ends its sessions', async () => {
      const store = storeOf()
      const { teacher } = await school(store)
      const later = new Date('2031-01-01T00:00:00Z')
      await store.sessions.createSession('li-browser', {
        userId: teacher.id,
        kind: 'cookie',
        expiresAt: later,
        userAgent: 'Firefox',
      })
      const changed = await store.accounts.updateAccount(teacher.id, { displayName: '李伟', role: 'leader' })
      expect(changed).toMatchObject({ displayName: '李伟', role: 'leader' })
      const disabledAt = new Date('2030-06-01T08:00:00Z')
      expect((await store.accounts.setAccountDisabled(teacher.id, disabledAt))?.disabledAt).toEqual(disabledAt)
      expect(await store.sessions.findSession('li-browser', new Date('2030-06-02'))).toBeNull()
      expect((await store.accounts.setAccountDisabled(teacher.id, null))?.disabledAt).toBeNull()
      expect(
        await store.accounts.updateAccount('00000000-0000-0000-0000-000000000000', { displayName: 'x' }),
      ).toBeNull()
    })

    it('counts the school’s enabled office accounts', async () => {
      const store = storeOf()
      const { office, schoolId } = await school(store)
      const second = await store.accounts.createAccount({ ...account, username: 'office2', role: 'admin', schoolId })
      expect(await store.accounts.countActiveAdmins(schoolId)).toBe(2)
      await store.accounts.setAccountDisabled(second.id, new Date())
      expect(await store.accounts.countActiveAdmins(schoolId)).toBe(1)
      await store.accounts.updateAccount(office.id, { role: 'teacher' })
      expect(await store.accounts.countActiveAdmins(schoolId)).toBe(0)
    })

    it('sets a password that must be changed, and an expert’s end date', async () => {
      const store = storeOf()
      const { teacher, schoolId } = await school(store)
      expect(await store.accounts.setPassword(teacher.id, 'scrypt$reset', true)).toBe(true)
      expect((await store.accounts.findAccount(teacher.id))?.mustChangePassword).toBe(true)
      expect((await store.accounts.findUserByUsername('li'))?.passwordHash).toBe('scrypt$reset')
      await store.accounts.setPassword(teacher.id, 'scrypt$own', false)
      expect((await store.accounts.findAccount(teacher.id))?.mustChangePassword).toBe(false)
      const until = new Date('2031-07-01T00:00:00Z')
      const expert = await store.accounts.createAccount({
        ...account,
        username: 'sun',
        role: 'guest',
        schoolId,
        accessUntil: until,
      })
      expect((await store.accounts.findAccount(expert.id))?.accessUntil).toEqual(until)
      expect((await store.accounts.updateAccount(expert.id, { accessUntil: null }))?.accessUntil).toBeNull()
      expect(await store.accounts.setPassword('00000000-0000-0000-0000-000000000000', 'x', false)).toBe(false)
      expect((await store.accounts.listAccounts(schoolId)).map((a) => a.username)).toEqual(['li', 'office', 'sun'])
    })

    it('keeps a group’s subject, grade, leader and members; a teacher is in several groups', async () => {
      const store = storeOf()
      const { teacher, office, schoolId } = await school(store)
      const math = await store.groups.createGroup(schoolId, '七年级数学备课组')
      const physics = await store.groups.createGroup(schoolId, '八年级物理备课组')
      await store.groups.setGroupMembers(math.id, [teacher.id, office.id])
      await store.groups.setGroupMembers(physics.id, [teacher.id])
      await store.groups.updateGroup(math.id, { subject: '数学', grade: '七年级', leaderId: teacher.id })
      const [mathDetails, physicsDetails] = await store.groups
        .listGroupDetails(schoolId)
        .then((groups) => [math.id, physics.id].map((id) => groups.find((group) => group.id === id)))
      expect(mathDetails).toEqual({
        id: math.id,
        schoolId,
        name: '七年级数学备课组',
        subject: '数学',
        grade: '七年级',
        leaderId: teacher.id,
        memberIds: [teacher.id, office.id].sort(),
        guestIds: [],
      })
      expect(physicsDetails?.memberIds).toEqual([teacher.id])
      expect((await store.groups.groupIdsOfUser(teacher.id)).sort()).toEqual([math.id, physics.id].sort())

      await store.groups.setGroupMembers(math.id, [office.id])
      const after = (await store.groups.listGroupDetails(schoolId)).find((group) => group.id === math.id)
      expect(after).toMatchObject({ leaderId: null, memberIds: [office.id] })
      await expect(store.groups.updateGroup(math.id, { name: '八年级物理备课组' })).rejects.toBeInstanceOf(
        GroupNameTakenError,
      )
      await store.groups.updateGroup(math.id, { name: '初一数学备课组' })
      expect((await store.groups.findGroup(math.id))?.name).toBe('初一数学备课组')
    })

    it('keeps a user’s memberships, and an expert’s invitations apart from them', async () => {
      const store = storeOf()
      const { teacher, schoolId } = await school(store)
      const math = await store.groups.createGroup(schoolId, '七年级数学备课组')
      const physics = await store.groups.createGroup(schoolId, '八年级物理备课组')
      await store.groups.setMemberships(teacher.id, [math.id, physics.id])
      await store.groups.updateGroup(physics.id, { leaderId: teacher.id })
      await store.groups.setMemberships(teacher.id, [math.id])
      expect(await store.groups.groupIdsOfUser(teacher.id)).toEqual([math.id])
      expect(
        (await store.groups.listGroupDetails(schoolId)).find((group) => group.id === physics.id)?.leaderId,
      ).toBeNull()

      const expert = await store.accounts.createAccount({ ...account, username: 'sun', role: 'guest', schoolId })
      await store.groups.setGuestGroups(expert.id, [physics.id, math.id])
      expect(await store.groups.guestGroupIdsOf(expert.id)).toEqual([math.id, physics.id].sort())
      expect(await store.groups.groupIdsOfUser(expert.id)).toEqual([])
      expect((await store.groups.listGroupDetails(schoolId)).find((group) => group.id === math.id)).toMatchObject({
        memberIds: [teacher.id],
        guestIds: [expert.id],
      })
      await store.groups.setGuestGroups(expert.id, [])
      expect(await store.groups.guestGroupIdsOf(expert.id)).toEqual([])
    })

    it('lists a user’s browser sessions and ends one, or all but the current', async () => {
      const store = storeOf()
      const { teacher, office } = await school(store)
      const now = new Date('2030-01-01T00:00:00Z')
      const later = new Date('2030-02-01T00:00:00Z')
      await store.sessions.createSession('phone', {
        userId: teacher.id,
        kind: 'cookie',
        expiresAt: later,
        userAgent: 'iPhone',
      })
      await store.sessions.createSession('laptop', { userId: teacher.id, kind: 'cookie', expiresAt: later })
      await store.sessions.createSession('socket', { userId: teacher.id, kind: 'ws', expiresAt: later })
      await store.sessions.createSession('expired', { userId: teacher.id, kind: 'cookie', expiresAt: now })
      await store.sessions.createSession('office', { userId: office.id, kind: 'cookie', expiresAt: later })
      const sessions = await store.sessions.listSessions(teacher.id, now)
      expect(sessions.map((s) => s.tokenHash).sort()).toEqual(['laptop', 'phone'])
      const phone = sessions.find((s) => s.tokenHash === 'phone')!
      expect(phone).toMatchObject({ kind: 'cookie', userAgent: 'iPhone', expiresAt: later })
      expect(phone.id).not.toBe('phone')
      expect(await store.sessions.deleteSessionById(office.id, phone.id)).toBe(false)
      expect(await store.sessions.deleteSessionById(teacher.id, phone.id)).toBe(true)
      expect(await store.sessions.findSession('phone', now)).toBeNull()
      expect(await store.sessions.deleteOtherSessions(teacher.id, 'laptop')).toBe(2)
      expect(await store.sessions.findSession('laptop', now)).not.toBeNull()
      expect(await store.sessions.findSession('office', now)).not.toBeNull()
    })

    it('reads the audit log newest first, a page at a time, of one school only, never skipping entries of one millisecond (SCHOOL-11)', async () => {
      const store = storeOf()
      const { office, teacher, schoolId } = await school(store)
      const other = await store.accounts.createSchoolWithAdmin('河畔中学', { ...account, username: 'riverside' })
      const names = ['李一', '李二', '李三', '李四', '李五']
      // As a roster import writes them: many entries in one millisecond, so a page can end inside it.
      const oneMillisecond = vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 1000)
      try {
        for (const displayName of names) {
          await store.audit.addAuditEntry({
            schoolId,
            actorId: office.id,
            action: 'account.update',
            targetUserId: teacher.id,
            detail: { displayName },
          })
        }
      } finally {
        oneMillisecond.mockRestore()
      }
      const seen: AuditEntry[] = []
      let page = await store.audit.listAuditEntries(schoolId, 2, null)
      while (page.length > 0) {
        seen.push(...page)
        const last = page[page.length - 1]
        page = last ? await store.audit.listAuditEntries(schoolId, 2, { at: last.at, id: last.id }) : []
      }
      expect(
        seen
          .map((entry) => entry.detail.displayName)
          .slice(0, names.length)
          .sort(),
      ).toEqual([...names].sort())
      expect(seen.slice(names.length).map((entry) => entry.action)).toEqual(['school.create'])
      expect(new Set(seen.map((entry) => entry.id)).size).toBe(seen.length)
      expect((await store.audit.listAuditEntries(other.schoolId, 10, null)).map((entry) => entry.action)).toEqual([
        'school.create',
      ])
    })

    it('[SCHOOL-16] lists the schools; whether single sign-on creates accounts is off until set, and audited', async () => {
      const store = storeOf()
      const { office, schoolId } = await school(store)
      const river = await store.accounts.createSchoolWithAdmin('河畔中学', { ...account, username: 'river' })
      expect(await store.accounts.listSchools()).toEqual([
        { id: river.schoolId, name: '河畔中学', ssoCreatesAccounts: false },
        { id: schoolId, name: '花园实验中学', ssoCreatesAccounts: false },
      ])
      await store.accounts.setSsoCreatesAccounts(schoolId, true, office.id)
      const schools = await store.accounts.listSchools()
      expect(schools.find((one) => one.id === schoolId)?.ssoCreatesAccounts).toBe(true)
      expect(schools.find((one) => one.id === river.schoolId)?.ssoCreatesAccounts).toBe(false)
      // Entries of one millisecond have no order among them, so the entry is found by its action.
      const entries = await store.audit.listAuditEntries(schoolId, 50, null)
      const entry = entries.find((one) => one.action === 'school.update')
      expect(entry).toMatchObject({ action: 'school.update', actorId: office.id, detail: { ssoCreatesAccounts: true } })
    })

    it('[SCHOOL-16] creates an account with its audit entry naming it, or neither', async () => {
      const store = storeOf()
      const { schoolId } = await school(store)
      const audit = { actorId: null, action: 'account.createBySso' as const, detail: { username: 'wang' } }
      const wang = await store.accounts.createAccount(
        { ...account, username: 'wang', displayName: '王老师', role: 'teacher', schoolId },
        audit,
      )
      const created = await store.audit.listAuditEntries(schoolId, 50, null)
      const entry = created.find((one) => one.action === 'account.createBySso')
      expect(entry).toMatchObject({ action: 'account.createBySso', actorId: null, targetUserId: wang.id })
      const again = store.accounts.createAccount({ ...account, username: 'wang', role: 'teacher', schoolId }, audit)
      await expect(again).rejects.toBeInstanceOf(UsernameTakenError)
      const entries = await store.audit.listAuditEntries(schoolId, 50, null)
      expect(entries.filter((one) => one.action === 'account.createBySso')).toHaveLength(1)
    })

    it('[SCHOOL-11] creates an account with its groups and audit entry, or none of them', async () => {
      const store = storeOf()
      const { office, schoolId } = await school(store)
      const math = await store.groups.createGroup(schoolId, '七年级数学备课组')
      const audit = { actorId: office.id, action: 'account.create' as const, detail: { username: 'wang' } }
      const wang = await store.accounts.createAccount(
        { ...account, username: 'wang', role: 'teacher', schoolId, groupIds: [math.id] },
        audit,
      )
      expect(await store.groups.groupIdsOfUser(wang.id)).toEqual([math.id])
      expect(await entriesOf(store, schoolId, 'account.create')).toMatchObject([{ targetUserId: wang.id }])
      const expert = await store.accounts.createAccount(
        { ...account, username: 'sun', role: 'guest', schoolId, groupIds: [math.id] },
        { ...audit, detail: { username: 'sun' } },
      )
      expect(await store.groups.guestGroupIdsOf(expert.id)).toEqual([math.id])
      expect(await store.groups.groupIdsOfUser(expert.id)).toEqual([])

      const taken = store.accounts.createAccount({ ...account, username: 'wang', role: 'teacher', schoolId }, audit)
      await expect(taken).rejects.toBeInstanceOf(UsernameTakenError)
      const unknownGroup = store.accounts.createAccount(
        { ...account, username: 'zhao', role: 'teacher', schoolId, groupIds: [missingId] },
        audit,
      )
      await expect(unknownGroup).rejects.toThrow()
      expect(await store.accounts.findUserByUsername('zhao')).toBeNull()
      expect(await entriesOf(store, schoolId, 'account.create')).toHaveLength(2)
    })

    it('[SCHOOL-11] changes an account and its groups with the audit entry, or neither', async () => {
      const store = storeOf()
      const { office, teacher, schoolId } = await school(store)
      const math = await store.groups.createGroup(schoolId, '七年级数学备课组')
      const audit = { actorId: office.id, action: 'account.update' as const, detail: { role: 'guest' } }
      await store.groups.setMemberships(teacher.id, [math.id])
      const changed = await store.accounts.updateAccount(
        teacher.id,
        { role: 'guest', memberGroupIds: [], guestGroupIds: [math.id] },
        audit,
      )
      expect(changed).toMatchObject({ role: 'guest' })
      expect(await store.groups.groupIdsOfUser(teacher.id)).toEqual([])
      expect(await store.groups.guestGroupIdsOf(teacher.id)).toEqual([math.id])
      expect(await entriesOf(store, schoolId, 'account.update')).toMatchObject([
        { actorId: office.id, targetUserId: teacher.id, detail: { role: 'guest' } },
      ])

      expect(await store.accounts.updateAccount(missingId, { displayName: '无名' }, audit)).toBeNull()
      const failing = store.accounts.updateAccount(
        teacher.id,
        { displayName: '李伟', guestGroupIds: [missingId] },
        audit,
      )
      await expect(failing).rejects.toThrow()
      expect((await store.accounts.findAccount(teacher.id))?.displayName).toBe('李老师')
      expect(await store.groups.guestGroupIdsOf(teacher.id)).toEqual([math.id])
      // An entry whose author does not exist cannot be written, so the change it records is not either.
      const unrecorded = store.accounts.updateAccount(
        teacher.id,
        { displayName: '李伟' },
        { ...audit, actorId: missingId },
      )
      await expect(unrecorded).rejects.toThrow()
      expect((await store.accounts.findAccount(teacher.id))?.displayName).toBe('李老师')
      expect(await entriesOf(store, schoolId, 'account.update')).toHaveLength(1)
    })

    it('[SCHOOL-11] disables and enables an account with the audit entry, or neither', async () => {
      const store = storeOf()
      const { office, teacher, schoolId } = await school(store)
      await store.sessions.createSession('li-browser', {
        userId: teacher.id,
        kind: 'cookie',
        expiresAt: new Date(Date.now() + 60_000),
      })
      const disable = { actorId: office.id, action: 'account.disable' as const, detail: { username: 'li' } }
      const unrecorded = store.accounts.setAccountDisabled(teacher.id, new Date(), { ...disable, actorId: missingId })
      await expect(unrecorded).rejects.toThrow()
      expect((await store.accounts.findAccount(teacher.id))?.disabledAt).toBeNull()
      expect(await store.sessions.findSession('li-browser', new Date())).not.toBeNull()
      expect(await store.accounts.setAccountDisabled(missingId, new Date(), disable)).toBeNull()
      expect(await entriesOf(store, schoolId, 'account.disable')).toEqual([])

      expect((await store.accounts.setAccountDisabled(teacher.id, new Date(), disable))?.disabledAt).not.toBeNull()
      expect(await store.sessions.findSession('li-browser', new Date())).toBeNull()
      const enable = { ...disable, action: 'account.enable' as const }
      expect((await store.accounts.setAccountDisabled(teacher.id, null, enable))?.disabledAt).toBeNull()
      expect(await entriesOf(store, schoolId, 'account.disable')).toMatchObject([{ targetUserId: teacher.id }])
      expect(await entriesOf(store, schoolId, 'account.enable')).toMatchObject([{ targetUserId: teacher.id }])
    })

    it('[SCHOOL-11] sets a password, ends the other sessions and writes the audit entry, or none of them', async () => {
      const store = storeOf()
      const { teacher, schoolId } = await school(store)
      const expiresAt = new Date(Date.now() + 60_000)
      for (const hash of ['phone', 'laptop'])
        await store.sessions.createSession(hash, { userId: teacher.id, kind: 'cookie', expiresAt })
      const own = { actorId: teacher.id, action: 'account.changeOwnPassword' as const, detail: {} }
      const unrecorded = store.accounts.setPassword(teacher.id, 'scrypt$new', false, {
        keepSessionTokenHash: 'phone',
        audit: { ...own, actorId: missingId },
      })
      await expect(unrecorded).rejects.toThrow()
      expect((await store.accounts.findUserByUsername('li'))?.passwordHash).toBe(account.passwordHash)
      expect(await store.sessions.findSession('laptop', new Date())).not.toBeNull()
      expect(
        await store.accounts.setPassword(missingId, 'scrypt$new', false, { keepSessionTokenHash: null, audit: own }),
      ).toBe(false)
      expect(await entriesOf(store, schoolId, 'account.changeOwnPassword')).toEqual([])

      expect(
        await store.accounts.setPassword(teacher.id, 'scrypt$new', false, {
          keepSessionTokenHash: 'phone',
          audit: own,
        }),
      ).toBe(true)
      expect((await store.accounts.findUserByUsername('li'))?.passwordHash).toBe('scrypt$new')
      expect(await store.sessions.findSession('phone', new Date())).not.toBeNull()
      expect(await store.sessions.findSession('laptop', new Date())).toBeNull()
      expect(await entriesOf(store, schoolId, 'account.changeOwnPassword')).toMatchObject([
        { actorId: teacher.id, targetUserId: teacher.id },
      ])
    })

    it('[SCHOOL-11] creates a group with subject, grade and audit entry, or none of them', async () => {
      const store = storeOf()
      const { office, schoolId } = await school(store)
      const audit = { actorId: office.id, action: 'group.create' as const, detail: { name: '七年级数学备课组' } }
      const math = await store.groups.createGroup(schoolId, '七年级数学备课组', {
        subject: '数学',
        grade: '七年级',
        audit,
      })
      expect((await store.groups.listGroupDetails(schoolId))[0]).toMatchObject({ subject: '数学', grade: '七年级' })
      expect(await entriesOf(store, schoolId, 'group.create')).toMatchObject([{ targetGroupId: math.id }])
      const taken = store.groups.createGroup(schoolId, '七年级数学备课组', { subject: '数学', grade: '七年级', audit })
      await expect(taken).rejects.toBeInstanceOf(GroupNameTakenError)
      const unrecorded = store.groups.createGroup(schoolId, '八年级物理备课组', {
        subject: '物理',
        grade: '八年级',
        audit: { ...audit, actorId: missingId },
      })
      await expect(unrecorded).rejects.toThrow()
      expect((await store.groups.listGroups(schoolId)).map((group) => group.name)).toEqual(['七年级数学备课组'])
      expect(await entriesOf(store, schoolId, 'group.create')).toHaveLength(1)
    })

    it('[SCHOOL-11] changes a group and its members with the audit entry, or none of them', async () => {
      const store = storeOf()
      const { office, teacher, schoolId } = await school(store)
      const math = await store.groups.createGroup(schoolId, '七年级数学备课组')
      await store.groups.createGroup(schoolId, '八年级物理备课组')
      const audit = { actorId: office.id, action: 'group.members' as const, detail: { memberIds: [teacher.id] } }
      await store.groups.updateGroup(math.id, { memberIds: [teacher.id], leaderId: teacher.id, grade: '初一' }, audit)
      const details = () => store.groups.listGroupDetails(schoolId).then((all) => all.find((g) => g.id === math.id)!)
      expect(await details()).toMatchObject({ memberIds: [teacher.id], leaderId: teacher.id, grade: '初一' })
      expect(await entriesOf(store, schoolId, 'group.members')).toMatchObject([{ targetGroupId: math.id }])

      // A name another group has refuses the whole change: members stay, no entry.
      const clash = store.groups.updateGroup(math.id, { memberIds: [office.id], name: '八年级物理备课组' }, audit)
      await expect(clash).rejects.toBeInstanceOf(GroupNameTakenError)
      const unrecorded = store.groups.updateGroup(math.id, { memberIds: [] }, { ...audit, actorId: missingId })
      await expect(unrecorded).rejects.toThrow()
      expect(await details()).toMatchObject({ name: '七年级数学备课组', memberIds: [teacher.id], leaderId: teacher.id })
      expect(await entriesOf(store, schoolId, 'group.members')).toHaveLength(1)
    })
  })
}
