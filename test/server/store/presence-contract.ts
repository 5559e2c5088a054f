/**
 * Store contract cases of the presence log, run inside `describeStoreContract` on every backend.
 */
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { Store } from '../../../server/store/store.ts'

const at = (minute: number) => new Date(Date.UTC(2026, 9, 14, 7, minute))

async function twoDocuments(store: Store) {
  const schoolId = await store.accounts.createSchool('花园实验中学')
  const group = await store.groups.createGroup(schoolId, '七年级数学备课组')
  const user = (username: string) =>
    store.accounts.createUser({
      username,
      displayName: username,
      passwordHash: 'x',
      role: 'teacher',
      schoolId,
      color: '#1971c2',
    })
  const li = await user('li')
  const zhang = await user('zhang')
  const document = (title: string) =>
    store.documents.createDocument({ groupId: group.id, schoolId, title, kind: 'lesson-plan', createdBy: li.id })
  return { li, zhang, plan: await document('导学案'), other: await document('另一份') }
}

export function describePresenceContract(storeOf: () => Store): void {
  describe('presence log', () => {
    it('records a connection from join to leave, and finds it by overlap with a window', async () => {
      const store = storeOf()
      const { li, zhang, plan, other } = await twoDocuments(store)
      const run = randomUUID()
      const entry = (userId: string, documentId: string, minute: number) => {
        const id = randomUUID()
        return {
          id,
          start: store.presence.recordPresenceStart({ id, documentId, userId, runId: run, joinedAt: at(minute) }),
        }
      }
      const before = entry(li.id, plan.id, 0)
      const during = entry(zhang.id, plan.id, 20)
      const elsewhere = entry(zhang.id, other.id, 20)
      const after = entry(li.id, plan.id, 50)
      await Promise.all([before.start, during.start, elsewhere.start, after.start])
      await store.presence.recordPresenceEnd(before.id, at(10))
      await store.presence.recordPresenceEnd(during.id, at(30))
      // A second leave (a late duplicate) does not move the first.
      await store.presence.recordPresenceEnd(during.id, at(35))

      const found = await store.presence.presenceOnDocuments([plan.id], at(15), at(45))
      expect(found).toEqual([
        { documentId: plan.id, userId: zhang.id, joinedAt: at(20), leftAt: at(30), seenAt: at(20) },
      ])
      expect(await store.presence.presenceOnDocuments([plan.id, other.id], at(15), at(45))).toHaveLength(2)
      expect(await store.presence.presenceOnDocuments([], at(0), at(60))).toEqual([])
    })

    it('keeps an open entry findable, confirms it by heartbeat and ends it with its run', async () => {
      const store = storeOf()
      const { li, zhang, plan } = await twoDocuments(store)
      const [run, otherRun] = [randomUUID(), randomUUID()]
      await store.presence.recordPresenceStart({
        id: randomUUID(),
        documentId: plan.id,
        userId: li.id,
        runId: run,
        joinedAt: at(0),
      })
      await store.presence.recordPresenceStart({
        id: randomUUID(),
        documentId: plan.id,
        userId: zhang.id,
        runId: otherRun,
        joinedAt: at(0),
      })
      await store.presence.confirmPresence(run, at(5))

      let found = await store.presence.presenceOnDocuments([plan.id], at(30), at(40))
      expect(found.map((e) => [e.userId, e.leftAt, e.seenAt])).toEqual(
        expect.arrayContaining([
          [li.id, null, at(5)],
          [zhang.id, null, at(0)],
        ]),
      )

      await store.presence.endPresenceOfRun(run, at(8))
      found = await store.presence.presenceOnDocuments([plan.id], at(0), at(40))
      expect(found.find((e) => e.userId === li.id)?.leftAt).toEqual(at(8))
      expect(found.find((e) => e.userId === zhang.id)?.leftAt).toBeNull()
      // Ended entries are no longer confirmed by a later heartbeat of their run.
      await store.presence.confirmPresence(run, at(9))
      found = await store.presence.presenceOnDocuments([plan.id], at(0), at(40))
      expect(found.find((e) => e.userId === li.id)?.seenAt).toEqual(at(5))
    })

    it('refuses an entry for a document that does not exist', async () => {
      const store = storeOf()
      const { li } = await twoDocuments(store)
      await expect(
        store.presence.recordPresenceStart({
          id: randomUUID(),
          documentId: 'missing',
          userId: li.id,
          runId: 'r',
          joinedAt: at(0),
        }),
      ).rejects.toThrow()
    })
  })
}
