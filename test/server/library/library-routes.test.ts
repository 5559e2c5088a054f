/**
 * The 资源库 through the HTTP API on real storage: only what the user may read is listed (LIBRARY-1),
 * 以此为底稿 fills an unwritten 初稿 and records its source (LIBRARY-3, LIBRARY-4), and the source lists
 * what was built on it, to those who may read it (LIBRARY-5).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mergeUpdates } from 'yjs'
import type { LessonLineage, LibraryListing } from '../../../shared/api/library.ts'
import type { LessonSummary } from '../../../shared/api/lessons.ts'
import { blocksOfState } from '../../../shared/versions/document-blocks.ts'
import { buildEditorSchema } from '../../../shared/schema/editor-schema.ts'
import type { LessonRecord } from '../../../server/store/lesson-records.ts'
import type { VersionRecord } from '../../../server/store/version-records.ts'
import { type ApiClient, apiClientFor } from '../../helpers/api-client.ts'
import { addLesson, addOutsiders, demoGroupId, planInput, userId } from '../../helpers/lesson-fixtures.ts'
import { finishedPlan } from '../../helpers/library-fixtures.ts'
import { startTestServer, type TestServer } from '../../helpers/test-server.ts'

let server: TestServer
const as: Record<string, ApiClient> = {}
let mathGroupId: string
let chineseGroupId: string
let lastYear: { lesson: LessonRecord; version: VersionRecord }
let poem: { lesson: LessonRecord; version: VersionRecord }

beforeAll(async () => {
  server = await startTestServer()
  await addOutsiders(server)
  for (const username of ['leader', 'teacher1', 'teacher2', 'guest', 'chinese-leader', 'riverside-leader'])
    as[username] = await apiClientFor(server.url, username)
  mathGroupId = await demoGroupId(as.leader!)
  chineseGroupId = (await server.store.groups.groupIdsOfUser(await userId(server, 'chinese-leader')))[0]!
  lastYear = await finishedPlan(server, {
    groupId: mathGroupId,
    title: '3.1.1 一元一次方程',
    scheduledDate: '2025-11-20',
    semester: '2025-2026学年第一学期',
    leadPreparerId: await userId(server, 'teacher2'),
    versions: 2,
  })
  poem = await finishedPlan(server, {
    groupId: chineseGroupId,
    title: '春望',
    scheduledDate: '2026-10-09',
    semester: '2026-2027学年第一学期',
    leadPreparerId: await userId(server, 'chinese-leader'),
  })
}, 60_000)

afterAll(async () => {
  await server.stop()
})

const titles = (listing: LibraryListing) => listing.plans.map((plan) => plan.title)

/** A new lesson of the math group whose 初稿 teacher1 prepares. */
async function newDraft(title = '3.1.1 一元一次方程'): Promise<LessonSummary> {
  return addLesson(as.leader!, mathGroupId, planInput(await userId(server, 'teacher1'), { title }))
}

async function draftTexts(lesson: LessonSummary): Promise<string> {
  const stored = await server.store.updates.loadDocumentState(lesson.documentId)
  const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates
  return blocksOfState(mergeUpdates(parts), buildEditorSchema())
    .map((block) => block.text)
    .join('\n')
}

describe('LIBRARY-1: the library lists only what the user may read', () => {
  it('gives a teacher every finished plan of the school, across groups and years, named for browsing', async () => {
    const { status, body } = await as.teacher1!.get<LibraryListing>('/api/library')
    expect(status).toBe(200)
    expect(titles(body)).toEqual(expect.arrayContaining(['3.1.1 一元一次方程', '春望', '2.1 整式']))
    const plan = body.plans.find((entry) => entry.lessonId === lastYear.lesson.id)
    expect(plan).toMatchObject({
      subject: '数学',
      grade: '七年级',
      groupName: '七年级数学备课组',
      semester: '2025-2026学年第一学期',
      leadPreparer: { displayName: '张老师' },
      latestVersion: { id: lastYear.version.id, number: 2, name: '定稿 v2' },
    })
    // Lessons not yet finalized are not in the library.
    expect(titles(body)).not.toContain('3.2 解一元一次方程（一）')
  })

  it('gives an outside expert only the groups they are invited to, and another school nothing of ours', async () => {
    const guest = await as.guest!.get<LibraryListing>('/api/library')
    expect(titles(guest.body)).toContain('3.1.1 一元一次方程')
    expect(titles(guest.body)).not.toContain('春望')
    const riverside = await as['riverside-leader']!.get<LibraryListing>('/api/library')
    expect(riverside.body.plans).toEqual([])
  })
})

describe('LIBRARY-3, LIBRARY-4: 以此为底稿', () => {
  it('fills the 主备人’s unwritten 初稿 from last year’s 定稿 and shows where it came from', async () => {
    const draft = await newDraft()
    const { status, body } = await as.teacher1!.post<LessonLineage>(`/api/lessons/${draft.id}/start-from`, {
      versionId: lastYear.version.id,
    })
    expect(status).toBe(200)
    expect(body.source).toMatchObject({
      versionId: lastYear.version.id,
      lessonId: lastYear.lesson.id,
      label: '来源：2025 秋 七年级数学备课组 定稿 v2，张老师',
      startedBy: { displayName: '李老师' },
    })
    const texts = await draftTexts(draft)
    expect(texts).toContain('找出实际问题中的相等关系')
    // The header stays this year's: its date is the plan's, not last year's.
    expect(texts).toContain('2026年12月8日')

    const lineage = await as.teacher2!.get<LessonLineage>(`/api/lessons/${draft.id}/lineage`)
    expect(lineage.body.source?.label).toBe('来源：2025 秋 七年级数学备课组 定稿 v2，张老师')
  })

  it('never overwrites a written 初稿', async () => {
    const draft = await newDraft('3.1.2 等式的性质')
    await as.teacher1!.post(`/api/lessons/${draft.id}/start-from`, { versionId: poem.version.id })
    const again = await as.teacher1!.post<{ error: { message: string } }>(`/api/lessons/${draft.id}/start-from`, {
      versionId: lastYear.version.id,
    })
    expect(again.status).toBe(400)
    expect(again.body.error.message).toContain('初稿已经写了内容')
    const lineage = await as.teacher1!.get<LessonLineage>(`/api/lessons/${draft.id}/lineage`)
    expect(lineage.body.source?.versionId).toBe(poem.version.id)
  })

  it('refuses who may not write the 初稿, a source they may not read, and what does not exist', async () => {
    const draft = await newDraft('3.1.3 解方程')
    const start = (username: string, versionId: string) =>
      as[username]!.post(`/api/lessons/${draft.id}/start-from`, { versionId })
    expect((await start('teacher2', lastYear.version.id)).status).toBe(403)
    expect((await start('guest', lastYear.version.id)).status).toBe(403)
    expect((await start('riverside-leader', lastYear.version.id)).status).toBe(404)
    expect((await start('teacher1', '00000000-0000-0000-0000-000000000000')).status).toBe(404)
    const empty = await as.teacher1!.post(`/api/lessons/${draft.id}/start-from`, {})
    expect(empty.status).toBe(400)
    expect(await server.store.library.findDraftSource(draft.id)).toBeNull()
  })
})

describe('LIBRARY-5: the source lists what was built on it, to those who may read it', () => {
  it('shows the lessons started from its 定稿, leaving out groups the reader is not invited to', async () => {
    const chineseDraft = await addLesson(
      as['chinese-leader']!,
      chineseGroupId,
      planInput(await userId(server, 'chinese-leader'), { title: '方程与古诗' }),
    )
    const started = await as['chinese-leader']!.post(`/api/lessons/${chineseDraft.id}/start-from`, {
      versionId: lastYear.version.id,
    })
    expect(started.status).toBe(200)

    const teacher = await as.teacher1!.get<LessonLineage>(`/api/lessons/${lastYear.lesson.id}/lineage`)
    expect(teacher.body.source).toBeNull()
    expect(teacher.body.builtOn.map((entry) => [entry.title, entry.groupName, entry.versionName])).toEqual(
      expect.arrayContaining([
        ['3.1.1 一元一次方程', '七年级数学备课组', '定稿 v2'],
        ['方程与古诗', '七年级语文备课组', '定稿 v2'],
      ]),
    )
    const guest = await as.guest!.get<LessonLineage>(`/api/lessons/${lastYear.lesson.id}/lineage`)
    expect(guest.body.builtOn.map((entry) => entry.groupName)).not.toContain('七年级语文备课组')
    expect(guest.body.builtOn.length).toBeGreaterThan(0)

    // The guest may not read the poem's group: a math lesson built on it shows no source to them.
    const fromPoem = (await server.store.library.listDraftsBuiltOn(poem.lesson.id))[0]!
    const hidden = await as.guest!.get<LessonLineage>(`/api/lessons/${fromPoem.lessonId}/lineage`)
    expect(hidden.status).toBe(200)
    expect(hidden.body.source).toBeNull()
    const riverside = await as['riverside-leader']!.get(`/api/lessons/${lastYear.lesson.id}/lineage`)
    expect(riverside.status).toBe(404)
  })
})
