/**
 * Deleting a plan entry while its 导学案 is open: editors are sent away only once the deletion has
 * happened, so a deletion refused because the lesson moved on meanwhile leaves them editing.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../../shared/protocol/close-codes.ts'
import { openStore } from '../../../server/store/open-store.ts'
import type { Store } from '../../../server/store/store.ts'
import { type ApiClient, apiClientFor } from '../../helpers/api-client.ts'
import { connectClient, type TestClient, waitFor, waitForSync, wsToken } from '../../helpers/collab-client.ts'
import { addLesson, demoGroupId, planInput, userId } from '../../helpers/lesson-fixtures.ts'
import { startTestServer, type TestServer } from '../../helpers/test-server.ts'
import { storeWithOverrides } from '../../helpers/store-overrides.ts'

const dataDir = mkdtempSync(join(tmpdir(), 'gongbei-delete-'))
let store: Store
let server: TestServer
let leader: ApiClient
const clients: TestClient[] = []
/** When set, the 主备人 submits the lesson for review just before the store deletes it. */
let submitFirst: { actorId: string } | null = null

beforeAll(async () => {
  store = await openStore({ dataDir })
  const deleteLesson: Store['lessons']['deleteLesson'] = async (id, whileIn) => {
    if (submitFirst)
      await store.lessons.moveLessonStage({
        lessonId: id,
        from: 'draft',
        to: 'review',
        actorId: submitFirst.actorId,
        at: new Date(),
      })
    return store.lessons.deleteLesson(id, whileIn)
  }
  const instrumented = storeWithOverrides(store, 'lessons', { deleteLesson })
  server = await startTestServer({ dataDir, store: instrumented })
  leader = await apiClientFor(server.url, 'leader')
})

afterAll(async () => {
  for (const client of clients) client.destroy()
  await server.stop()
  await store.close()
  rmSync(dataDir, { recursive: true, force: true })
})

async function openLesson() {
  const teacherId = await userId(server, 'teacher1')
  const lesson = await addLesson(leader, await demoGroupId(leader), planInput(teacherId))
  const editor = connectClient(server.url, lesson.documentId, await wsToken(server.url, 'teacher1'))
  clients.push(editor)
  await waitForSync(editor)
  return { lesson, editor, teacherId }
}

describe('deleting a plan entry with its 导学案 open', () => {
  it('keeps the editors when the deletion is refused because the lesson moved on', async () => {
    // Guards against editors being closed with 4404 before a deletion that was then refused.
    const { lesson, editor, teacherId } = await openLesson()
    submitFirst = { actorId: teacherId }
    try {
      const { status } = await leader.delete(`/api/lessons/${lesson.id}`)
      expect(status).toBe(403)
    } finally {
      submitFirst = null
    }
    expect(await store.lessons.findLesson(lesson.id)).toMatchObject({ stage: 'review' })
    const watcher = connectClient(server.url, lesson.documentId, await wsToken(server.url, 'leader'))
    clients.push(watcher)
    await waitForSync(watcher)
    editor.doc.getText('t').insert(0, '还在写')
    await waitFor(() => watcher.text() === '还在写', 'the edit after the refused deletion')
    expect(editor.closeCodes).toEqual([])
  })

  it('sends the editors away, for good, once the lesson is deleted', async () => {
    const { lesson, editor } = await openLesson()
    editor.doc.getText('t').insert(0, '草稿')
    expect((await leader.delete(`/api/lessons/${lesson.id}`)).status).toBe(204)
    await waitFor(() => editor.closeCodes.includes(CloseCode.documentNotFound), 'the close')
    expect(await store.documents.findDocument(lesson.documentId)).toBeNull()
    // The room is gone too: a late editor is not served what it held.
    const late = connectClient(server.url, lesson.documentId, await wsToken(server.url, 'teacher1'))
    clients.push(late)
    await waitFor(() => late.closeCodes.includes(CloseCode.documentNotFound), 'the late editor’s close')
  })
})
