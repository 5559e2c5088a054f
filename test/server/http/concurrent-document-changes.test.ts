/**
 * Server-made changes of one document requested at once (a double click, two tabs): each is computed
 * from the state the one before it left, so nothing is applied twice, on SQLite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { LessonSummary } from '../../../shared/api/lessons.ts'
import type { AdaptationDetail, VersionSummary } from '../../../shared/api/versions.ts'
import type { LessonStage } from '../../../shared/workflow/stages.ts'
import { type ApiClient, apiClientFor } from '../../helpers/api-client.ts'
import { connectClient, waitFor, waitForSync, wsToken } from '../../helpers/collab-client.ts'
import { addLesson, demoGroupId, planInput, userId } from '../../helpers/lesson-fixtures.ts'
import { createTestDatabase, postgresSuiteEnabled, type TestDatabase } from '../../helpers/postgres.ts'
import { startTestServer, type TestServer } from '../../helpers/test-server.ts'
import { bodyJson, editBody } from '../../shared/versions/plan-documents.ts'

const postgres = await postgresSuiteEnabled('concurrent document changes on PostgreSQL')

type Json = ReturnType<typeof bodyJson>['content'][number]
const textOf = (block: Json): string => (block.content ?? []).map((inline) => inline.text ?? '').join('')

/** The texts of the paragraphs in the 合作探究 section. */
function inquiryTexts(doc: Y.Doc): string[] {
  const section = bodyJson(doc).content.find((block) => block.attrs?.['key'] === 'inquiry')
  return (section?.content ?? []).map(textOf)
}

function setInquiry(doc: Y.Doc, texts: string[]): void {
  editBody(doc, (blocks) =>
    blocks.map((block) =>
      block.attrs?.['key'] === 'inquiry'
        ? { ...block, content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) }
        : block,
    ),
  )
}

const backends = [
  { name: 'SQLite', enabled: true },
  { name: 'PostgreSQL', enabled: postgres },
]

describe.each(backends)('server-made changes at once on $name', ({ name, enabled }) => {
  let database: TestDatabase | null = null
  let server: TestServer
  let lesson: LessonSummary
  let adaptationId: string
  const as: Record<string, ApiClient> = {}

  async function stored(documentId: string): Promise<Y.Doc> {
    const state = await server.store.updates.loadDocumentState(documentId)
    const doc = new Y.Doc()
    for (const part of state.snapshot ? [state.snapshot, ...state.updates] : state.updates) Y.applyUpdate(doc, part)
    return doc
  }

  async function edit(username: string, documentId: string, texts: string[]): Promise<void> {
    const client = connectClient(server.url, documentId, await wsToken(server.url, username), { acks: true })
    await waitForSync(client)
    setInquiry(client.doc, texts)
    const typed = Y.decodeStateVector(Y.encodeStateVector(client.doc))
    await waitFor(
      () => [...typed].every(([id, clock]) => (client.acked.get(id) ?? 0) >= clock),
      'the edit to be stored',
    )
    client.destroy()
  }

  async function moveTo(stage: LessonStage, by = 'leader'): Promise<void> {
    const { status, body } = await as[by]!.post(`/api/lessons/${lesson.id}/stage`, { to: stage })
    expect(status, JSON.stringify(body)).toBe(200)
  }

  beforeAll(async () => {
    if (!enabled) return
    if (name === 'PostgreSQL') database = await createTestDatabase()
    server = await startTestServer(database ? { databaseUrl: database.url } : {})
    for (const username of ['leader', 'teacher1', 'teacher2']) as[username] = await apiClientFor(server.url, username)
    lesson = await addLesson(as.leader!, await demoGroupId(as.leader!), planInput(await userId(server, 'teacher1')))
    await edit('teacher1', lesson.documentId, ['A 原文', 'B 原文', 'C 原文'])
    await moveTo('review', 'teacher1')
    await moveTo('finalized')
    adaptationId = (await as.teacher2!.post<AdaptationDetail>(`/api/lessons/${lesson.id}/adaptations`, {})).body
      .documentId
    await edit('teacher2', adaptationId, ['A 原文', 'B 原文，分组讨论', 'C 原文'])
    await moveTo('review')
    await edit('teacher1', lesson.documentId, ['A 原文', 'B 修订稿', 'C 原文'])
    await moveTo('finalized')
  })

  afterAll(async () => {
    if (!enabled) return
    await server.stop()
    await database?.drop()
  })

  it.runIf(enabled)('pulls once when two pulls arrive together', async () => {
    // Guards against two pulls both applying and each storing the flagged passages (2 conflict rows).
    const path = `/api/adaptations/${adaptationId}/pull`
    const answers = await Promise.all([
      as.teacher2!.post<AdaptationDetail>(path),
      as.teacher2!.post<AdaptationDetail>(path),
    ])
    expect(answers.map((answer) => answer.status)).toEqual([200, 200])
    expect(await server.store.adaptations.listConflicts(adaptationId)).toHaveLength(1)
    expect(answers[1].body).toMatchObject({ baseVersion: { number: 2 }, openConflicts: 1 })
  })

  it.runIf(enabled)('settles a flagged passage once when 采用共享版 is clicked twice', async () => {
    // Guards against a refused second click having already rewritten the passage.
    const [conflict] = await server.store.adaptations.listConflicts(adaptationId)
    const path = `/api/adaptations/${adaptationId}/conflicts/${conflict!.id}`
    const before = await stored(adaptationId)
    const answers = await Promise.all([
      as.teacher2!.post(path, { choice: 'shared' }),
      as.teacher2!.post(path, { choice: 'shared' }),
    ])
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400])
    const texts = inquiryTexts(await stored(adaptationId))
    expect(texts.filter((text) => text.includes('B 修订稿'))).toHaveLength(1)
    expect(texts).toEqual(['A 原文', 'B 修订稿', 'C 原文'])
    expect(inquiryTexts(before)).not.toEqual(texts)
  })

  it.runIf(enabled)('restores a version once when two restores arrive together', async () => {
    // Guards against the restored text being inserted twice ("…进步。…进步。").
    await moveTo('review')
    const versions = (await as.leader!.get<VersionSummary[]>(`/api/lessons/${lesson.id}/versions`)).body
    const path = `/api/versions/${versions[0]!.id}/restore`
    const answers = await Promise.all([as.leader!.post(path), as.leader!.post(path)])
    expect(answers.map((answer) => answer.status)).toEqual([200, 200])
    expect(answers.map((answer) => answer.body)).toEqual(
      expect.arrayContaining([{ changed: true }, { changed: false }]),
    )
    expect(inquiryTexts(await stored(lesson.documentId))).toEqual(['A 原文', 'B 原文', 'C 原文'])
  })
})
