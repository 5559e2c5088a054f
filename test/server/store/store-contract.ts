/**
 * The storage contract suite: every `Store` implementation runs exactly these tests.
 */
import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Database } from '../../../server/store/database-schema.ts'
import type { Store } from '../../../server/store/store.ts'
import { createFixture } from './store-fixture.ts'
import { describeImageContract } from './image-contract.ts'
import { describeLessonContract } from './lesson-contract.ts'
import { describeMeetingContract } from './meeting-contract.ts'
import { describeMentorshipContract } from './mentorship-contract.ts'
import { describeNotificationContract } from './notification-contract.ts'
import { describePresenceContract } from './presence-contract.ts'
import { describeRosterContract } from './roster-contract.ts'
import { describeSchoolContract } from './school-contract.ts'
import { describeTemplateContract } from './template-contract.ts'
import { describeVersionContract } from './version-contract.ts'

export interface StoreBackend {
  /** Opens the store on this backend's data; called again after `close()` to test reopening. */
  open(): Promise<Store>
  /** Removes the data (folder or database). */
  destroy(): Promise<void>
}


function bytes(...values: number[]): Uint8Array {
  return new Uint8Array(values)
}

/** Buffers and Uint8Arrays with equal bytes compare equal. */
function plain(arrays: readonly Uint8Array[]): number[][] {
  return arrays.map((array) => Array.from(array))
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

    describe('accounts', () => {
      it('creates users and finds them by name (with hash) and by id (without)', async () => {
        const { schoolId, user } = await createFixture(store)
        expect(user).toEqual({
          id: expect.any(String),
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

      it('lists the groups of a school by name and the groups of a member', async () => {
        const { schoolId, user, groupId } = await createFixture(store)
        const chinese = await store.groups.createGroup(schoolId, '七年级语文备课组')
        const otherSchool = await store.accounts.createSchool('第二中学')
        await store.groups.createGroup(otherSchool, '八年级英语备课组')
        expect((await store.groups.listGroups(schoolId)).map((group) => group.name)).toEqual(
          ['七年级数学备课组', '七年级语文备课组'].sort(),
        )
        expect(await store.groups.listGroups(schoolId)).toContainEqual({ id: chinese.id, schoolId, name: '七年级语文备课组' })
        expect(await store.groups.findGroup(chinese.id)).toEqual({ id: chinese.id, schoolId, name: '七年级语文备课组' })
        expect(await store.groups.findGroup('00000000-0000-0000-0000-000000000000')).toBeNull()
        expect(await store.groups.groupIdsOfUser(user.id)).toEqual([])
        await store.groups.addGroupMember(groupId, user.id)
        await store.groups.addGroupMember(groupId, user.id)
        await store.groups.addGroupMember(chinese.id, user.id)
        expect((await store.groups.groupIdsOfUser(user.id)).sort()).toEqual([groupId, chinese.id].sort())
        await expect(store.groups.createGroup(schoolId, '七年级语文备课组')).rejects.toThrow(/七年级语文备课组/)
      })

      it('records mentorships once and refuses a teacher as their own apprentice', async () => {
        const { schoolId, user } = await createFixture(store)
        const apprentice = await store.accounts.createUser({
          username: 'apprentice',
          displayName: '赵老师',
          passwordHash: 'x',
          role: 'teacher',
          schoolId,
          color: '#2f9e44',
        })
        await store.mentorships.addMentorship(user.id, apprentice.id)
        await store.mentorships.addMentorship(user.id, apprentice.id)
        await expect(store.mentorships.addMentorship(user.id, user.id)).rejects.toThrow()
        await expect(store.mentorships.addMentorship(user.id, 'missing')).rejects.toThrow()
      })
    })

    describe('sessions', () => {
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
          await store.sessions.createSession(`token-${i}`, { userId: user.id, kind: i % 2 ? 'ws' : 'cookie', expiresAt: earlier })
        }
        await store.sessions.createSession('live', { userId: user.id, kind: 'ws', expiresAt: new Date(now.getTime() + 1) })
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

    describe('documents', () => {
      it('creates, finds and lists the documents of a school', async () => {
        const { schoolId, user, groupId, document } = await createFixture(store)
        expect(document).toEqual({
          id: expect.any(String),
          groupId,
          schoolId,
          title: '3.1.1 一元一次方程',
          kind: 'lesson-plan',
          createdBy: user.id,
          createdAt: expect.any(Date),
          lessonId: null,
        })
        expect(await store.documents.findDocument(document.id)).toEqual(document)
        expect(await store.documents.findDocument('missing')).toBeNull()
        const lessonPlan = { kind: 'lesson-plan', createdBy: user.id }
        const second = await store.documents.createDocument({ ...lessonPlan, groupId, schoolId, title: '3.1.2 等式的性质' })
        const otherSchool = await store.accounts.createSchool('第二中学')
        const otherGroup = await store.groups.createGroup(otherSchool, '七年级数学备课组')
        await store.documents.createDocument({ ...lessonPlan, groupId: otherGroup.id, schoolId: otherSchool, title: '别校' })
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

    describe('document state', () => {
      it('loads a new document as empty', async () => {
        const { document } = await createFixture(store)
        expect(await store.updates.loadDocumentState(document.id)).toEqual({
          snapshot: null,
          snapshotStateVector: null,
          updates: [],
          lastSeq: 0,
        })
        expect(await store.updates.documentStorageStats(document.id)).toEqual({ bytes: 0, logLength: 0 })
      })

      it('refuses to load or append to a document that does not exist', async () => {
        await expect(store.updates.loadDocumentState('missing')).rejects.toThrow(/missing/)
        await expect(store.updates.appendUpdates('missing', [bytes(1)])).rejects.toThrow(/missing/)
        await expect(store.updates.appendUpdates('missing', [])).rejects.toThrow(/missing/)
      })

      it('loads updates in the order they were appended, numbered across batches', async () => {
        const { document } = await createFixture(store)
        expect(await store.updates.appendUpdates(document.id, [bytes(1), bytes(2, 2)])).toBe(2)
        expect(await store.updates.appendUpdates(document.id, [bytes(3, 3, 3)])).toBe(3)
        expect(await store.updates.appendUpdates(document.id, [])).toBe(3)
        const state = await store.updates.loadDocumentState(document.id)
        expect(state.snapshot).toBeNull()
        expect(plain(state.updates)).toEqual([[1], [2, 2], [3, 3, 3]])
        expect(state.lastSeq).toBe(3)
        expect(await store.updates.documentStorageStats(document.id)).toEqual({ bytes: 6, logLength: 3 })
      })

      it('keeps the logs of two documents apart', async () => {
        const { document, groupId, schoolId, user } = await createFixture(store)
        const other = await store.documents.createDocument({
          groupId,
          schoolId,
          title: '另一篇',
          kind: 'lesson-plan',
          createdBy: user.id,
        })
        await store.updates.appendUpdates(document.id, [bytes(1)])
        await store.updates.appendUpdates(other.id, [bytes(9), bytes(8)])
        await store.updates.appendUpdates(document.id, [bytes(2)])
        expect(plain((await store.updates.loadDocumentState(document.id)).updates)).toEqual([[1], [2]])
        expect(await store.updates.loadDocumentState(other.id)).toMatchObject({ lastSeq: 2 })
      })

      it('compaction replaces the log up to a sequence number and keeps the later updates', async () => {
        const { document } = await createFixture(store)
        await store.updates.appendUpdates(document.id, [bytes(1), bytes(2)])
        await store.updates.appendUpdates(document.id, [bytes(3)])
        await store.updates.compactDocument(document.id, bytes(12, 12), 2)
        let state = await store.updates.loadDocumentState(document.id)
        expect(plain([state.snapshot!])).toEqual([[12, 12]])
        expect(plain(state.updates)).toEqual([[3]])
        expect(state.lastSeq).toBe(3)
        expect(await store.updates.documentStorageStats(document.id)).toEqual({ bytes: 3, logLength: 1 })

        expect(await store.updates.appendUpdates(document.id, [bytes(4)])).toBe(4)
        await store.updates.compactDocument(document.id, bytes(123), 3)
        state = await store.updates.loadDocumentState(document.id)
        expect(plain([state.snapshot!])).toEqual([[123]])
        expect(plain(state.updates)).toEqual([[4]])
        expect(state.lastSeq).toBe(4)
      })

      it('keeps a snapshot\'s state vector with it, and refuses the snapshot once its bytes change', async () => {
        const { document } = await createFixture(store)
        await store.updates.appendUpdates(document.id, [bytes(1), bytes(2)])
        await store.updates.compactDocument(document.id, bytes(12), 2, bytes(1, 7, 2))
        expect(plain([(await store.updates.loadDocumentState(document.id)).snapshotStateVector!])).toEqual([[1, 7, 2]])
        await store.updates.compactDocument(document.id, bytes(12, 3), 2)
        expect((await store.updates.loadDocumentState(document.id)).snapshotStateVector).toBeNull()

        await store.updates.compactDocument(document.id, bytes(12, 3, 4), 2, bytes(1, 7, 4))
        const db = (store as unknown as { db: Kysely<Database> }).db
        await db
          .updateTable('document_snapshots')
          .set({ data: bytes(99) })
          .where('document_id', '=', document.id)
          .execute()
        await expect(store.updates.loadDocumentState(document.id)).rejects.toThrow(/snapshot that changed since it was written/)
      })

      it('numbers appends on above a compaction that emptied the log', async () => {
        const { document } = await createFixture(store)
        await store.updates.appendUpdates(document.id, [bytes(1), bytes(2)])
        await store.updates.compactDocument(document.id, bytes(12), 2)
        expect(await store.updates.loadDocumentState(document.id)).toMatchObject({ updates: [], lastSeq: 2 })
        expect(await store.updates.appendUpdates(document.id, [])).toBe(2)
        expect(await store.updates.appendUpdates(document.id, [bytes(3)])).toBe(3)
        await expect(store.updates.compactDocument(document.id, bytes(9), 4)).rejects.toThrow(/last update is 3/)
        await store.updates.compactDocument(document.id, bytes(123), 3)
        expect(await store.updates.appendUpdates(document.id, [bytes(4)])).toBe(4)
      })

      it('appends to several documents at once, and one failing append does not fail the others', async () => {
        const { document, groupId, schoolId, user } = await createFixture(store)
        const other = await store.documents.createDocument({ groupId, schoolId, title: '另一课', kind: 'lesson-plan', createdBy: user.id })
        const results = await Promise.allSettled([
          store.updates.appendUpdates(document.id, [bytes(1)]),
          store.updates.appendUpdates('no-such-document', [bytes(2)]),
          store.updates.appendUpdates(other.id, [bytes(3), bytes(4)]),
          store.updates.appendUpdates(document.id, [bytes(5)]),
        ])
        expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled'])
        // Appends running at once may commit in either order (PostgreSQL uses one connection each).
        const ofDocument = plain((await store.updates.loadDocumentState(document.id)).updates)
        expect(ofDocument.sort((a, b) => a[0]! - b[0]!)).toEqual([[1], [5]])
        expect(plain((await store.updates.loadDocumentState(other.id)).updates)).toEqual([[3], [4]])
      })

      it('loads the log rows between two sequence numbers, in order', async () => {
        const { document } = await createFixture(store)
        await store.updates.appendUpdates(document.id, [bytes(1), bytes(2), bytes(3)])
        await store.updates.appendUpdates(document.id, [bytes(4)])
        expect(plain(await store.updates.loadUpdatesBetween(document.id, 1, 3))).toEqual([[2], [3]])
        expect(plain(await store.updates.loadUpdatesBetween(document.id, 4, 9))).toEqual([])
      })

      it('ignores a compaction older than the stored snapshot', async () => {
        const { document } = await createFixture(store)
        await store.updates.appendUpdates(document.id, [bytes(1), bytes(2), bytes(3)])
        await store.updates.compactDocument(document.id, bytes(123), 3)
        await store.updates.compactDocument(document.id, bytes(12), 2)
        const state = await store.updates.loadDocumentState(document.id)
        expect(plain([state.snapshot!])).toEqual([[123]])
        expect(state.updates).toEqual([])
        expect(state.lastSeq).toBe(3)
      })

      it('refuses a snapshot that claims updates never written', async () => {
        const { document } = await createFixture(store)
        await store.updates.appendUpdates(document.id, [bytes(1)])
        await expect(store.updates.compactDocument(document.id, bytes(1, 2), 2)).rejects.toThrow()
        await expect(store.updates.compactDocument('missing', bytes(1), 0)).rejects.toThrow(/missing/)
        const state = await store.updates.loadDocumentState(document.id)
        expect(state.snapshot).toBeNull()
        expect(plain(state.updates)).toEqual([[1]])
      })

      it('stores every batch of concurrent appends, each batch contiguous and in order', async () => {
        const { document } = await createFixture(store)
        const batches = Array.from({ length: 40 }, (_, batch) =>
          Array.from({ length: 1 + (batch % 3) }, (_, index) => bytes(batch, index)),
        )
        const lastSeqs = await Promise.all(batches.map((batch) => store.updates.appendUpdates(document.id, batch)))
        expect(new Set(lastSeqs).size).toBe(batches.length)
        const total = batches.flat().length
        expect(Math.max(...lastSeqs)).toBe(total)

        const state = await store.updates.loadDocumentState(document.id)
        expect(state.lastSeq).toBe(total)
        const stored = plain(state.updates)
        expect(stored.length).toBe(total)
        batches.forEach((batch, index) => {
          const end = lastSeqs[index]!
          expect(stored.slice(end - batch.length, end)).toEqual(plain(batch))
        })
      })

      it('loses nothing when a compaction runs between concurrent appends', async () => {
        const { document } = await createFixture(store)
        await store.updates.appendUpdates(document.id, [bytes(0)])
        const appends = Array.from({ length: 30 }, (_, index) => store.updates.appendUpdates(document.id, [bytes(1, index)]))
        const seen = await store.updates.loadDocumentState(document.id)
        await store.updates.compactDocument(document.id, bytes(255), seen.lastSeq)
        await Promise.all(appends)
        const state = await store.updates.loadDocumentState(document.id)
        expect(plain([state.snapshot!])).toEqual([[255]])
        expect(state.lastSeq).toBe(31)
        expect(state.updates.length).toBe(31 - seen.lastSeq)
      })

      it('stores a batch of 25 000 updates in one call', async () => {
        const { document } = await createFixture(store)
        const batch = Array.from({ length: 25_000 }, (_, index) => bytes(index % 256, index >> 8))
        expect(await store.updates.appendUpdates(document.id, [bytes(0)])).toBe(1)
        expect(await store.updates.appendUpdates(document.id, batch)).toBe(25_001)
        const state = await store.updates.loadDocumentState(document.id)
        expect(state.lastSeq).toBe(25_001)
        expect(plain(state.updates.slice(1))).toEqual(plain(batch))
      })

      it('writes nothing of a batch that fails', async () => {
        const { document } = await createFixture(store)
        await store.updates.appendUpdates(document.id, [bytes(1)])
        const broken = [bytes(2), null as unknown as Uint8Array, bytes(3)]
        await expect(store.updates.appendUpdates(document.id, broken)).rejects.toThrow()
        const state = await store.updates.loadDocumentState(document.id)
        expect(plain(state.updates)).toEqual([[1]])
        expect(state.lastSeq).toBe(1)
        expect(await store.updates.appendUpdates(document.id, [bytes(4)])).toBe(2)
      })

      it('round-trips 1 MB updates and snapshots byte for byte, also from a view into a larger buffer', async () => {
        const { document } = await createFixture(store)
        const large = new Uint8Array(randomBytes(1024 * 1024))
        const frame = randomBytes(3 * 1024 * 1024)
        const view = new Uint8Array(frame.buffer, frame.byteOffset + 1000, 1024 * 1024 + 7)
        await store.updates.appendUpdates(document.id, [large, view])
        let state = await store.updates.loadDocumentState(document.id)
        expect(Buffer.from(state.updates[0]!).equals(Buffer.from(large))).toBe(true)
        expect(Buffer.from(state.updates[1]!).equals(Buffer.from(view))).toBe(true)
        expect(await store.updates.documentStorageStats(document.id)).toEqual({ bytes: 2 * 1024 * 1024 + 7, logLength: 2 })

        await store.updates.compactDocument(document.id, view, 2)
        state = await store.updates.loadDocumentState(document.id)
        expect(Buffer.from(state.snapshot!).equals(Buffer.from(view))).toBe(true)
        expect(state.updates).toEqual([])
      })
    })

    describePresenceContract(() => store)
    describeMeetingContract(() => store)
    describeMentorshipContract(() => store)
    describeSchoolContract(() => store)
    describeRosterContract(() => store)

    describeLessonContract(() => store)

    describeTemplateContract(() => store)

    describeVersionContract(() => store)

    describeNotificationContract(() => store)

    describeImageContract(() => store)

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
      expect(await store.sessions.findSession('hash', new Date())).toEqual({ userId: user.id, kind: 'cookie', expiresAt })
      expect(await store.documents.findDocument(document.id)).toEqual(document)
      const state = await store.updates.loadDocumentState(document.id)
      expect(plain([state.snapshot!])).toEqual([[1, 2]])
      expect(plain(state.updates)).toEqual([[3]])
      expect(await store.updates.appendUpdates(document.id, [bytes(4)])).toBe(4)
    })
  })
}
