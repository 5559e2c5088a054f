/**
 * A 定稿 whose version cannot be stored changes nothing: the lesson stays where it was, with no
 * recorded move and no version, its editors may type again, and the leader can simply try again.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../../server/store/open-store.ts'
import type { Store } from '../../../server/store/store.ts'
import { type ApiClient, apiClientFor } from '../../helpers/api-client.ts'
import { connectClient, type TestClient, waitFor, waitForSync, wsToken } from '../../helpers/collab-client.ts'
import { addLesson, demoGroupId, planInput, userId } from '../../helpers/lesson-fixtures.ts'
import { startTestServer, type TestServer } from '../../helpers/test-server.ts'
import { storeWithOverrides } from '../../helpers/store-overrides.ts'

const dataDir = mkdtempSync(join(tmpdir(), 'gongbei-finalize-'))
let store: Store
let server: TestServer
let leader: ApiClient
let editor: TestClient | null = null
let failFinalize = false

beforeAll(async () => {
  store = await openStore({ dataDir })
  const finalizeLesson: Store['versions']['finalizeLesson'] = async (move, version) => {
    if (failFinalize) throw new Error('disk full')
    return store.versions.finalizeLesson(move, version)
  }
  const instrumented = storeWithOverrides(store, 'versions', { finalizeLesson })
  server = await startTestServer({ dataDir, store: instrumented })
  leader = await apiClientFor(server.url, 'leader')
})

afterAll(async () => {
  editor?.destroy()
  await server.stop()
  await store.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('a 定稿 that cannot be stored', () => {
  it('answers 500 with what happened, changes nothing, and can be retried', async () => {
    // Guards against a 定稿 committed without its version, with no way to make the version later.
    const lesson = await addLesson(leader, await demoGroupId(leader), planInput(await userId(server, 'teacher1')))
    expect((await leader.post(`/api/lessons/${lesson.id}/stage`, { to: 'review' })).status).toBe(200)
    editor = connectClient(server.url, lesson.documentId, await wsToken(server.url, 'teacher1'), { acks: true })
    await waitForSync(editor)

    failFinalize = true
    try {
      expect(await leader.post(`/api/lessons/${lesson.id}/stage`, { to: 'finalized' })).toEqual({
        status: 500,
        body: { error: { code: 'internal', message: '定稿没有保存成功，这节课还在原来的阶段，请再试一次' } },
      })
    } finally {
      failFinalize = false
    }
    expect(await store.lessons.findLesson(lesson.id)).toMatchObject({ stage: 'review' })
    expect((await store.lessons.listLessonStageEvents(lesson.id)).map((event) => event.to)).toEqual(['review'])
    expect(await store.versions.listVersions(lesson.id)).toEqual([])

    // The 主备人 was made read-only for the attempt and may type again.
    editor.doc.getText('t').insert(0, '定稿前最后一改')
    await waitFor(() => editor!.acked.get(editor!.doc.clientID) === '定稿前最后一改'.length, 'the edit to be stored')
    expect(editor.denials).toEqual([])

    expect((await leader.post(`/api/lessons/${lesson.id}/stage`, { to: 'finalized' })).status).toBe(200)
    const versions = await store.versions.listVersions(lesson.id)
    expect(versions.map((version) => version.number)).toEqual([1])
    expect((await store.lessons.listLessonStageEvents(lesson.id)).map((event) => event.to)).toEqual([
      'review',
      'finalized',
    ])
  })
})
