/**
 * An apprentice's 二次备课 over real y-websocket clients: the mentor gets comment access on it, adds a
 * thread (stored, relayed, acknowledged, the apprentice told) but may not change its text; the group's
 * leader, also with comment access, resolves the mentor's thread; a colleague only reads it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { AccessLevel } from '../../../shared/access.ts'
import type { NotificationList } from '../../../shared/api/notifications.ts'
import type { AdaptationDetail } from '../../../shared/api/versions.ts'
import { MessageType, readAccess } from '../../../shared/protocol/messages.ts'
import { contentOf } from '../../../shared/threads/thread-anchor.ts'
import { createThread, setResolved } from '../../../shared/threads/thread-edits.ts'
import { readThread, threadsOf } from '../../../shared/threads/thread-model.ts'
import { type ApiClient, apiClientFor } from '../../helpers/api-client.ts'
import {
  connectClient,
  type TestClient,
  waitFor,
  waitForStored,
  waitForSync,
  wsToken,
} from '../../helpers/collab-client.ts'
import { type DraftWithPassage, draftWithPassage, passageOf } from '../../helpers/draft-with-passage.ts'
import { userId } from '../../helpers/lesson-fixtures.ts'
import { startTestServer, type TestServer } from '../../helpers/test-server.ts'

const passage = '用天平的例子引出等式的性质'
let server: TestServer
let draft: DraftWithPassage
let adaptation: AdaptationDetail
const ids: Record<string, string> = {}
const as: Record<string, ApiClient> = {}
const clients: TestClient[] = []

beforeAll(async () => {
  server = await startTestServer({ demoPlan: false })
  for (const username of ['leader', 'teacher1', 'teacher3', 'mentor', 'apprentice']) {
    ids[username] = await userId(server, username)
    as[username] = await apiClientFor(server.url, username)
  }
  draft = await draftWithPassage(server, 'teacher1', passage)
  draft.disconnectAll()
  expect((await as.teacher1!.post(`/api/lessons/${draft.lesson.id}/stage`, { to: 'review' })).status).toBe(200)
  expect((await as.leader!.post(`/api/lessons/${draft.lesson.id}/stage`, { to: 'finalized' })).status).toBe(200)
  const created = await as.apprentice!.post<AdaptationDetail>(`/api/lessons/${draft.lesson.id}/adaptations`, {})
  expect(created.status).toBe(200)
  adaptation = created.body
})

afterAll(async () => {
  for (const client of clients) client.destroy()
  await server.stop()
})

interface Joined {
  client: TestClient
  access: () => AccessLevel | null
}

/** Joins the adaptation as `username` (acks on) and records the access level the server grants. */
async function join(username: string): Promise<Joined> {
  const client = connectClient(server.url, adaptation.documentId, await wsToken(server.url, username), { acks: true })
  clients.push(client)
  let access: AccessLevel | null = null
  client.provider.messageHandlers[MessageType.access] = (_encoder, decoder) => {
    access = readAccess(decoder)
  }
  await waitForSync(client)
  await waitFor(() => access !== null, `the access of ${username}`)
  return { client, access: () => access }
}

async function storedDoc(): Promise<Y.Doc> {
  const state = await server.store.updates.loadDocumentState(adaptation.documentId)
  const doc = new Y.Doc()
  for (const part of state.snapshot ? [state.snapshot, ...state.updates] : state.updates) Y.applyUpdate(doc, part)
  return doc
}

async function inbox(username: string): Promise<NotificationList> {
  const { status, body } = await as[username]!.get<NotificationList>('/api/notifications')
  expect(status).toBe(200)
  return body
}

describe('the mentor on the apprentice’s 二次备课', () => {
  it('gets comment access; a colleague without the pairing only reads', async () => {
    expect((await join('mentor')).access()).toBe('comment')
    expect((await join('teacher3')).access()).toBe('read')
    expect((await join('apprentice')).access()).toBe('edit')
  })

  it('adds a thread: stored, relayed to the apprentice, acknowledged, and the apprentice told', async () => {
    const apprentice = await join('apprentice')
    const { client: mentor } = await join('mentor')
    const text = passageOf(mentor.doc)
    createThread(mentor.doc, {
      id: 'balance',
      kind: 'question',
      authorId: ids.mentor!,
      body: '天平的例子要不要让学生先猜？',
      start: { text, offset: 1 },
      end: { text, offset: 6 },
    })
    await waitFor(() => threadsOf(apprentice.client.doc).has('balance'), 'the thread reaches the apprentice')
    await waitForStored(mentor, 'the thread acknowledged')
    expect(mentor.denials).toEqual([])
    const stored = threadsOf(await storedDoc()).get('balance')
    expect(stored && readThread(stored)).toMatchObject({ authorId: ids.mentor, quote: '天平的例子', state: 'open' })
    const told = await eventually(
      () => inbox('apprentice'),
      ({ notifications }) => notifications.some((item) => item.threadId === 'balance'),
    )
    expect(told.notifications.find((item) => item.threadId === 'balance')).toMatchObject({
      kind: 'thread',
      documentId: adaptation.documentId,
      actorId: ids.mentor,
    })
  })

  it('may not change the text: refused, told, never relayed or stored', async () => {
    const apprentice = await join('apprentice')
    const { client: mentor } = await join('mentor')
    passageOf(mentor.doc).insert(0, '【师傅改写】')
    await waitFor(() => mentor.denials.length === 1, 'permission denied')
    expect(mentor.denials[0]).toContain('只能批注')
    passageOf(apprentice.client.doc).insert(0, '一、')
    await waitFor(() => contentOf(mentor.doc).toString().includes('一、'), 'the apprentice’s later edit arrives')
    expect(contentOf(apprentice.client.doc).toString()).not.toContain('师傅改写')
    expect(contentOf(await storedDoc()).toString()).not.toContain('师傅改写')
    expect(mentor.closeCodes).toEqual([])
  })
})

describe('the group’s leader on a member’s 二次备课', () => {
  it('gets comment access and resolves the mentor’s thread: stored, relayed, the mentor told', async () => {
    const { client: mentor } = await join('mentor')
    const leader = await join('leader')
    expect(leader.access()).toBe('comment')
    setResolved(leader.client.doc, 'balance', true, ids.leader!)
    await waitForStored(leader.client, 'the resolution acknowledged')
    expect(leader.client.denials).toEqual([])
    await waitFor(
      () => readThread(threadsOf(mentor.doc).get('balance')!).state === 'resolved',
      'the resolution reaches the mentor',
    )
    expect(readThread(threadsOf(await storedDoc()).get('balance')!)).toMatchObject({
      state: 'resolved',
      resolvedBy: ids.leader,
    })
    const told = await eventually(
      () => inbox('mentor'),
      ({ notifications }) => notifications.some((item) => item.threadId === 'balance'),
    )
    expect(told.notifications.find((item) => item.threadId === 'balance')).toMatchObject({ actorId: ids.leader })
  })
})

/** Asks `read` again until `ok` holds: notifications are made after the update is stored. */
async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (ok(value)) return value
    if (Date.now() > deadline) throw new Error(`still not as expected: ${JSON.stringify(value)}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
