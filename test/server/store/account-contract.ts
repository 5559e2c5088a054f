/**
 * The contract of the accounts area (`AccountStore` in `server/store/store.ts`), run by `store-contract.ts` on every backend.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import type { Store } from '../../../server/store/store.ts'
import { createFixture } from './store-fixture.ts'
import { match } from '../../helpers/match.ts'

export function describeAccountContract(storeOf: () => Store): void {
  describe('accounts', () => {
    let store: Store
    beforeEach(() => {
      store = storeOf()
    })

    it('creates users and finds them by name (with hash) and by id (without)', async () => {
      const { schoolId, user } = await createFixture(store)
      expect(user).toEqual({
        id: match.any(String),
        username: 'teacher1',
        displayName: '李老师',
        role: 'teacher',
        schoolId,
        color: '#1971c2',
      })
      expect(await store.accounts.findUserByUsername('teacher1')).toEqual({ ...user, passwordHash: 'scrypt$test' })
      expect(await store.accounts.findUserById(user.id)).toEqual(user)
      expect(await store.accounts.findUserByUsername('nobody')).toBeNull()
      expect(await store.accounts.findUserById('00000000-0000-0000-0000-000000000000')).toBeNull()
      expect(await store.accounts.findUserById('not-a-uuid')).toBeNull()
      expect(await store.accounts.countUsers()).toBe(1)
    })

    it('refuses a username that is taken', async () => {
      const { schoolId } = await createFixture(store)
      const again = { username: 'teacher1', displayName: '另一位李老师', passwordHash: 'x', color: '#000000' }
      await expect(store.accounts.createUser({ ...again, role: 'teacher', schoolId })).rejects.toThrow(/teacher1/)
      expect(await store.accounts.countUsers()).toBe(1)
    })

    it('refuses an unknown role and an unknown school', async () => {
      const { schoolId } = await createFixture(store)
      const base = { displayName: '王老师', passwordHash: 'x', color: '#000000' }
      await expect(
        store.accounts.createUser({ ...base, username: 'wang', role: 'principal' as 'admin', schoolId }),
      ).rejects.toThrow()
      await expect(
        store.accounts.createUser({ ...base, username: 'wang', role: 'teacher', schoolId: 'missing' }),
      ).rejects.toThrow()
      expect(await store.accounts.countUsers()).toBe(1)
    })
  })
}
