/**
 * Store contract cases of the schools' 导学案 templates, run inside `describeStoreContract` on every backend.
 */
import { describe, expect, it } from 'vitest'
import type { Store } from '../../../server/store/store.ts'
import { defaultLessonTemplate } from '../../../shared/template/default-template.ts'
import type { LessonTemplate } from '../../../shared/template/lesson-template.ts'
import { match } from '../../helpers/match.ts'

async function twoSchoolsWithAdmins(store: Store) {
  const admin = async (schoolName: string, username: string) => {
    const schoolId = await store.accounts.createSchool(schoolName)
    const user = await store.accounts.createUser({
      username,
      displayName: '周主任',
      passwordHash: 'x',
      role: 'admin',
      schoolId,
      color: '#495057',
    })
    return { schoolId, userId: user.id }
  }
  return { garden: await admin('花园实验中学', 'garden-admin'), river: await admin('河西中学', 'river-admin') }
}

const shortTemplate: LessonTemplate = {
  sections: [
    { key: 'objectives', title: '学习目标', hint: '2—4 条', teacherOnly: false },
    { key: 'notes', title: '教学札记“随堂”', hint: '', teacherOnly: true },
  ],
}

export function describeTemplateContract(storeOf: () => Store): void {
  describe('lesson templates', () => {
    it('has no template for a school until one is saved', async () => {
      const store = storeOf()
      const { garden } = await twoSchoolsWithAdmins(store)
      expect(await store.templates.findTemplate(garden.schoolId)).toBeNull()
    })

    it('saves a school template and finds it again with who saved it and when', async () => {
      const store = storeOf()
      const { garden, river } = await twoSchoolsWithAdmins(store)
      const before = Date.now()
      const saved = await store.templates.saveTemplate(garden.schoolId, shortTemplate, garden.userId)
      expect(saved).toEqual({
        schoolId: garden.schoolId,
        definition: shortTemplate,
        updatedAt: match.any(Date),
        updatedBy: garden.userId,
      })
      expect(saved.updatedAt.getTime()).toBeGreaterThanOrEqual(before)
      expect(await store.templates.findTemplate(garden.schoolId)).toEqual(saved)
      expect(await store.templates.findTemplate(river.schoolId)).toBeNull()
    })

    it('replaces the template on a later save', async () => {
      const store = storeOf()
      const { garden } = await twoSchoolsWithAdmins(store)
      await store.templates.saveTemplate(garden.schoolId, shortTemplate, garden.userId)
      const second = await store.templates.saveTemplate(garden.schoolId, defaultLessonTemplate, garden.userId)
      expect(await store.templates.findTemplate(garden.schoolId)).toEqual(second)
      expect((await store.templates.findTemplate(garden.schoolId))!.definition).toEqual(defaultLessonTemplate)
    })
  })
}
