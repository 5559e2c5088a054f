/**
 * The contract of the groups area (`GroupStore` in `server/store/store.ts`), run by `store-contract.ts` on every backend.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import type { Store } from '../../../server/store/store.ts'
import { createFixture } from './store-fixture.ts'

export function describeGroupContract(storeOf: () => Store): void {
  describe('groups', () => {
    let store: Store
    beforeEach(() => {
      store = storeOf()
    })

    it('lists the groups of a school by name and the groups of a member', async () => {
      const { schoolId, user, groupId } = await createFixture(store)
      const chinese = await store.groups.createGroup(schoolId, '七年级语文备课组')
      const otherSchool = await store.accounts.createSchool('第二中学')
      await store.groups.createGroup(otherSchool, '八年级英语备课组')
      expect((await store.groups.listGroups(schoolId)).map((group) => group.name)).toEqual(
        ['七年级数学备课组', '七年级语文备课组'].sort(),
      )
      expect(await store.groups.listGroups(schoolId)).toContainEqual({
        id: chinese.id,
        schoolId,
        name: '七年级语文备课组',
      })
      expect(await store.groups.findGroup(chinese.id)).toEqual({ id: chinese.id, schoolId, name: '七年级语文备课组' })
      expect(await store.groups.findGroup('00000000-0000-0000-0000-000000000000')).toBeNull()
      expect(await store.groups.groupIdsOfUser(user.id)).toEqual([])
      await store.groups.addGroupMember(groupId, user.id)
      await store.groups.addGroupMember(groupId, user.id)
      await store.groups.addGroupMember(chinese.id, user.id)
      expect((await store.groups.groupIdsOfUser(user.id)).sort()).toEqual([groupId, chinese.id].sort())
      await expect(store.groups.createGroup(schoolId, '七年级语文备课组')).rejects.toThrow(/七年级语文备课组/)
    })
  })
}
