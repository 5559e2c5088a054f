/**
 * The group page's numbers for a seeded semester, built through the API and real y-websocket editors:
 * lessons planned and moved, an adaptation with a personal change, a written and an empty reflection,
 * a meeting record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { GroupOverview, TeacherCountsRow } from '../../../../shared/api/group-overview.ts'
import type { LessonSummary } from '../../../../shared/api/lessons.ts'
import type { AdaptationDetail } from '../../../../shared/api/versions.ts'
import { contentFragmentName } from '../../../../shared/schema/editor-schema.ts'
import { contentOf, textNodes } from '../../../../shared/threads/thread-anchor.ts'
import { addReply, createThread, setResolved } from '../../../../shared/threads/thread-edits.ts'
import { localDateTime, semesterOf } from '../../../../shared/workflow/lesson-schedule.ts'
import { type ApiClient, apiClientFor } from '../../../helpers/api-client.ts'
import { connectClient, waitFor, waitForSync, wsToken } from '../../../helpers/collab-client.ts'
import { addLesson, addOutsiders, demoGroupId, planInput, userId } from '../../../helpers/lesson-fixtures.ts'
import { match } from '../../../helpers/match.ts'
import { startTestServer, type TestServer } from '../../../helpers/test-server.ts'

/** Dates around today, so that which lesson is late does not depend on when the test runs. */
const today = localDateTime(new Date()).date
const daysFromToday = (days: number) =>
  new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
const semester = semesterOf(today)
const lastSemester = semesterOf(daysFromToday(-200))
let server: TestServer
let leader: ApiClient
let groupId: string
let zhangAdaptation: string
let zhangReflection: string
const lessons: Record<'taught' | 'late' | 'coming' | 'lastTerm', LessonSummary> = {} as never

/** Types `text` into the first paragraph of the document as `username`, through a real editor connection. */
async function typeInto(documentId: string, username: string, text: string): Promise<void> {
  const client = connectClient(server.url, documentId, await wsToken(server.url, username), { acks: true })
  await waitForSync(client)
  const paragraph = firstParagraph(client.doc.getXmlFragment(contentFragmentName))
  if (!paragraph) throw new Error('no paragraph to type into')
  const existing = paragraph.toArray().find((child) => child instanceof Y.XmlText)
  if (existing) existing.insert(0, text)
  else paragraph.insert(0, [new Y.XmlText(text)])
  const sent = Y.decodeStateVector(Y.encodeStateVector(client.doc))
  await waitFor(() => (client.acked.get(client.doc.clientID) ?? 0) >= (sent.get(client.doc.clientID) ?? 0), 'save ack')
  client.destroy()
}

/** Starts a thread as `username` on the first words of the document; resolves with its id once stored. */
async function annotate(documentId: string, username: string): Promise<string> {
  const client = connectClient(server.url, documentId, await wsToken(server.url, username), { acks: true })
  await waitForSync(client)
  const text = textNodes(contentOf(client.doc)).find((node) => node.length > 1)!
  const authorId = await userId(server, username)
  const threadId = createThread(client.doc, {
    kind: 'question',
    authorId,
    body: '这里再想想',
    start: { text, offset: 0 },
    end: { text, offset: 1 },
  })
  await waitFor(() => client.frames.acked === client.frames.sent, 'the thread is stored')
  expect(client.denials).toEqual([])
  client.destroy()
  return threadId
}

async function asUser(documentId: string, username: string, change: (doc: Y.Doc, userId: string) => void) {
  const client = connectClient(server.url, documentId, await wsToken(server.url, username), { acks: true })
  await waitForSync(client)
  change(client.doc, await userId(server, username))
  await waitFor(() => client.frames.acked === client.frames.sent, 'the change is stored')
  expect(client.denials).toEqual([])
  client.destroy()
}

function firstParagraph(parent: Y.XmlFragment | Y.XmlElement): Y.XmlElement | null {
  for (const child of parent.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue
    if (child.nodeName === 'paragraph') return child
    const inner = firstParagraph(child)
    if (inner) return inner
  }
  return null
}

/** [CHECK-6] A count is always the length of its list: what the office opens is what it counted. */
function expectListsMatchCounts(rows: readonly TeacherCountsRow[]): void {
  for (const { work, ...counts } of rows) {
    expect(counts.leadPrepared).toBe(work.leadPrepared.length)
    expect(counts.adaptations).toBe(work.adaptations.length)
    expect(counts.adaptationChanges).toBe(work.adaptations.reduce((sum, item) => sum + item.changeCount, 0))
    expect(counts.reflections).toBe(work.reflections.length)
    expect(counts.comments).toBe(work.comments.length)
  }
}

async function move(client: ApiClient, lesson: LessonSummary, ...stages: string[]) {
  for (const to of stages) {
    const { status } = await client.post(`/api/lessons/${lesson.id}/stage`, { to })
    if (status !== 200) throw new Error(`move to ${to} failed: ${status}`)
  }
}

beforeAll(async () => {
  // Counts only the lessons planned here, not the demo's own 备课计划.
  server = await startTestServer({ demoPlan: false })
  await addOutsiders(server)
  leader = await apiClientFor(server.url, 'leader')
  groupId = await demoGroupId(leader)
  const [li, zhang, liu] = await Promise.all(['teacher1', 'teacher2', 'teacher3'].map((name) => userId(server, name)))
  const plan = (teacher: string, title: string, days: number) =>
    addLesson(leader, groupId, planInput(teacher, { title, scheduledDate: daysFromToday(days) }))
  lessons.taught = await plan(li!, '3.1 一元一次方程', -20)
  lessons.late = await plan(li!, '2.1 整式', -10)
  lessons.coming = await plan(zhang!, '4.1 几何图形', 20)
  lessons.lastTerm = await plan(liu!, '复习课', -200)

  await move(leader, lessons.taught, 'review', 'finalized', 'adapting')
  const teacher2 = await apiClientFor(server.url, 'teacher2')
  const adaptation = await teacher2.post<AdaptationDetail>(`/api/lessons/${lessons.taught.id}/adaptations`, {})
  expect(adaptation.status).toBe(200)
  zhangAdaptation = adaptation.body.documentId
  await typeInto(adaptation.body.documentId, 'teacher2', '（我班先复习等式的性质）')
  const reflection = await teacher2.post<{ documentId: string }>(`/api/lessons/${lessons.taught.id}/reflections`)
  zhangReflection = reflection.body.documentId
  await typeInto(reflection.body.documentId, 'teacher2', '学生对移项掌握得不错，去括号还要多练。')
  const teacher3 = await apiClientFor(server.url, 'teacher3')
  expect((await teacher3.post(`/api/lessons/${lessons.taught.id}/reflections`)).status).toBe(200)
  // 批注: 刘老师 questions the finalized plan, its 主备人 李老师 replies and resolves it; 李老师 comments on a draft.
  const question = await annotate(lessons.taught.documentId, 'teacher3')
  await asUser(lessons.taught.documentId, 'teacher1', (doc, liId) => {
    addReply(doc, question, { authorId: liId, body: '下节课补练习' })
    setResolved(doc, question, true, liId)
  })
  await annotate(lessons.coming.documentId, 'teacher1')
  const meeting = await leader.post(`/api/lessons/${lessons.taught.id}/meetings`, {
    date: daysFromToday(-22),
    startTime: '15:00',
    endTime: '16:00',
  })
  expect(meeting.status).toBe(201)
})

afterAll(async () => {
  await server.stop()
})

describe('GET /api/group-overview', () => {
  it('counts the semester: lessons by stage, the late one, and per teacher what they did', async () => {
    const { status, body } = await leader.get<GroupOverview>(
      `/api/group-overview?semester=${encodeURIComponent(semester)}`,
    )
    expect(status).toBe(200)
    expect(body.group.name).toBe('七年级数学备课组')
    expect(body.groups.map((group) => group.name)).toEqual(['七年级数学备课组'])
    expect(body.semesters).toEqual(expect.arrayContaining([semester, lastSemester]))
    expect(Object.fromEntries(body.stages.map((stage) => [stage.label, stage.lessons.map((l) => l.title)]))).toEqual({
      主备: ['2.1 整式', '4.1 几何图形'],
      研讨: [],
      定稿: [],
      二次备课: ['3.1 一元一次方程'],
      课后反思: [],
      归档: [],
    })
    expect(body.late.map((lesson) => lesson.title)).toEqual(['2.1 整式'])
    expect(body.stages[3]!.lessons[0]!.meetings).toBe(1)
    expect(body.stages[3]!.lessons[0]!.threads).toEqual({ open: 0, resolved: 1 })
    const drafts = Object.fromEntries(body.stages[0]!.lessons.map((lesson) => [lesson.title, lesson.threads]))
    expect(drafts).toEqual({ '2.1 整式': { open: 0, resolved: 0 }, '4.1 几何图形': { open: 1, resolved: 0 } })

    const rows = Object.fromEntries(body.teachers.map(({ teacher, work, ...counts }) => [teacher.displayName, counts]))
    expect(rows['李老师']).toEqual({
      leadPrepared: 2,
      adaptations: 0,
      adaptationChanges: 0,
      reflections: 0,
      comments: 2,
    })
    expect(rows['张老师']).toEqual({
      leadPrepared: 1,
      adaptations: 1,
      adaptationChanges: 1,
      reflections: 1,
      comments: 0,
    })
    // 刘老师 opened a reflection but wrote nothing in it yet; his lesson is of last semester.
    expect(rows['刘老师']).toEqual({
      leadPrepared: 0,
      adaptations: 0,
      adaptationChanges: 0,
      reflections: 0,
      comments: 1,
    })
    expect(body.totals).toEqual({ leadPrepared: 3, adaptations: 1, adaptationChanges: 1, reflections: 1, comments: 3 })
  })

  it('[CHECK-6] lists behind every count the documents it counts, linked for the reader', async () => {
    const { body } = await leader.get<GroupOverview>(`/api/group-overview?semester=${encodeURIComponent(semester)}`)
    const work = (name: string) => body.teachers.find((row) => row.teacher.displayName === name)!.work
    expectListsMatchCounts(body.teachers)

    const li = work('李老师')
    expect(li.leadPrepared.map((item) => [item.lesson.title, item.documentId])).toEqual(
      [lessons.taught, lessons.late].map((lesson) => [lesson.title, lesson.documentId]),
    )
    expect(
      li.comments.map(({ lesson, documentKind, documentId, reply, words, state }) => ({
        title: lesson.title,
        documentKind,
        documentId,
        reply,
        words,
        state,
      })),
    ).toEqual([
      {
        title: lessons.taught.title,
        documentKind: 'lesson-plan',
        documentId: lessons.taught.documentId,
        reply: true,
        words: '下节课补练习',
        state: 'resolved',
      },
      {
        title: lessons.coming.title,
        documentKind: 'lesson-plan',
        documentId: lessons.coming.documentId,
        reply: false,
        words: '这里再想想',
        state: 'open',
      },
    ])

    const zhang = work('张老师')
    expect(zhang.adaptations).toEqual([
      {
        lesson: match.objectContaining({ id: lessons.taught.id, title: lessons.taught.title }),
        documentId: zhangAdaptation,
        changeCount: 1,
      },
    ])
    expect(zhang.reflections).toEqual([
      {
        lesson: match.objectContaining({ id: lessons.taught.id, scheduledDate: lessons.taught.scheduledDate }),
        documentId: zhangReflection,
      },
    ])
    // 刘老师's empty reflection is neither counted nor listed.
    expect(work('刘老师').reflections).toEqual([])

    // The office reads the same lists, with the same links.
    const office = await apiClientFor(server.url, 'admin')
    const seen = await office.get<GroupOverview>(
      `/api/group-overview?groupId=${groupId}&semester=${encodeURIComponent(semester)}`,
    )
    expect(seen.body.teachers.map((row) => row.work)).toEqual(body.teachers.map((row) => row.work))
  })

  it('shows another semester when asked', async () => {
    const { body } = await leader.get<GroupOverview>(`/api/group-overview?semester=${encodeURIComponent(lastSemester)}`)
    expect(body.stages[0]!.lessons.map((lesson) => lesson.title)).toEqual(['复习课'])
    expect(body.teachers.find((row) => row.teacher.displayName === '刘老师')?.leadPrepared).toBe(1)
  })

  it('lets the office pick any group of the school', async () => {
    const office = await apiClientFor(server.url, 'admin')
    const { status, body } = await office.get<GroupOverview>('/api/group-overview')
    expect(status).toBe(200)
    expect(body.groups.map((group) => group.name).sort()).toEqual(['七年级数学备课组', '七年级语文备课组'].sort())
    const chinese = body.groups.find((group) => group.name === '七年级语文备课组')!
    const other = await office.get<GroupOverview>(`/api/group-overview?groupId=${chinese.id}`)
    expect(other.status).toBe(200)
    expect(other.body.group.name).toBe('七年级语文备课组')
    expect(other.body.totals.leadPrepared).toBe(0)
  })

  it('keeps teachers to their own group, and guests out, with a reason', async () => {
    const office = await apiClientFor(server.url, 'admin')
    const chinese = (await office.get<GroupOverview>('/api/group-overview')).body.groups.find(
      (g) => g.name === '七年级语文备课组',
    )!
    const teacher = await apiClientFor(server.url, 'teacher1')
    const refused = await teacher.get<{ error: { message: string } }>(`/api/group-overview?groupId=${chinese.id}`)
    expect(refused.status).toBe(403)
    expect(refused.body.error.message).toBe('只能查看自己所在备课组的概况')
    const guest = await apiClientFor(server.url, 'guest')
    const outside = await guest.get<{ error: { message: string } }>('/api/group-overview')
    expect(outside.status).toBe(403)
    expect(outside.body.error.message).toBe('只有备课组的老师和教导处可以查看备课组概况')
    const riverside = await apiClientFor(server.url, 'riverside-leader')
    expect((await riverside.get(`/api/group-overview?groupId=${groupId}`)).status).toBe(404)
  })
})
