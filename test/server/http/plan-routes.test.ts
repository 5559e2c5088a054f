import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Assignment, GroupPlan, LessonSummary } from '../../../shared/api/lessons.ts'
import type { DocumentSummary } from '../../../shared/api.ts'
import { contentFragmentName } from '../../../shared/schema/editor-schema.ts'
import { localDateTime, nextSemester, semesterOf } from '../../../shared/workflow/lesson-schedule.ts'
import { type ApiClient, apiClientFor } from '../../helpers/api-client.ts'
import { addLesson, addOutsiders, demoGroupId, planInput, userId } from '../../helpers/lesson-fixtures.ts'
import { startTestServer, type TestServer } from '../../helpers/test-server.ts'

let server: TestServer
let groupId: string
const as: Record<string, ApiClient> = {}

beforeAll(async () => {
  server = await startTestServer()
  await addOutsiders(server)
  for (const username of ['leader', 'teacher1', 'teacher2', 'admin', 'guest', 'chinese-leader', 'riverside-leader']) {
    as[username] = await apiClientFor(server.url, username)
  }
  groupId = await demoGroupId(as.leader!)
})

afterAll(async () => {
  await server.stop()
})

const forbidden = (message: string) => ({ error: { code: 'forbidden', message } })

async function planOf(semester = semesterOf('2026-12-08')): Promise<GroupPlan> {
  const { status, body } = await as.leader!.get<GroupPlan>(
    `/api/groups/${groupId}/plan?semester=${encodeURIComponent(semester)}`,
  )
  expect(status).toBe(200)
  return body
}

async function lessonIds(): Promise<string[]> {
  return (await planOf()).lessons.map((lesson) => lesson.id)
}

describe('adding lessons to the 备课计划', () => {
  it('lets the leader add a lesson, with its shared 导学案 from the template', async () => {
    const teacher1 = await userId(server, 'teacher1')
    const lesson = await addLesson(as.leader!, groupId, planInput(teacher1, { title: '3.2 合并同类项解方程' }))
    expect(lesson).toMatchObject({
      groupId,
      title: '3.2 合并同类项解方程',
      lessonType: '新授',
      period: 1,
      scheduledDate: '2026-12-08',
      scheduledTime: '14:00',
      place: '数学教研室',
      leadPreparer: { id: teacher1, displayName: '李老师' },
      stage: 'draft',
      liveReviewOpen: false,
    })
    const plan = await planOf()
    expect(plan.lessons.find((entry) => entry.id === lesson.id)).toEqual(lesson)
    expect(plan.manage).toEqual({ allowed: true })

    const documents = (await as.teacher1!.get<DocumentSummary[]>('/api/documents')).body
    expect(documents.find((document) => document.id === lesson.documentId)).toMatchObject({
      title: '3.2 合并同类项解方程 导学案',
      lessonId: lesson.id,
      access: 'edit',
    })
    const doc = new Y.Doc()
    const state = await server.store.updates.loadDocumentState(lesson.documentId)
    for (const update of state.updates) Y.applyUpdate(doc, update)
    const text = doc.getXmlFragment(contentFragmentName).toString()
    expect(text).toContain('3.2 合并同类项解方程')
    expect(text).toContain('李老师')
    expect(text).toContain('第1课时')
  })

  it('lets the office add a lesson too', async () => {
    const teacher2 = await userId(server, 'teacher2')
    expect((await as.admin!.post(`/api/groups/${groupId}/lessons`, planInput(teacher2))).status).toBe(201)
  })

  it.each([
    ['a teacher of the group', 'teacher1'],
    ['the leader of another group', 'chinese-leader'],
    ['a guest', 'guest'],
  ])('refuses %s with the reason, and adds nothing', async (_, username) => {
    const before = await lessonIds()
    const response = await as[username]!.post(
      `/api/groups/${groupId}/lessons`,
      planInput(await userId(server, 'teacher1')),
    )
    expect(response).toEqual({ status: 403, body: forbidden('只有备课组长或教导处可以安排备课计划') })
    expect(await lessonIds()).toEqual(before)
  })

  it('does not show another school the group', async () => {
    const riverside = as['riverside-leader']!
    expect((await riverside.get(`/api/groups/${groupId}/plan`)).status).toBe(404)
    expect(
      (await riverside.post(`/api/groups/${groupId}/lessons`, planInput(await userId(server, 'teacher1')))).status,
    ).toBe(404)
  })

  it('refuses a 主备人 who is not a teacher of the group', async () => {
    const response = await as.leader!.post(`/api/groups/${groupId}/lessons`, planInput(await userId(server, 'guest')))
    expect(response).toEqual({
      status: 400,
      body: { error: { code: 'invalid_request', message: '主备人必须是本备课组的老师' } },
    })
  })

  it('refuses a malformed entry', async () => {
    const input = { ...planInput(await userId(server, 'teacher1')), scheduledDate: '12/08/2026' }
    const response = await as.leader!.post<{ error: { code: string } }>(`/api/groups/${groupId}/lessons`, input)
    expect(response.status).toBe(400)
    expect(response.body.error.code).toBe('invalid_request')
  })

  it('lists the group’s teachers as possible 主备人, and the semesters', async () => {
    const plan = await planOf()
    expect(plan.members.map((member) => member.displayName).sort()).toEqual(
      ['王老师', '李老师', '张老师', '刘老师', '陈老师', '赵老师'].sort(),
    )
    expect(plan.semesters).toContain(semesterOf('2026-12-08'))
    // LIBRARY-7: the coming semester can be planned before it has lessons.
    expect(plan.semesters).toContain(nextSemester(semesterOf(localDateTime(new Date()).date)))
    expect((await as.teacher2!.get<GroupPlan>(`/api/groups/${groupId}/plan`)).body.manage).toEqual({
      allowed: false,
      reason: '只有备课组长或教导处可以安排备课计划',
    })
  })
})

describe('changing and deleting plan entries', () => {
  let lesson: LessonSummary
  beforeAll(async () => {
    lesson = await addLesson(as.leader!, groupId, planInput(await userId(server, 'teacher1'), { title: '3.3 去括号' }))
  })

  it('lets the leader move the date and hand the lesson to another 主备人', async () => {
    const teacher2 = await userId(server, 'teacher2')
    const response = await as.leader!.patch<LessonSummary>(`/api/lessons/${lesson.id}`, {
      scheduledDate: '2026-12-10',
      scheduledTime: null,
      leadPreparerId: teacher2,
    })
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({
      scheduledDate: '2026-12-10',
      scheduledTime: null,
      leadPreparer: { displayName: '张老师' },
    })
    const documents = (await as.teacher2!.get<DocumentSummary[]>('/api/documents')).body
    expect(documents.find((document) => document.id === lesson.documentId)?.access).toBe('edit')
  })

  it('files a lesson under the semester of its date, whatever the client says, also when the date moves', async () => {
    // Guards against a lesson stored under a semester the client made up, or left in the old one after a move.
    const created = await as.leader!.post<LessonSummary>(`/api/groups/${groupId}/lessons`, {
      ...planInput(await userId(server, 'teacher1')),
      semester: '1999-2000学年第一学期',
    })
    expect(created.status).toBe(201)
    expect(created.body.semester).toBe('2026-2027学年第一学期')
    const moved = await as.leader!.patch<LessonSummary>(`/api/lessons/${created.body.id}`, {
      scheduledDate: '2027-03-02',
      semester: '1999',
    })
    expect(moved.body.semester).toBe('2026-2027学年第二学期')
    expect(await server.store.lessons.findLesson(created.body.id)).toMatchObject({ semester: '2026-2027学年第二学期' })
    expect((await as.leader!.delete(`/api/lessons/${created.body.id}`)).status).toBe(204)
  })

  it('refuses a teacher, and changes nothing', async () => {
    const before = (await planOf()).lessons.find((entry) => entry.id === lesson.id)
    const response = await as.teacher1!.patch(`/api/lessons/${lesson.id}`, { place: '三楼会议室' })
    expect(response).toEqual({ status: 403, body: forbidden('只有备课组长或教导处可以安排备课计划') })
    expect((await planOf()).lessons.find((entry) => entry.id === lesson.id)).toEqual(before)
  })

  it('renames the 导学案 with its 课题', async () => {
    await as.leader!.patch(`/api/lessons/${lesson.id}`, { title: '3.3 解一元一次方程（二）——去括号' })
    expect((await server.store.documents.findDocument(lesson.documentId))!.title).toBe(
      '3.3 解一元一次方程（二）——去括号 导学案',
    )
  })

  it('refuses to delete for a teacher, and after the review began', async () => {
    expect(await as.teacher2!.delete(`/api/lessons/${lesson.id}`)).toEqual({
      status: 403,
      body: forbidden('只有备课组长或教导处可以删除备课计划'),
    })
    const reviewed = await addLesson(as.leader!, groupId, planInput(await userId(server, 'teacher1')))
    expect((await as.leader!.post(`/api/lessons/${reviewed.id}/stage`, { to: 'review' })).status).toBe(200)
    expect(await as.leader!.delete(`/api/lessons/${reviewed.id}`)).toEqual({
      status: 403,
      body: forbidden('已经进入研讨的课不能删除，可以修改安排'),
    })
    expect(await lessonIds()).toContain(reviewed.id)
  })

  it('refuses to delete a lesson sent back to 主备 after its 定稿, and says so in the plan', async () => {
    // Guards against the versions rule living only in the server, so the plan page offered 删除 anyway.
    const finalized = await addLesson(as.leader!, groupId, planInput(await userId(server, 'teacher1')))
    for (const to of ['review', 'finalized', 'review', 'draft']) {
      expect((await as.leader!.post(`/api/lessons/${finalized.id}/stage`, { to })).status).toBe(200)
    }
    expect((await planOf()).lessons.find((entry) => entry.id === finalized.id)).toMatchObject({
      stage: 'draft',
      hasVersions: true,
    })
    expect(await as.leader!.delete(`/api/lessons/${finalized.id}`)).toEqual({
      status: 403,
      body: forbidden('这节课已经定稿过，不能删除，可以修改安排'),
    })
    expect(await lessonIds()).toContain(finalized.id)
  })

  it('deletes a draft with its 导学案', async () => {
    expect((await as.leader!.delete(`/api/lessons/${lesson.id}`)).status).toBe(204)
    expect(await lessonIds()).not.toContain(lesson.id)
    expect(await server.store.documents.findDocument(lesson.documentId)).toBeNull()
    expect((await as.leader!.get(`/api/lessons/${lesson.id}`)).status).toBe(404)
  })
})

describe('my assignments', () => {
  it('lists the lessons I prepare, by date, with their group and the overdue flag', async () => {
    const teacher3 = await userId(server, 'teacher3')
    const past = await addLesson(
      as.leader!,
      groupId,
      planInput(teacher3, { title: '旧课', scheduledDate: '2025-09-10' }),
    )
    const coming = await addLesson(
      as.leader!,
      groupId,
      planInput(teacher3, { title: '新课', scheduledDate: '2099-09-10' }),
    )
    const mine = await apiClientFor(server.url, 'teacher3')
    const { status, body } = await mine.get<Assignment[]>('/api/me/assignments')
    expect(status).toBe(200)
    const own = body.filter((entry) => [past.id, coming.id].includes(entry.id))
    expect(own.map((entry) => [entry.title, entry.overdue, entry.groupName])).toEqual([
      ['旧课', true, '七年级数学备课组'],
      ['新课', false, '七年级数学备课组'],
    ])
  })
})

describe('[LIBRARY-12] the 单元 of a lesson', () => {
  const unit = '第三章 一元一次方程'
  let lesson: LessonSummary
  beforeAll(async () => {
    lesson = await addLesson(
      as.leader!,
      groupId,
      planInput(await userId(server, 'teacher1'), { title: '3.4 实际问题与一元一次方程', unit: ` ${unit} ` }),
    )
  })

  it('is planned with the lesson, and the group’s plan suggests it', async () => {
    expect(lesson.unit).toBe(unit)
    expect((await planOf()).units).toContain(unit)
  })

  it('is left empty when the leader gives none', async () => {
    const plain = await addLesson(as.leader!, groupId, planInput(await userId(server, 'teacher1')))
    expect(plain.unit).toBe('')
    expect((await as.leader!.delete(`/api/lessons/${plain.id}`)).status).toBe(204)
  })

  it('may be changed by the 主备人, who still may not change the rest of the plan', async () => {
    const changed = await as.teacher1!.patch<LessonSummary>(`/api/lessons/${lesson.id}`, { unit: '第三章 方程' })
    expect(changed.status).toBe(200)
    expect(changed.body).toMatchObject({ unit: '第三章 方程', title: '3.4 实际问题与一元一次方程' })
    const both = await as.teacher1!.patch(`/api/lessons/${lesson.id}`, { unit: unit, place: '三楼会议室' })
    expect(both).toEqual({ status: 403, body: forbidden('只有备课组长或教导处可以安排备课计划') })
    expect(await server.store.lessons.findLesson(lesson.id)).toMatchObject({ unit: '第三章 方程' })
  })

  it('is refused to another teacher of the group', async () => {
    const response = await as.teacher2!.patch(`/api/lessons/${lesson.id}`, { unit })
    expect(response).toEqual({ status: 403, body: forbidden('只有主备人、备课组长或教导处可以填写单元') })
  })

  it('refuses a name longer than 40 characters', async () => {
    const response = await as.leader!.patch(`/api/lessons/${lesson.id}`, { unit: '章'.repeat(41) })
    expect(response.status).toBe(400)
  })
})
