/** Store contract cases of 教案检查, run inside `describeStoreContract` on every backend. */
import { describe, expect, it } from 'vitest'
import type { Store } from '../../../server/store/store.ts'

const account = { displayName: '周主任', passwordHash: 'scrypt$test', color: '#495057' }
const autumn = '2030-2031学年第一学期'
const spring = '2030-2031学年第二学期'

async function school(store: Store) {
  const office = await store.accounts.createSchoolWithAdmin('花园实验中学', { ...account, username: 'office' })
  const { schoolId } = office
  const li = await store.accounts.createAccount({ ...account, username: 'li', role: 'teacher', schoolId })
  const wang = await store.accounts.createAccount({ ...account, username: 'wang', role: 'teacher', schoolId })
  const check = (teacherId: string, semester: string, grade: 'excellent' | 'good', comment = '') => ({
    schoolId,
    teacherId,
    semester,
    grade,
    comment,
    checkedBy: office.id,
    audit: { actorId: office.id, action: 'check.record' as const, detail: { semester, grade } },
  })
  return { office, li, wang, schoolId, check }
}

export function describeCheckContract(storeOf: () => Store): void {
  describe('教案检查', () => {
    it('[CHECK-2] keeps one check per teacher and semester: checking again replaces it, and the audit log says what it was', async () => {
      const store = storeOf()
      const { li, wang, schoolId, check } = await school(store)
      const first = await store.checks.saveCheck(check(li.id, autumn, 'good', '二次备课有批注'))
      expect(first).toMatchObject({ teacherId: li.id, semester: autumn, grade: 'good', comment: '二次备课有批注' })
      await store.checks.saveCheck(check(li.id, spring, 'excellent'))
      await store.checks.saveCheck(check(wang.id, autumn, 'excellent'))
      await store.checks.saveCheck(check(li.id, autumn, 'excellent', '反思写得具体'))

      const ofAutumn = await store.checks.listChecks(schoolId, autumn)
      expect(ofAutumn.map(({ teacherId, grade, comment }) => ({ teacherId, grade, comment }))).toEqual(
        [
          { teacherId: li.id, grade: 'excellent', comment: '反思写得具体' },
          { teacherId: wang.id, grade: 'excellent', comment: '' },
        ].sort((a, b) => a.teacherId.localeCompare(b.teacherId)),
      )
      expect((await store.checks.listChecksOfTeacher(li.id)).map((one) => one.semester)).toEqual([spring, autumn])
      const entries = (await store.audit.listAuditEntries(schoolId, 50, null)).filter(
        (entry) => entry.action === 'check.record' && entry.targetUserId === li.id && entry.detail.semester === autumn,
      )
      expect(entries.map((entry) => entry.detail.previous ?? null)).toContainEqual({
        grade: 'good',
        comment: '二次备课有批注',
      })
      expect(entries).toHaveLength(2)
    })

    it('[CHECK-2] writes a check and its audit entry together, or neither', async () => {
      const store = storeOf()
      const { li, schoolId, check } = await school(store)
      const failing = check(li.id, autumn, 'good')
      const unrecorded = store.checks.saveCheck({
        ...failing,
        audit: { ...failing.audit, actorId: '00000000-0000-0000-0000-000000000000' },
      })
      await expect(unrecorded).rejects.toThrow()
      expect(await store.checks.listChecks(schoolId, autumn)).toEqual([])
      const entries = await store.audit.listAuditEntries(schoolId, 50, null)
      expect(entries.filter((entry) => entry.action === 'check.record')).toEqual([])
    })

    it('keeps the checks of each school apart', async () => {
      const store = storeOf()
      const { li, check } = await school(store)
      const river = await store.accounts.createSchoolWithAdmin('河畔中学', { ...account, username: 'river' })
      await store.checks.saveCheck(check(li.id, autumn, 'good'))
      expect(await store.checks.listChecks(river.schoolId, autumn)).toEqual([])
    })
  })
}
