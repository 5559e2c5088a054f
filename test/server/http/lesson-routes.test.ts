import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LessonDetail } from '../../../shared/api/lessons.ts'
import type { DocumentSummary } from '../../../shared/api.ts'
import type { LessonStage } from '../../../shared/workflow/stages.ts'
import { type ApiClient, apiClientFor } from '../../helpers/api-client.ts'
import { CloseCode } from '../../../shared/protocol/close-codes.ts'
import { connectClient, type TestClient, waitFor, waitForSync, wsToken } from '../../helpers/collab-client.ts'
import { addLesson, addOutsiders, demoGroupId, planInput, userId } from '../../helpers/lesson-fixtures.ts'
import { startTestServer, type TestServer } from '../../helpers/test-server.ts'

let server: TestServer
let groupId: string
const as: Record<string, ApiClient> = {}
const clients: TestClient[] = []

beforeAll(async () => {
  server = await startTestServer()
  await addOutsiders(server)
  for (const username of [
    'leader',
    'teacher1',
    'teacher2',
    'mentor',
    'admin',
    'guest',
    'chinese-leader',
    'riverside-leader',
  ]) {
    as[username] = await apiClientFor(server.url, username)
  }
  groupId = await demoGroupId(as.leader!)
})

afterAll(async () => {
  for (const client of clients) client.destroy()
  await server.stop()
})

/** A new lesson of the demo group, prepared by 李老师 (teacher1). */
async function newLesson(): Promise<string> {
  return (await addLesson(as.leader!, groupId, planInput(await userId(server, 'teacher1')))).id
}

async function detailOf(lessonId: string, username = 'leader'): Promise<LessonDetail> {
  const { status, body } = await as[username]!.get<LessonDetail>(`/api/lessons/${lessonId}`)
  expect(status).toBe(200)
  return body
}

function move(lessonId: string, username: string, to: LessonStage) {
  return as[username]!.post<LessonDetail>(`/api/lessons/${lessonId}/stage`, { to })
}

async function expectMoved(lessonId: string, username: string, to: LessonStage): Promise<void> {
  const response = await move(lessonId, username, to)
  expect(response.status).toBe(200)
  expect(response.body.lesson.stage).toBe(to)
}

/** Refused with `reason`; the stage and the history stay as they were. */
async function expectRefused(lessonId: string, username: string, to: LessonStage, reason: string): Promise<void> {
  const before = await detailOf(lessonId)
  expect(await move(lessonId, username, to)).toEqual({
    status: 403,
    body: { error: { code: 'forbidden', message: reason } },
  })
  const after = await detailOf(lessonId)
  expect(after.lesson.stage).toBe(before.lesson.stage)
  expect(after.history).toEqual(before.history)
}

describe('stage moves through the whole loop', () => {
  let lessonId: string
  beforeAll(async () => {
    lessonId = await newLesson()
  })

  it('主备 → 研讨: the 主备人 submits; another teacher may not', async () => {
    await expectRefused(lessonId, 'teacher2', 'review', '只有主备人或备课组长可以提交研讨')
    await expectRefused(lessonId, 'guest', 'review', '只有主备人或备课组长可以提交研讨')
    await expectMoved(lessonId, 'teacher1', 'review')
  })

  it('研讨 → 主备: the 主备人 takes it back; the leader may too', async () => {
    await expectRefused(lessonId, 'mentor', 'draft', '只有主备人或备课组长可以退回修改')
    await expectMoved(lessonId, 'teacher1', 'draft')
    await expectMoved(lessonId, 'leader', 'review')
    await expectMoved(lessonId, 'leader', 'draft')
    await expectMoved(lessonId, 'leader', 'review')
  })

  it('研讨 → 定稿: only the leader, and it stores a version', async () => {
    await expectRefused(lessonId, 'teacher1', 'finalized', '只有备课组长可以定稿')
    await expectRefused(lessonId, 'admin', 'finalized', '只有备课组长可以定稿')
    await expectRefused(lessonId, 'chinese-leader', 'finalized', '只有备课组长可以定稿')
    await expectMoved(lessonId, 'leader', 'finalized')
    expect(await server.store.versions.listVersions(lessonId)).toHaveLength(1)
  })

  it('定稿 → 研讨 → 定稿 again: reopening leads to the next version', async () => {
    await expectRefused(lessonId, 'teacher1', 'review', '只有备课组长可以重新研讨')
    await expectMoved(lessonId, 'leader', 'review')
    await expectMoved(lessonId, 'leader', 'finalized')
    expect(await server.store.versions.listVersions(lessonId)).toHaveLength(2)
  })

  it('定稿 → 二次备课 → 研讨 and back, only by the leader', async () => {
    await expectRefused(lessonId, 'teacher1', 'adapting', '只有备课组长可以开始二次备课')
    await expectMoved(lessonId, 'leader', 'adapting')
    await expectRefused(lessonId, 'teacher2', 'review', '只有备课组长可以重新研讨')
    await expectMoved(lessonId, 'leader', 'review')
    await expectMoved(lessonId, 'leader', 'finalized')
    await expectMoved(lessonId, 'leader', 'adapting')
  })

  it('二次备课 → 课后反思 → 研讨 and back, then 归档', async () => {
    await expectRefused(lessonId, 'teacher1', 'reflecting', '只有备课组长可以进入课后反思')
    await expectMoved(lessonId, 'leader', 'reflecting')
    await expectRefused(lessonId, 'teacher1', 'review', '只有备课组长可以重新研讨')
    await expectMoved(lessonId, 'leader', 'review')
    await expectMoved(lessonId, 'leader', 'finalized')
    await expectMoved(lessonId, 'leader', 'adapting')
    await expectMoved(lessonId, 'leader', 'reflecting')
    await expectRefused(lessonId, 'teacher1', 'archived', '只有备课组长可以归档')
    await expectMoved(lessonId, 'leader', 'archived')
  })

  it('refuses every move out of 归档', async () => {
    await expectRefused(lessonId, 'leader', 'review', '不能从「归档」直接进入「研讨」')
    await expectRefused(lessonId, 'leader', 'draft', '不能从「归档」直接进入「主备」')
  })

  it('recorded every move with who and when, oldest first', async () => {
    const { history } = await detailOf(lessonId, 'teacher2')
    expect(history.map((event) => `${event.actor.displayName} ${event.from}→${event.to}`)).toEqual([
      '李老师 draft→review',
      '李老师 review→draft',
      '王老师 draft→review',
      '王老师 review→draft',
      '王老师 draft→review',
      '王老师 review→finalized',
      '王老师 finalized→review',
      '王老师 review→finalized',
      '王老师 finalized→adapting',
      '王老师 adapting→review',
      '王老师 review→finalized',
      '王老师 finalized→adapting',
      '王老师 adapting→reflecting',
      '王老师 reflecting→review',
      '王老师 review→finalized',
      '王老师 finalized→adapting',
      '王老师 adapting→reflecting',
      '王老师 reflecting→archived',
    ])
    expect(history.map((event) => event.seq)).toEqual(history.map((_, index) => index + 1))
    for (const event of history) expect(Date.parse(event.at)).not.toBeNaN()
    expect((await as.teacher2!.get(`/api/lessons/${lessonId}/history`)).body).toEqual(history)
  })
})

describe('moves the state machine does not have', () => {
  it('refuses skipping a stage, with the reason', async () => {
    const lessonId = await newLesson()
    await expectRefused(lessonId, 'leader', 'finalized', '不能从「主备」直接进入「定稿」')
    await expectRefused(lessonId, 'leader', 'draft', '不能从「主备」直接进入「主备」')
  })

  it('answers 400 for a stage that does not exist', async () => {
    const lessonId = await newLesson()
    expect((await as.leader!.post(`/api/lessons/${lessonId}/stage`, { to: 'published' })).status).toBe(400)
  })

  it('hides lessons of other schools', async () => {
    const lessonId = await newLesson()
    expect((await as['riverside-leader']!.get(`/api/lessons/${lessonId}`)).status).toBe(404)
    expect((await move(lessonId, 'riverside-leader', 'review')).status).toBe(404)
    expect((await detailOf(lessonId)).lesson.stage).toBe('draft')
  })
})

describe('the lesson page', () => {
  it('shows each user the moves open to them, with labels and reasons', async () => {
    const lessonId = await newLesson()
    await expectMoved(lessonId, 'teacher1', 'review')
    expect((await detailOf(lessonId, 'leader')).moves).toEqual([
      { to: 'draft', label: '退回修改', allowed: true },
      { to: 'finalized', label: '定稿', allowed: true },
    ])
    const forTeacher = await detailOf(lessonId, 'teacher1')
    expect(forTeacher.moves).toEqual([
      { to: 'draft', label: '退回修改', allowed: true },
      { to: 'finalized', label: '定稿', allowed: false, reason: '只有备课组长可以定稿' },
    ])
    expect(forTeacher.permissions.changeStage).toEqual({ allowed: true })
    expect(forTeacher.permissions.liveReview).toEqual({ allowed: false, reason: '只有备课组长可以开启或关闭集体研讨' })
    expect(forTeacher.documents).toEqual([
      expect.objectContaining({ id: forTeacher.lesson.documentId, kind: 'lesson-plan', access: 'edit' }),
    ])
    expect((await detailOf(lessonId, 'guest')).documents[0]!.access).toBe('comment')
    expect((await detailOf(lessonId, 'guest')).permissions.changeStage.allowed).toBe(false)
  })
})

describe('集体研讨', () => {
  let lessonId: string
  let documentId: string
  beforeAll(async () => {
    lessonId = await newLesson()
    documentId = (await detailOf(lessonId)).lesson.documentId
  })

  const toggle = (username: string, open: boolean) =>
    as[username]!.post<LessonDetail>(`/api/lessons/${lessonId}/live-review`, { open })
  const accessOf = async (username: string) =>
    (await as[username]!.get<DocumentSummary[]>('/api/documents')).body.find((d) => d.id === documentId)?.access

  it('cannot be opened before the review', async () => {
    expect(await toggle('leader', true)).toEqual({
      status: 403,
      body: { error: { code: 'forbidden', message: '只有在研讨阶段才能开启集体研讨' } },
    })
  })

  it('is opened by the leader only, and lets every member edit until closed', async () => {
    await expectMoved(lessonId, 'teacher1', 'review')
    expect(await accessOf('teacher2')).toBe('comment')
    expect(await toggle('teacher1', true)).toEqual({
      status: 403,
      body: { error: { code: 'forbidden', message: '只有备课组长可以开启或关闭集体研讨' } },
    })
    expect((await detailOf(lessonId)).lesson.liveReviewOpen).toBe(false)

    const opened = await toggle('leader', true)
    expect(opened.status).toBe(200)
    expect(opened.body.lesson.liveReviewOpen).toBe(true)
    expect(await accessOf('teacher2')).toBe('edit')
    expect(await accessOf('guest')).toBe('comment')

    expect((await toggle('leader', false)).body.lesson.liveReviewOpen).toBe(false)
    expect(await accessOf('teacher2')).toBe('comment')
  })

  it('closes by itself when the lesson leaves the review', async () => {
    await toggle('leader', true)
    await expectMoved(lessonId, 'leader', 'draft')
    expect((await detailOf(lessonId)).lesson.liveReviewOpen).toBe(false)
    await expectMoved(lessonId, 'leader', 'review')
    expect(await accessOf('teacher2')).toBe('comment')
  })
})

describe('open editors follow the stage at once', () => {
  async function join(username: string, documentId: string): Promise<TestClient> {
    const client = connectClient(server.url, documentId, await wsToken(server.url, username))
    clients.push(client)
    await waitForSync(client)
    return client
  }

  async function storedText(documentId: string): Promise<string> {
    const state = await server.store.updates.loadDocumentState(documentId)
    return [state.snapshot, ...state.updates]
      .map((update) => (update ? Buffer.from(update).toString('utf8') : ''))
      .join('')
  }

  it('[SYNC-7] refuses a connected 主备人’s edits once the leader finalizes, saying it was finalized', async () => {
    const lessonId = await newLesson()
    const { documentId } = (await detailOf(lessonId)).lesson
    await expectMoved(lessonId, 'teacher1', 'review')
    const author = await join('teacher1', documentId)
    const watcher = await join('leader', documentId)
    author.doc.getText('t').insert(0, '研讨前的修改')
    await waitFor(() => watcher.text() === '研讨前的修改', 'the edit before finalizing')

    await expectMoved(lessonId, 'leader', 'finalized')
    author.doc.getText('t').insert(0, '定稿后的修改')
    await waitFor(() => author.denials.length === 1, 'the refusal')
    expect(author.denials).toEqual(['组长已定稿（v1），正文已锁定；要修改请在二次备课中进行'])
    expect(watcher.text()).toBe('研讨前的修改')
    expect(await storedText(documentId)).not.toContain('定稿后的修改')
  })

  it('lets a connected member edit while 集体研讨 is open, and not after it closes', async () => {
    const lessonId = await newLesson()
    const { documentId } = (await detailOf(lessonId)).lesson
    await expectMoved(lessonId, 'teacher1', 'review')
    const member = await join('teacher2', documentId)
    const watcher = await join('leader', documentId)

    await as.leader!.post(`/api/lessons/${lessonId}/live-review`, { open: true })
    member.doc.getText('t').insert(0, '全组一起改')
    await waitFor(() => watcher.text() === '全组一起改', 'the member’s edit during 集体研讨')

    await as.leader!.post(`/api/lessons/${lessonId}/live-review`, { open: false })
    member.doc.getText('t').insert(0, '散会后')
    await waitFor(() => member.denials.length === 1, 'the refusal after closing')
    expect(watcher.text()).toBe('全组一起改')
  })

  it('hands editing over at once when the leader assigns another 主备人', async () => {
    const lessonId = await newLesson()
    const { documentId } = (await detailOf(lessonId)).lesson
    const previous = await join('teacher1', documentId)
    const next = await join('teacher2', documentId)
    await as.leader!.patch(`/api/lessons/${lessonId}`, { leadPreparerId: await userId(server, 'teacher2') })
    next.doc.getText('t').insert(0, '张老师接手')
    await waitFor(() => previous.text() === '张老师接手', 'the new 主备人’s edit')
    previous.doc.getText('t').insert(0, '李老师')
    await waitFor(() => previous.denials.length === 1, 'the refusal of the previous 主备人')
    expect(next.text()).toBe('张老师接手')
  })

  it('closes open editors of a deleted lesson for good', async () => {
    const lessonId = await newLesson()
    const { documentId } = (await detailOf(lessonId)).lesson
    const editor = await join('teacher1', documentId)
    expect((await as.leader!.delete(`/api/lessons/${lessonId}`)).status).toBe(204)
    await waitFor(() => editor.closeCodes.includes(CloseCode.documentNotFound), 'the close')
  })
})
