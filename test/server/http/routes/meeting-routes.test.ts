import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiError } from '../../../../shared/api/error-codes.ts'
import {
  attendance,
  lessonMeetings,
  meetingRecord,
  meetingSheet,
  type MeetingRecordView,
} from '../../../../shared/api/meetings.ts'
import { localDateTime } from '../../../../shared/workflow/lesson-schedule.ts'
import type { LessonRecord } from '../../../../server/store/lesson-records.ts'
import type { UserRecord } from '../../../../server/store/store.ts'
import { connectClient, login, waitForSync, wsToken } from '../../../helpers/collab-client.ts'
import { startTestServer, type TestServer } from '../../../helpers/test-server.ts'

let server: TestServer
let lesson: LessonRecord
let otherLesson: LessonRecord
const users: Record<string, UserRecord> = {}
const cookies: Record<string, string> = {}

/** A meeting window around now, in the school's time, kept within today. */
function windowAroundNow() {
  const now = localDateTime(new Date())
  const before = localDateTime(new Date(Date.now() - 60_000))
  const after = localDateTime(new Date(Date.now() + 30 * 60_000))
  return {
    date: now.date,
    startTime: before.date === now.date ? before.time : '00:00',
    endTime: after.date === now.date ? after.time : '23:59',
  }
}

/** The answer's body stays `unknown` until a test reads it through its shared/api schema, which checks the contract. */
async function api(username: string, method: string, path: string, body?: unknown) {
  cookies[username] ??= await login(server.url, username)
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { cookie: cookies[username], ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as unknown }
}

async function planLesson(title: string): Promise<LessonRecord> {
  const [groupId] = await server.store.groups.groupIdsOfUser(users.leader!.id)
  return server.store.lessons.createLesson({
    schoolId: users.leader!.schoolId,
    groupId: groupId!,
    createdBy: users.leader!.id,
    documentTitle: `${title} 导学案`,
    semester: '2026-2027学年第一学期',
    title,
    lessonType: '新授',
    period: 1,
    scheduledDate: '2026-11-24',
    scheduledTime: '14:00',
    place: '数学教研室',
    leadPreparerId: users.teacher1!.id,
  })
}

/** Polls until the presence log has `count` entries on the document: it is written in the background. */
async function presenceEntries(documentId: string, count: number): Promise<void> {
  const ever = [new Date(0), new Date(Date.now() + 3_600_000)] as const
  while ((await server.store.presence.presenceOnDocuments([documentId], ...ever)).length < count) {
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

beforeAll(async () => {
  server = await startTestServer()
  for (const name of ['leader', 'teacher1', 'teacher2', 'teacher3', 'mentor', 'apprentice', 'admin']) {
    users[name] = (await server.store.accounts.findUserByUsername(name))!
  }
  lesson = await planLesson('3.1.1 一元一次方程')
  otherLesson = await planLesson('3.1.2 等式的性质')

  // The review meeting: 李老师 (主备人) and 张老师 stay; 刘老师 looks in and leaves; 陈老师 opens another lesson.
  const connect = async (username: string, documentId: string) => {
    const client = connectClient(server.url, documentId, await wsToken(server.url, username))
    await waitForSync(client)
    return client
  }
  const li = await connect('teacher1', lesson.documentId)
  const zhang = await connect('teacher2', lesson.documentId)
  const liu = await connect('teacher3', lesson.documentId)
  const chen = await connect('mentor', otherLesson.documentId)
  await presenceEntries(lesson.documentId, 3)
  liu.destroy()
  for (const client of [li, zhang, chen]) client.destroy()
})

afterAll(async () => {
  await server.stop()
})

describe('集体备课记录 API', () => {
  let created: MeetingRecordView

  it('prefills the attendees from who had the shared 导学案 open during the meeting', async () => {
    const { status, body } = await api(
      'leader',
      'GET',
      `/api/lessons/${lesson.id}/attendance?${new URLSearchParams(windowAroundNow())}`,
    )
    expect(status).toBe(200)
    const { attendees } = attendance.parse(body)
    expect(attendees.map((a) => a.displayName).sort()).toEqual(['刘老师', '张老师', '李老师'].sort())
    expect(attendees.every((a) => a.minutesPresent !== null && a.minutesPresent >= 1)).toBe(true)
  })

  it('lets the leader write a record that takes place, 课题, 主讲人 and attendees from the lesson and the log', async () => {
    const { status, body } = await api('leader', 'POST', `/api/lessons/${lesson.id}/meetings`, windowAroundNow())
    expect(status).toBe(201)
    created = meetingRecord.parse(body)
    expect(created).toMatchObject({
      lessonId: lesson.id,
      place: '数学教研室',
      topic: '3.1.1 一元一次方程',
      presenter: { id: users.teacher1!.id, displayName: '李老师' },
      summary: '',
      decisions: '',
      createdBy: { displayName: '王老师' },
    })
    expect(created.attendees.map((a) => a.id).sort()).toEqual(
      [users.teacher1!.id, users.teacher2!.id, users.teacher3!.id].sort(),
    )
  })

  it('lets the 主备人 complete it, with attendees added by hand, who show no minutes online', async () => {
    const edit = {
      ...windowAroundNow(),
      place: '三楼会议室',
      topic: '一元一次方程的概念',
      presenterId: users.teacher1!.id,
      attendeeIds: [users.teacher1!.id, users.teacher2!.id, users.leader!.id],
      summary: '张老师：例2的数字太大，学生容易算错。',
      decisions: '例2改用较小的数；当堂检测增加一道应用题。',
    }
    const { status, body } = await api('teacher1', 'PUT', `/api/meetings/${created.id}`, edit)
    expect(status).toBe(200)
    created = meetingRecord.parse(body)
    expect(created).toMatchObject({
      place: '三楼会议室',
      decisions: edit.decisions,
      updatedBy: { displayName: '李老师' },
    })
    const minutes = Object.fromEntries(created.attendees.map((a) => [a.displayName, a.minutesPresent]))
    expect(minutes['王老师']).toBeNull()
    expect(minutes['李老师']).toBeGreaterThanOrEqual(1)
  })

  it('refuses a member who is not the 主备人, with the reason, and changes nothing', async () => {
    const write = await api('teacher2', 'POST', `/api/lessons/${lesson.id}/meetings`, windowAroundNow())
    expect(write).toEqual({
      status: 403,
      body: { error: { code: 'forbidden', message: '只有备课组长或主备人可以填写集体备课记录' } },
    })
    const edit = await api('teacher2', 'PUT', `/api/meetings/${created.id}`, {
      ...windowAroundNow(),
      place: '',
      topic: '改掉',
      presenterId: users.teacher2!.id,
      attendeeIds: [],
      summary: '',
      decisions: '',
    })
    expect(edit.status).toBe(403)
    const attendance = await api(
      'teacher2',
      'GET',
      `/api/lessons/${lesson.id}/attendance?${new URLSearchParams(windowAroundNow())}`,
    )
    expect(attendance.status).toBe(403)

    const { body } = await api('teacher2', 'GET', `/api/lessons/${lesson.id}/meetings`)
    const list = lessonMeetings.parse(body)
    expect(list.meetings).toEqual([created])
    expect(list.record).toEqual({ allowed: false, reason: '只有备课组长或主备人可以填写集体备课记录' })
  })

  it('refuses a meeting that ends before it starts, and an attendee of another school', async () => {
    const time = { date: '2026-11-20', startTime: '15:00', endTime: '14:00' }
    const backwards = await api('leader', 'POST', `/api/lessons/${lesson.id}/meetings`, time)
    expect(backwards.status).toBe(400)
    expect(apiError.parse(backwards.body).error.message).toBe('结束时间要晚于开始时间')

    const otherSchool = await server.store.accounts.createSchool('第二中学')
    const stranger = await server.store.accounts.createUser({
      username: 'stranger',
      displayName: '外校老师',
      passwordHash: 'x',
      role: 'teacher',
      schoolId: otherSchool,
      color: '#000000',
    })
    const foreign = await api('leader', 'POST', `/api/lessons/${lesson.id}/meetings`, {
      ...windowAroundNow(),
      attendeeIds: [stranger.id],
    })
    expect(foreign.status).toBe(400)
    const { body } = await api('leader', 'GET', `/api/lessons/${lesson.id}/meetings`)
    expect(lessonMeetings.parse(body).meetings).toHaveLength(1)
  })

  it('prints a record with its lesson, group and who was absent', async () => {
    const { status, body } = await api('admin', 'GET', `/api/meetings/${created.id}`)
    expect(status).toBe(200)
    const sheet = meetingSheet.parse(body)
    expect(sheet.groupName).toBe('七年级数学备课组')
    expect(sheet.lesson).toMatchObject({ title: '3.1.1 一元一次方程', lessonType: '新授', period: 1 })
    expect(sheet.absent.map((p) => p.displayName).sort()).toEqual(['刘老师', '赵老师', '陈老师'].sort())
    expect(sheet.record.allowed).toBe(false)
  })

  it('closes the records with the archive', async () => {
    const moves = [
      ['draft', 'review'],
      ['review', 'finalized'],
      ['finalized', 'adapting'],
      ['adapting', 'reflecting'],
      ['reflecting', 'archived'],
    ] as const
    for (const [from, to] of moves) {
      await server.store.lessons.moveLessonStage({
        lessonId: otherLesson.id,
        from,
        to,
        actorId: users.leader!.id,
        at: new Date(),
      })
    }
    const { status, body } = await api('leader', 'POST', `/api/lessons/${otherLesson.id}/meetings`, windowAroundNow())
    expect(status).toBe(403)
    expect(apiError.parse(body).error.message).toBe('已归档，集体备课记录不能再修改')
  })

  it('answers 404 for a lesson or record that does not exist, and 401 without a session', async () => {
    expect((await api('leader', 'GET', '/api/lessons/missing/meetings')).status).toBe(404)
    expect((await api('leader', 'GET', '/api/meetings/missing')).status).toBe(404)
    expect((await fetch(`${server.url}/api/meetings/${created.id}`)).status).toBe(401)
  })
})
