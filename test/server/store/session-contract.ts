/**
 * The contract of the sessions area (`SessionStore` in `server/store/store.ts`), run by `store-contract.ts` on every backend.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import type { Store } from '../../../server/store/store.ts'
import { createFixture } from './store-fixture.ts'

export function describeSessionContract(storeOf: () => Store): void {
  describe('sessions', () => {
    let store: Store
    beforeEach(() => {
      store = storeOf()
    })

    it('finds a session until it expires, and not after', async () => {
      const { user } = await createFixture(store)
      const expiresAt = new Date('2030-01-01T00:00:00Z')
      await store.sessions.createSession('hash-a', { userId: user.id, kind: 'cookie', expiresAt })
      expect(await store.sessions.findSession('hash-a', new Date('2029-12-31T23:59:59Z'))).toEqual({
        userId: user.id,
        kind: 'cookie',
        expiresAt,
      })
      expect(await store.sessions.findSession('hash-a', expiresAt)).toBeNull()
      expect(await store.sessions.findSession('hash-b', new Date('2029-01-01T00:00:00Z'))).toBeNull()
    })

    it('deletes one session, and all expired ones', async () => {
      const { user } = await createFixture(store)
      const now = new Date('2030-01-01T00:00:00Z')
      const later = new Date(now.getTime() + 60_000)
      const earlier = new Date(now.getTime() - 60_000)
      await store.sessions.createSession('current', { userId: user.id, kind: 'cookie', expiresAt: later })
      await store.sessions.createSession('token', { userId: user.id, kind: 'ws', expiresAt: later })
      await store.sessions.createSession('old-1', { userId: user.id, kind: 'cookie', expiresAt: earlier })
      await store.sessions.createSession('old-2', { userId: user.id, kind: 'ws', expiresAt: now })
      expect(await store.sessions.deleteExpiredSessions(now)).toBe(2)
      expect(await store.sessions.deleteExpiredSessions(now)).toBe(0)
      expect((await store.sessions.findSession('token', now))?.kind).toBe('ws')
      await store.sessions.deleteSession('current')
      expect(await store.sessions.findSession('current', now)).toBeNull()
      expect(await store.sessions.findSession('token', now)).not.toBeNull()
    })

    it('[SEC-9] deletes hundreds of expired ws tokens and sessions in one call, keeping the live ones', async () => {
      const { user } = await createFixture(store)
      const now = new Date('2030-01-01T00:00:00Z')
      const earlier = new Date(now.getTime() - 1)
      for (let i = 0; i < 500; i++) {
        await store.sessions.createSession(`token-${i}`, {
          userId: user.id,
          kind: i % 2 ? 'ws' : 'cookie',
          expiresAt: earlier,
        })
      }
      await store.sessions.createSession('live', {
        userId: user.id,
        kind: 'ws',
        expiresAt: new Date(now.getTime() + 1),
      })
      expect(await store.sessions.deleteExpiredSessions(now)).toBe(500)
      const longAgo = new Date(0)
      expect(await store.sessions.findSession('token-0', longAgo)).toBeNull()
      expect(await store.sessions.findSession('token-499', longAgo)).toBeNull()
      expect(await store.sessions.findSession('live', now)).not.toBeNull()
    })

    it('refuses a session of an unknown user', async () => {
      await expect(
        store.sessions.createSession('hash', { userId: 'missing', kind: 'cookie', expiresAt: new Date('2030-01-01') }),
      ).rejects.toThrow()
    })
  })
}
