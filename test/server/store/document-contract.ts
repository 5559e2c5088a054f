/**
 * The contract of the documents area (`DocumentStore` in `server/store/store.ts`), run by `store-contract.ts` on every backend.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import type { Store } from '../../../server/store/store.ts'
import { createFixture } from './store-fixture.ts'
import { match } from '../../helpers/match.ts'

export function describeDocumentContract(storeOf: () => Store): void {
  describe('documents', () => {
    let store: Store
    beforeEach(() => {
      store = storeOf()
    })

    it('creates, finds and lists the documents of a school', async () => {
      const { schoolId, user, groupId, document } = await createFixture(store)
      expect(document).toEqual({
        id: match.any(String),
        groupId,
        schoolId,
        title: '3.1.1 一元一次方程',
        kind: 'lesson-plan',
        createdBy: user.id,
        createdAt: match.any(Date),
        lessonId: null,
      })
      expect(await store.documents.findDocument(document.id)).toEqual(document)
      expect(await store.documents.findDocument('missing')).toBeNull()
      const lessonPlan = { kind: 'lesson-plan', createdBy: user.id }
      const second = await store.documents.createDocument({
        ...lessonPlan,
        groupId,
        schoolId,
        title: '3.1.2 等式的性质',
      })
      const otherSchool = await store.accounts.createSchool('第二中学')
      const otherGroup = await store.groups.createGroup(otherSchool, '七年级数学备课组')
      await store.documents.createDocument({
        ...lessonPlan,
        groupId: otherGroup.id,
        schoolId: otherSchool,
        title: '别校',
      })
      const listed = await store.documents.listDocumentsOfSchool(schoolId)
      expect(listed.map((doc) => doc.id).sort()).toEqual([document.id, second.id].sort())
      expect(listed[0]!.createdAt.getTime()).toBeLessThanOrEqual(listed[1]!.createdAt.getTime())
    })

    it("refuses a document whose group is not in the document's school", async () => {
      const { user, groupId } = await createFixture(store)
      const otherSchool = await store.accounts.createSchool('第二中学')
      await expect(
        store.documents.createDocument({
          groupId,
          schoolId: otherSchool,
          title: '错配',
          kind: 'lesson-plan',
          createdBy: user.id,
        }),
      ).rejects.toThrow()
    })
  })
}
