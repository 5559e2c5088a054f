import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { logger } from '../../../server/log/logger.ts'
import { StorePresenceLog } from '../../../server/presence/presence-log.ts'
import { openStore } from '../../../server/store/open-store.ts'
import type { DocumentRecord, Store, UserRecord } from '../../../server/store/store.ts'
import { createTempDataDir, type TempDataDir } from '../../helpers/sqlite.ts'

let dataDir: TempDataDir
let store: Store
let user: UserRecord
let document: DocumentRecord
const everything = [new Date(0), new Date(Date.now() + 3_600_000)] as const

beforeEach(async () => {
  dataDir = await createTempDataDir()
  store = await openStore({ dataDir: dataDir.dir })
  const schoolId = await store.accounts.createSchool('花园实验中学')
  const group = await store.groups.createGroup(schoolId, '七年级数学备课组')
  user = await store.accounts.createUser({
    username: 'li',
    displayName: '李老师',
    passwordHash: 'x',
    role: 'teacher',
    schoolId,
    color: '#1971c2',
  })
  document = await store.documents.createDocument({
    groupId: group.id,
    schoolId,
    title: '导学案',
    kind: 'lesson-plan',
    createdBy: user.id,
  })
})

afterEach(async () => {
  await store.close()
  await dataDir.remove()
})

const entries = () => store.presence.presenceOnDocuments([document.id], ...everything)

describe('StorePresenceLog', () => {
  it('writes a join and then its leave, without being awaited', async () => {
    const log = new StorePresenceLog(store)
    const end = log.opened(document.id, user.id)
    end()
    end()
    await log.close()
    const [entry, ...more] = await entries()
    expect(more).toEqual([])
    expect(entry).toMatchObject({ documentId: document.id, userId: user.id })
    expect(entry!.leftAt!.getTime()).toBeGreaterThanOrEqual(entry!.joinedAt.getTime())
  })

  it('confirms open entries on every heartbeat', async () => {
    const log = new StorePresenceLog(store, { heartbeatMs: 20 })
    log.opened(document.id, user.id)
    await expect.poll(async () => (await entries()).length).toBe(1)
    const [joined] = await entries()
    await expect
      .poll(async () => {
        const [entry] = await entries()
        return entry!.seenAt.getTime() > joined!.seenAt.getTime() && entry!.leftAt === null
      })
      .toBe(true)
    await log.close()
  })

  it('ends every open entry when it closes, and records nothing after', async () => {
    const log = new StorePresenceLog(store)
    const end = log.opened(document.id, user.id)
    await log.close()
    const [entry] = await entries()
    expect(entry!.leftAt).not.toBeNull()
    end()
    log.opened(document.id, user.id)
    expect(await entries()).toHaveLength(1)
  })

  it('reads an entry left open by a crash as ending two heartbeats after it was last seen', () => {
    const log = new StorePresenceLog(store, { heartbeatMs: 30_000 })
    expect(log.openIntervalRule(1000)).toEqual({ now: 1000, staleAfterMs: 60_000 })
    void log.close()
  })

  it('logs a failed write instead of throwing into the edit path', async () => {
    const failing = { presence: Object.create(store.presence) as Store['presence'] }
    failing.presence.recordPresenceStart = () => Promise.reject(new Error('disk full'))
    const errors = vi.spyOn(logger, 'error')
    const log = new StorePresenceLog(failing)
    const end = log.opened(document.id, user.id)
    end()
    await log.close()
    expect(errors).toHaveBeenCalledWith({ err: new Error('disk full') }, 'presence log write failed')
    errors.mockRestore()
  })
})
