/**
 * The storage contract suite: every `Store` implementation runs exactly these tests, one suite per area
 * (`<area>-contract.ts`), each given the open store.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Store } from '../../../server/store/store.ts'
import { describeAccountContract } from './account-contract.ts'
import { describeCheckContract } from './check-contract.ts'
import { describeDocumentContract } from './document-contract.ts'
import { describeGroupContract } from './group-contract.ts'
import { describeImageContract } from './image-contract.ts'
import { describeLessonContract } from './lesson-contract.ts'
import { describeLibraryContract } from './library-contract.ts'
import { describeMeetingContract } from './meeting-contract.ts'
import { describeMentorshipContract } from './mentorship-contract.ts'
import { describeNotificationContract } from './notification-contract.ts'
import { describePresenceContract } from './presence-contract.ts'
import { describeRosterContract } from './roster-contract.ts'
import { describeSearchContract } from './search-contract.ts'
import { describeSchoolContract } from './school-contract.ts'
import { describeSessionContract } from './session-contract.ts'
import { bytes, createFixture, plain } from './store-fixture.ts'
import { describeTemplateContract } from './template-contract.ts'
import { describeUpdateContract } from './update-contract.ts'
import { describeVersionContract } from './version-contract.ts'

export interface StoreBackend {
  /** Opens the store on this backend's data; called again after `close()` to test reopening. */
  open(): Promise<Store>
  /** Removes the data (folder or database). */
  destroy(): Promise<void>
}

export function describeStoreContract(name: string, createBackend: () => Promise<StoreBackend>): void {
  describe(`${name} — Store contract`, () => {
    let backend: StoreBackend
    let store: Store

    beforeEach(async () => {
      backend = await createBackend()
      store = await backend.open()
    })

    afterEach(async () => {
      await store.close()
      await backend.destroy()
    })

    describeAccountContract(() => store)
    describeGroupContract(() => store)
    describeSchoolContract(() => store)
    describeRosterContract(() => store)
    describeSessionContract(() => store)
    describeDocumentContract(() => store)
    describeUpdateContract(() => store)
    describeLessonContract(() => store)
    describeVersionContract(() => store)
    describeMeetingContract(() => store)
    describeMentorshipContract(() => store)
    describeTemplateContract(() => store)
    describePresenceContract(() => store)
    describeImageContract(() => store)
    describeNotificationContract(() => store)
    describeSearchContract(() => store)
    describeLibraryContract(() => store)
    describeCheckContract(() => store)

    it('[SCALE-5] keeps every row of one document written by two instances that also fold it', async () => {
      const { document } = await createFixture(store)
      const second = await backend.open()
      try {
        const writers = [store, second]
        const written = await Promise.all(
          Array.from({ length: 40 }, (_, index) =>
            writers[index % 2]!.updates.appendUpdates(document.id, [bytes(index + 1)]).then(async (seq) => {
              // Each folds what it has seen so far, as a room does; a fold never hides a row.
              if (index % 10 === 9) {
                const rows = await writers[index % 2]!.updates.loadUpdatesAfter(document.id, 0)
                await writers[index % 2]!.updates.compactDocument(document.id, bytes(seq), rows.at(-1)!.seq)
              }
              return seq
            }),
          ),
        )
        expect(new Set(written).size).toBe(40)
        const seqs = (await second.updates.loadUpdatesAfter(document.id, 0)).map((row) => row.seq)
        // The snapshot (or the first row), then every later row without a hole.
        expect(seqs.slice(1)).toEqual(Array.from({ length: 40 - seqs[0]! }, (_, index) => seqs[0]! + index + 1))
        expect((await store.updates.lastSeqs([document.id])).get(document.id)).toBe(40)
      } finally {
        await second.close()
      }
    })

    it('keeps everything across close and reopen', async () => {
      const { user, groupId, document } = await createFixture(store)
      await store.groups.addGroupMember(groupId, user.id)
      const expiresAt = new Date(Date.now() + 60_000)
      await store.sessions.createSession('hash', { userId: user.id, kind: 'cookie', expiresAt })
      await store.updates.appendUpdates(document.id, [bytes(1), bytes(2)])
      await store.updates.compactDocument(document.id, bytes(1, 2), 2)
      await store.updates.appendUpdates(document.id, [bytes(3)])
      await store.close()
      await store.close()

      store = await backend.open()
      expect(await store.accounts.findUserById(user.id)).toEqual(user)
      expect(await store.groups.groupIdsOfUser(user.id)).toEqual([groupId])
      expect(await store.sessions.findSession('hash', new Date())).toEqual({
        userId: user.id,
        kind: 'cookie',
        expiresAt,
      })
      expect(await store.documents.findDocument(document.id)).toEqual(document)
      const state = await store.updates.loadDocumentState(document.id)
      expect(plain([state.snapshot!])).toEqual([[1, 2]])
      expect(plain(state.updates)).toEqual([[3]])
      expect(await store.updates.appendUpdates(document.id, [bytes(4)])).toBe(4)
    })
  })
}
