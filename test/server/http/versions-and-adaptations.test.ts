/**
 * The 定稿 → 二次备课 → 反思 loop through the HTTP API and real collaborative editing, on real storage:
 * versions are immutable full states, an adaptation pulls a newer version keeping the teacher's edits
 * and flags the passage both sides changed, restoring adds changes on top, and refusals change nothing.
 * The plan's threads stay on the plan: neither a fork, a pull nor a design started from the plan takes them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { LessonSummary } from '../../../shared/api/lessons.ts'
import type {
  AdaptationDetail,
  DocumentPassages,
  PassageReference,
  ReflectionSummary,
  RestoreResult,
  VariantComparison,
  VariantSummary,
  VersionComparison,
  VersionContent,
  VersionSummary,
} from '../../../shared/api/versions.ts'
import { contentOf, pointAt } from '../../../shared/threads/thread-anchor.ts'
import { addReply, createThread } from '../../../shared/threads/thread-edits.ts'
import { threadsOf } from '../../../shared/threads/thread-model.ts'
import type { LessonStage } from '../../../shared/workflow/stages.ts'
import { type ApiClient, apiClientFor } from '../../helpers/api-client.ts'
import { connectClient, type TestClient, waitFor, waitForSync, wsToken } from '../../helpers/collab-client.ts'
import { addLesson, demoGroupId, planInput, userId } from '../../helpers/lesson-fixtures.ts'
import { startTestServer, type TestServer } from '../../helpers/test-server.ts'
import { match } from '../../helpers/match.ts'
import { bodyJson, editBody } from '../../shared/versions/plan-documents.ts'

let server: TestServer
let lesson: LessonSummary
const as: Record<string, ApiClient> = {}
const versions: VersionSummary[] = []
let adaptation: AdaptationDetail

beforeAll(async () => {
  server = await startTestServer()
  for (const username of ['leader', 'teacher1', 'teacher2', 'guest', 'admin'])
    as[username] = await apiClientFor(server.url, username)
  lesson = await addLesson(as.leader!, await demoGroupId(as.leader!), planInput(await userId(server, 'teacher1')))
})

afterAll(async () => {
  await server.stop()
})

type Json = ReturnType<typeof bodyJson>['content'][number]

/** A 批注 on the document's first words, in `username`'s name. */
async function threadBy(username: string, id: string): Promise<(doc: Y.Doc) => void> {
  const authorId = await userId(server, username)
  return (doc) => {
    const content = contentOf(doc)
    createThread(doc, {
      id,
      kind: 'question',
      authorId,
      body: '这里要不要先举例？',
      start: pointAt(content, 0),
      end: pointAt(content, 2),
    })
  }
}

const threadIds = (doc: Y.Doc) => [...threadsOf(doc).keys()].sort()

/** The texts of the paragraphs in the 合作探究 section. */
function inquiryTexts(doc: Y.Doc): string[] {
  const section = bodyJson(doc).content.find((block) => block.attrs?.['key'] === 'inquiry')
  return (section?.content ?? []).map((paragraph: Json) =>
    (paragraph.content ?? []).map((inline) => inline.text ?? '').join(''),
  )
}

/** Types into the 合作探究 section as an editor would: `edit` maps its paragraph texts. */
function editInquiry(doc: Y.Doc, edit: (texts: string[]) => string[]): void {
  editBody(doc, (blocks) =>
    blocks.map((block) => {
      if (block.attrs?.['key'] !== 'inquiry') return block
      const texts = edit(
        (block.content ?? []).map((paragraph) => (paragraph.content ?? []).map((inline) => inline.text ?? '').join('')),
      )
      return {
        ...block,
        content: texts.map((text) =>
          text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' },
        ),
      }
    }),
  )
}

async function editAs(username: string, documentId: string, edit: (doc: Y.Doc) => void): Promise<TestClient> {
  const client = connectClient(server.url, documentId, await wsToken(server.url, username), { acks: true })
  await waitForSync(client)
  edit(client.doc)
  await waitFor(() => isAcked(client), 'the edit to be stored')
  return client
}

function isAcked(client: TestClient): boolean {
  for (const [id, clock] of Y.decodeStateVector(Y.encodeStateVector(client.doc))) {
    if ((client.acked.get(id) ?? 0) < clock) return false
  }
  return true
}

async function stored(documentId: string): Promise<Y.Doc> {
  const state = await server.store.updates.loadDocumentState(documentId)
  const doc = new Y.Doc()
  for (const part of state.snapshot ? [state.snapshot, ...state.updates] : state.updates) Y.applyUpdate(doc, part)
  return doc
}

async function moveTo(stage: LessonStage, by = 'leader'): Promise<void> {
  const { status, body } = await as[by]!.post(`/api/lessons/${lesson.id}/stage`, { to: stage })
  expect(status, JSON.stringify(body)).toBe(200)
}

async function listVersions(): Promise<VersionSummary[]> {
  const { status, body } = await as.teacher2!.get<VersionSummary[]>(`/api/lessons/${lesson.id}/versions`)
  expect(status).toBe(200)
  return body
}

const forbidden = (message: string) => ({ error: { code: 'forbidden', message } })

describe('定稿 versions', () => {
  it('finalizing stores v1 as the plan’s full state', async () => {
    const planThread = await threadBy('teacher1', 'plan-v1')
    const client = await editAs('teacher1', lesson.documentId, (doc) => {
      editInquiry(doc, () => ['A 原文', 'B 原文', 'C 原文'])
      planThread(doc)
    })
    client.destroy()
    await moveTo('review', 'teacher1')
    await moveTo('finalized')
    versions.push(...(await listVersions()))
    expect(versions).toEqual([
      expect.objectContaining({
        number: 1,
        name: '定稿 v1',
        createdBy: match.objectContaining({ displayName: '王老师' }),
      }),
    ])
    const { status, body } = await as.guest!.get<VersionContent>(`/api/versions/${versions[0]!.id}`)
    expect(status).toBe(200)
    expect(JSON.stringify(body.content)).toContain('B 原文')
  })

  it('refuses a reflection before the lesson is taught, and creates nothing', async () => {
    const before = (await server.store.documents.listDocumentsOfLesson(lesson.id)).length
    const { status, body } = await as.teacher2!.post(`/api/lessons/${lesson.id}/reflections`)
    expect(status).toBe(403)
    expect(body).toEqual(forbidden('进入二次备课或课后反思阶段后才能写反思'))
    expect(await server.store.documents.listDocumentsOfLesson(lesson.id)).toHaveLength(before)
  })

  it('refuses an adaptation to a guest, with the rule’s reason', async () => {
    const { status, body } = await as.guest!.post(`/api/lessons/${lesson.id}/adaptations`, {})
    expect(status).toBe(403)
    expect(body).toEqual(forbidden('只有本备课组的老师可以做二次备课'))
  })
})

describe('二次备课 that stays linked', () => {
  let teacherClient: TestClient

  it('starts an adaptation as a fork of v1 and counts the teacher’s 个人加减', async () => {
    const created = await as.teacher2!.post<AdaptationDetail>(`/api/lessons/${lesson.id}/adaptations`, {})
    expect(created.status).toBe(200)
    adaptation = created.body
    expect(adaptation).toMatchObject({
      baseVersion: { number: 1 },
      newerVersion: null,
      changeCount: 0,
      teacher: { displayName: '张老师' },
    })
    // Asking again opens the same one.
    expect(
      (await as.teacher2!.post<AdaptationDetail>(`/api/lessons/${lesson.id}/adaptations`, {})).body.documentId,
    ).toBe(adaptation.documentId)

    // The plan's 批注 stay on the plan; the teacher's own start here.
    expect(threadIds(await stored(adaptation.documentId))).toEqual([])
    const ownThread = await threadBy('teacher2', 'zhang-own')
    teacherClient = await editAs('teacher2', adaptation.documentId, (doc) => {
      editInquiry(doc, ([a, b, c]) => [`${a}（我班先复习）`, `${b}，分组讨论`, c!])
      ownThread(doc)
    })
    const { body } = await as.teacher2!.get<AdaptationDetail>(`/api/adaptations/${adaptation.documentId}`)
    expect(body.changeCount).toBe(2)
    expect(body.changes.filter((change) => change.change === 'changed').map((change) => change.block.text)).toEqual([
      'A 原文（我班先复习）',
      'B 原文，分组讨论',
    ])
    // The office sees the count too.
    const office = await as.admin!.get<AdaptationDetail[]>(`/api/lessons/${lesson.id}/adaptations`)
    expect(office.body.map((entry) => entry.changeCount)).toEqual([2])
  })

  it('reopening, revising and finalizing again makes v2; v1 stays as it was', async () => {
    const v1Before = await server.store.versions.versionState(versions[0]!.id)
    await moveTo('review')
    const planThread = await threadBy('teacher1', 'plan-v2')
    const teacher1 = await userId(server, 'teacher1')
    const client = await editAs('teacher1', lesson.documentId, (doc) => {
      editInquiry(doc, ([a, , c]) => [a!, 'B 修订稿', `${c}，增加一道例题`])
      planThread(doc)
      addReply(doc, 'plan-v1', { authorId: teacher1, body: '已按研讨意见修改' })
    })
    client.destroy()
    await moveTo('finalized')
    versions.splice(0, versions.length, ...(await listVersions()))
    expect(versions.map((version) => version.name)).toEqual(['定稿 v1', '定稿 v2'])
    expect([...(await server.store.versions.versionState(versions[0]!.id))!]).toEqual([...v1Before!])

    const { status, body } = await as.teacher2!.get<VersionComparison>(
      `/api/lessons/${lesson.id}/versions/compare?from=${versions[0]!.id}&to=${versions[1]!.id}`,
    )
    expect(status).toBe(200)
    const changed = body.changes.filter((change) => change.change === 'changed')
    expect(changed.map((change) => change.block.text)).toEqual(['B 修订稿', 'C 原文，增加一道例题'])
    expect(changed[1]?.change === 'changed' && changed[1].parts.find((part) => part.change === 'added')?.text).toBe(
      '，增加一道例题',
    )
  })

  it('[ADAPT-3] pulling v2 keeps the teacher’s edits, brings the revision live and flags the passage both changed, keeping hers as she wrote it', async () => {
    const before = await as.teacher2!.get<AdaptationDetail>(`/api/adaptations/${adaptation.documentId}`)
    expect(before.body.newerVersion).toMatchObject({ number: 2 })
    const refused = await as.teacher1!.post(`/api/adaptations/${adaptation.documentId}/pull`)
    expect(refused.status).toBe(403)

    const { status, body } = await as.teacher2!.post<AdaptationDetail>(`/api/adaptations/${adaptation.documentId}/pull`)
    expect(status).toBe(200)
    expect(body).toMatchObject({ baseVersion: { number: 2 }, newerVersion: null, openConflicts: 1 })
    expect(body.conflicts).toEqual([
      expect.objectContaining({
        baseText: 'B 原文',
        mineText: 'B 原文，分组讨论',
        sharedText: 'B 修订稿',
        status: 'open',
        toVersionNumber: 2,
      }),
    ])
    await waitFor(
      () => inquiryTexts(teacherClient.doc)[2] === 'C 原文，增加一道例题',
      'the pulled revision to reach the open editor',
    )
    // Not Yjs's merge of both sides' characters: her passage, live and stored; the shared one waits beside it.
    const expected = ['A 原文（我班先复习）', 'B 原文，分组讨论', 'C 原文，增加一道例题']
    expect(inquiryTexts(teacherClient.doc)).toEqual(expected)
    expect(inquiryTexts(await stored(adaptation.documentId))).toEqual(expected)
    // The plan's new 批注 and the reply to its old one stay on the plan; the teacher's own is kept.
    expect(threadIds(await stored(lesson.documentId))).toEqual(['plan-v1', 'plan-v2'])
    expect(threadIds(await stored(adaptation.documentId))).toEqual(['zhang-own'])
    expect(threadIds(teacherClient.doc)).toEqual(['zhang-own'])
  })

  it('[ADAPT-4] settles the flagged passage with 保留我的, keeping what she typed into it since the pull', async () => {
    const conflictId = (await as.teacher2!.get<AdaptationDetail>(`/api/adaptations/${adaptation.documentId}`)).body
      .conflicts[0]!.id
    const path = `/api/adaptations/${adaptation.documentId}/conflicts/${conflictId}`
    editInquiry(teacherClient.doc, ([a, b, c]) => [a!, `${b}（限时5分钟）`, c!])
    await waitFor(() => isAcked(teacherClient), 'her typing to be stored')
    expect((await as.teacher1!.post(path, { choice: 'mine' })).status).toBe(403)
    const { status, body } = await as.teacher2!.post<AdaptationDetail>(path, { choice: 'mine' })
    expect(status).toBe(200)
    expect(body.openConflicts).toBe(0)
    const expected = ['A 原文（我班先复习）', 'B 原文，分组讨论（限时5分钟）', 'C 原文，增加一道例题']
    expect(inquiryTexts(await stored(adaptation.documentId))).toEqual(expected)
    expect(inquiryTexts(teacherClient.doc)).toEqual(expected)
    expect((await as.teacher2!.post(path, { choice: 'shared' })).status).toBe(400)
    teacherClient.destroy()
  })
})

describe('课后反思', () => {
  it('lets each teacher reflect once the lesson is taught, pointing at a passage of their adaptation', async () => {
    await moveTo('adapting')
    const opened = await as.teacher2!.post<{ documentId: string }>(`/api/lessons/${lesson.id}/reflections`)
    expect(opened.status).toBe(200)
    expect((await as.teacher2!.post<{ documentId: string }>(`/api/lessons/${lesson.id}/reflections`)).body).toEqual(
      opened.body,
    )

    const passages = await as.teacher2!.get<DocumentPassages>(`/api/documents/${adaptation.documentId}/passages`)
    const passage = passages.body.blocks.find((block) => block.text === 'B 原文，分组讨论（限时5分钟）')!
    expect(passage.section).toBe('合作探究')
    const pointed = await as.teacher2!.post<PassageReference>(`/api/reflections/${opened.body.documentId}/references`, {
      sourceDocumentId: adaptation.documentId,
      blockKey: passage.key,
    })
    expect(pointed.status).toBe(200)
    expect(pointed.body).toMatchObject({ section: '合作探究', quote: 'B 原文，分组讨论（限时5分钟）' })
    expect(
      (
        await as.teacher1!.post(`/api/reflections/${opened.body.documentId}/references`, {
          sourceDocumentId: adaptation.documentId,
          blockKey: passage.key,
        })
      ).status,
    ).toBe(403)

    await as.teacher1!.post(`/api/lessons/${lesson.id}/reflections`)
    const { body } = await as.leader!.get<ReflectionSummary[]>(`/api/lessons/${lesson.id}/reflections`)
    expect(body.map((reflection) => reflection.teacher.displayName).sort()).toEqual(['张老师', '李老师'].sort())
    const zhang = body.find((reflection) => reflection.teacher.displayName === '张老师')!
    expect(zhang).toMatchObject({
      adaptationDocumentId: adaptation.documentId,
      references: [expect.objectContaining({ quote: 'B 原文，分组讨论（限时5分钟）' })],
    })
    expect(JSON.stringify(zhang.content)).toContain('成功之处')
  })
})

describe('同课异构', () => {
  it('compares two designs of the lesson section against section', async () => {
    const fromTemplate = await as.teacher2!.post<VariantSummary>(`/api/lessons/${lesson.id}/variants`, {
      from: 'template',
    })
    const fromPlan = await as.teacher1!.post<VariantSummary>(`/api/lessons/${lesson.id}/variants`, { from: 'plan' })
    expect([fromTemplate.status, fromPlan.status]).toEqual([200, 200])
    expect((await as.guest!.post(`/api/lessons/${lesson.id}/variants`, { from: 'plan' })).status).toBe(403)
    const list = await as.leader!.get<VariantSummary[]>(`/api/lessons/${lesson.id}/variants`)
    expect(list.body).toHaveLength(2)
    // A design started from the plan takes its text, not its 批注.
    expect(threadIds(await stored(fromPlan.body.documentId))).toEqual([])

    const { status, body } = await as.leader!.get<VariantComparison>(
      `/api/lessons/${lesson.id}/variants/compare?left=${fromTemplate.body.documentId}&right=${fromPlan.body.documentId}`,
    )
    expect(status).toBe(200)
    const inquiry = body.sections.find((pair) => pair.title === '合作探究')!
    expect(inquiry.left?.map((block) => block.text)).toEqual([''])
    expect(inquiry.right?.map((block) => block.text)).toEqual(['A 原文', 'B 修订稿', 'C 原文，增加一道例题'])
  })
})

describe('restoring a version', () => {
  it('is refused while the plan is frozen, and changes nothing', async () => {
    const before = await server.store.updates.loadDocumentState(lesson.documentId)
    const { status, body } = await as.leader!.post(`/api/versions/${versions[0]!.id}/restore`)
    expect(status).toBe(403)
    expect(body).toEqual(forbidden('已二次备课，共享导学案不能再修改'))
    expect((await server.store.updates.loadDocumentState(lesson.documentId)).lastSeq).toBe(before.lastSeq)
  })

  it('adds changes on top of the history that make the plan read like v1 again', async () => {
    await moveTo('review')
    const before = await server.store.updates.loadDocumentState(lesson.documentId)
    const v2 = await server.store.versions.versionState(versions[1]!.id)
    const { status, body } = await as.leader!.post<RestoreResult>(`/api/versions/${versions[0]!.id}/restore`)
    expect(status).toBe(200)
    expect(body).toEqual({ changed: true })
    expect((await server.store.updates.loadDocumentState(lesson.documentId)).lastSeq).toBeGreaterThan(before.lastSeq)
    expect(inquiryTexts(await stored(lesson.documentId))).toEqual(['A 原文', 'B 原文', 'C 原文'])
    expect([...(await server.store.versions.versionState(versions[1]!.id))!]).toEqual([...v2!])
    expect(await listVersions()).toHaveLength(2)
  })
})

describe('二次备课 while the shared plan is reopened', () => {
  it('stays editable by its teacher, live and through the API', async () => {
    // Guards against 重新研讨 freezing every teacher's 二次备课 (and dropping their offline edits).
    const { body } = await as.teacher2!.get<AdaptationDetail>(`/api/adaptations/${adaptation.documentId}`)
    expect(body.editable).toBe(true)
    expect((await as.leader!.get<AdaptationDetail>(`/api/adaptations/${adaptation.documentId}`)).body.editable).toBe(
      false,
    )
    const client = await editAs('teacher2', adaptation.documentId, (doc) =>
      editInquiry(doc, (texts) => [...texts, 'D 研讨期间补充']),
    )
    client.destroy()
    expect(inquiryTexts(await stored(adaptation.documentId)).at(-1)).toBe('D 研讨期间补充')
    expect((await as.teacher2!.post(`/api/adaptations/${adaptation.documentId}/pull`)).status).toBe(200)
  })
})
