/**
 * 师徒结对 over HTTP against a real server: who may pair and unpair, who sees a pair, and the counts after
 * the mentor annotates through a real y-websocket client and the two record 听课.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DocumentSummary } from '../../../../shared/api.ts'
import type { ApiErrorBody } from '../../../../shared/api/error-codes.ts'
import type {
  MentorshipList,
  ObservableLesson,
  ObservationInput,
  ObservationView,
  PairDetail,
  PairView,
} from '../../../../shared/api/mentorship.ts'
import { contentOf, textNodes } from '../../../../shared/threads/thread-anchor.ts'
import { acceptSuggestion, createSuggestion } from '../../../../shared/threads/suggestions.ts'
import { addReply, createThread, setResolved } from '../../../../shared/threads/thread-edits.ts'
import { localDateTime } from '../../../../shared/workflow/lesson-schedule.ts'
import { type ApiClient, apiClientFor } from '../../../helpers/api-client.ts'
import { connectClient, type TestClient, waitFor, waitForSync, wsToken } from '../../../helpers/collab-client.ts'
import { addLesson, addOutsiders, demoGroupId, planInput, userId } from '../../../helpers/lesson-fixtures.ts'
import { startTestServer, type TestServer } from '../../../helpers/test-server.ts'
import { match } from '../../../helpers/match.ts'
import { paragraph } from '../../../shared/threads/thread-fixtures.ts'

let server: TestServer
const ids: Record<string, string> = {}
const as: Record<string, ApiClient> = {}
const clients: TestClient[] = []
const users = [
  'admin',
  'leader',
  'teacher1',
  'teacher2',
  'teacher3',
  'mentor',
  'apprentice',
  'guest',
  'chinese-leader',
  'riverside-leader',
]

beforeAll(async () => {
  server = await startTestServer()
  await addOutsiders(server)
  for (const name of users) {
    ids[name] = await userId(server, name)
    as[name] = await apiClientFor(server.url, name)
  }
})

afterAll(async () => {
  for (const client of clients) client.destroy()
  await server.stop()
})

const pairPath = (mentor: string, apprentice: string) => `/api/mentorships/${ids[mentor]}/${ids[apprentice]}`
const pairBody = (mentor: string, apprentice: string) => ({ mentorId: ids[mentor], apprenticeId: ids[apprentice] })

describe('pairing and unpairing', () => {
  it('a teacher may not pair anyone', async () => {
    const { status, body } = await as.teacher1!.post<ApiErrorBody>('/api/mentorships', pairBody('teacher1', 'teacher2'))
    expect(status).toBe(403)
    expect(body.error).toEqual({ code: 'forbidden', message: '只有教导处或备课组长可以安排师徒结对' })
  })

  it('the leader pairs two members of the group, once, and is recorded as who paired them', async () => {
    const first = await as.leader!.post<PairView>('/api/mentorships', pairBody('teacher1', 'teacher3'))
    expect(first.status).toBe(201)
    expect(first.body).toMatchObject({
      mentor: { displayName: '李老师' },
      apprentice: { displayName: '刘老师' },
      pairedBy: { displayName: '王老师' },
      counts: { annotations: 0, resolved: 0, observed: 0 },
      canUnpair: true,
    })
    const again = await as.leader!.post<PairView>('/api/mentorships', pairBody('teacher1', 'teacher3'))
    expect(again.status).toBe(200)
    expect(again.body.pairedAt).toBe(first.body.pairedAt)
  })

  it('a leader may not pair outside their group; the office may, and unpairs', async () => {
    expect((await as.leader!.post('/api/mentorships', pairBody('chinese-leader', 'teacher2'))).status).toBe(403)
    expect((await as['chinese-leader']!.post('/api/mentorships', pairBody('teacher1', 'teacher2'))).status).toBe(403)
    expect((await as.admin!.post('/api/mentorships', pairBody('chinese-leader', 'teacher2'))).status).toBe(201)
    expect((await as.leader!.delete(pairPath('chinese-leader', 'teacher2'))).status).toBe(403)
    expect((await as.admin!.delete(pairPath('chinese-leader', 'teacher2'))).status).toBe(204)
    const gone = await as.admin!.delete<ApiErrorBody>(pairPath('chinese-leader', 'teacher2'))
    expect(gone.status).toBe(404)
    expect(gone.body.error.code).toBe('not_found')
  })

  it('refuses a teacher as their own apprentice, an apprentice as their mentor’s mentor, a guest, people of another school', async () => {
    expect((await as.admin!.post('/api/mentorships', pairBody('teacher2', 'teacher2'))).status).toBe(403)
    expect((await as.admin!.post('/api/mentorships', pairBody('apprentice', 'mentor'))).status).toBe(403)
    expect((await as.admin!.post('/api/mentorships', pairBody('guest', 'teacher2'))).status).toBe(403)
    expect((await as.admin!.post('/api/mentorships', pairBody('riverside-leader', 'teacher2'))).status).toBe(404)
    expect((await as['riverside-leader']!.post('/api/mentorships', pairBody('teacher1', 'teacher2'))).status).toBe(404)
  })

  it('answers bad input with a clear error', async () => {
    const { status, body } = await as.admin!.post<ApiErrorBody>('/api/mentorships', { mentorId: ids.mentor })
    expect(status).toBe(400)
    expect(body.error.code).toBe('invalid_request')
    expect(body.error.message).toContain('apprenticeId')
  })
})

describe('who sees a pair', () => {
  it('lists the pairs each may see, and whom they may pair', async () => {
    const listed = async (name: string) => {
      const { body } = await as[name]!.get<MentorshipList>('/api/mentorships')
      return body.pairs.map((pair) => `${pair.mentor.displayName}→${pair.apprentice.displayName}`).sort()
    }
    expect(await listed('admin')).toEqual(['李老师→刘老师', '陈老师→赵老师'])
    expect(await listed('leader')).toEqual(['李老师→刘老师', '陈老师→赵老师'])
    expect(await listed('apprentice')).toEqual(['陈老师→赵老师'])
    expect(await listed('teacher2')).toEqual([])
    expect(await listed('chinese-leader')).toEqual([])
    expect(await listed('guest')).toEqual([])
    const { body: asLeader } = await as.leader!.get<MentorshipList>('/api/mentorships')
    expect(asLeader.candidates.map((person) => person.displayName)).not.toContain('何老师')
    expect(asLeader.candidates.map((person) => person.displayName)).toContain('赵老师')
    expect((await as.teacher2!.get<MentorshipList>('/api/mentorships')).body.candidates).toEqual([])
  })

  it('shows one pair to the two of them, their leader and the office only', async () => {
    for (const name of ['mentor', 'apprentice', 'leader', 'admin']) {
      expect((await as[name]!.get(pairPath('mentor', 'apprentice'))).status).toBe(200)
    }
    for (const name of ['teacher2', 'chinese-leader', 'guest']) {
      expect((await as[name]!.get(pairPath('mentor', 'apprentice'))).status).toBe(403)
    }
    expect((await as['riverside-leader']!.get(pairPath('mentor', 'apprentice'))).status).toBe(404)
    expect((await as.admin!.get(pairPath('apprentice', 'mentor'))).status).toBe(404)
  })
})

describe('the counts of a pair', () => {
  let documentId: string
  let lessonId: string

  async function join(username: string): Promise<TestClient> {
    const client = connectClient(server.url, documentId, await wsToken(server.url, username), { acks: true })
    clients.push(client)
    await waitForSync(client)
    return client
  }

  function annotate(client: TestClient, authorId: string, body: string): string {
    const text = textNodes(contentOf(client.doc)).at(-1)!
    return createThread(client.doc, {
      kind: 'mentorNote',
      authorId,
      body,
      start: { text, offset: 0 },
      end: { text, offset: 2 },
    })
  }

  const stored = (client: TestClient) => waitFor(() => client.frames.acked === client.frames.sent, 'stored')

  beforeAll(async () => {
    const lesson = await addLesson(
      as.leader!,
      await demoGroupId(as.leader!),
      planInput(ids.apprentice!, { title: '3.3 去括号' }),
    )
    documentId = lesson.documentId
    lessonId = lesson.id
    const apprentice = await join('apprentice')
    contentOf(apprentice.doc).push([paragraph('先复习乘法分配律')])
    await stored(apprentice)
  })

  it('gives the mentor comment access and 师徒批注 as the default kind on the apprentice’s draft', async () => {
    const { body } = await as.mentor!.get<DocumentSummary[]>('/api/documents')
    expect(body.find((document) => document.id === documentId)).toMatchObject({
      access: 'comment',
      threadKind: 'mentorNote',
    })
    const { body: asMember } = await as.teacher2!.get<DocumentSummary[]>('/api/documents')
    expect(asMember.find((document) => document.id === documentId)?.threadKind).toBe('proposal')
  })

  it('counts the mentor’s threads (not replies, not others’), those resolved, and 听课 either way', async () => {
    const mentor = await join('mentor')
    const first = annotate(mentor, ids.mentor!, '复习题太多')
    const second = annotate(mentor, ids.mentor!, '这里举个生活中的例子')
    addReply(mentor.doc, first, { authorId: ids.mentor!, body: '可以只留两道' })
    await stored(mentor)
    const colleague = await join('teacher2')
    annotate(colleague, ids.teacher2!, '同意')
    await stored(colleague)
    const apprentice = await join('apprentice')
    await waitFor(() => apprentice.doc.getMap('threads').size === 3, 'the threads reach the apprentice')
    setResolved(apprentice.doc, first, true, ids.apprentice!)
    await stored(apprentice)
    expect([mentor, colleague, apprentice].flatMap((client) => client.denials)).toEqual([])

    const today = localDateTime(new Date()).date
    const observation = (observedId: string): ObservationInput => ({
      observedId,
      lessonId: null,
      date: today,
      topic: '3.3 去括号',
      notes: '导入用了购物的例子',
      strengths: '学生参与度高',
      problems: '练习时间不够',
      suggestions: '精简复习环节',
    })
    expect((await as.mentor!.post('/api/observations', observation(ids.apprentice!))).status).toBe(201)
    expect((await as.apprentice!.post('/api/observations', observation(ids.mentor!))).status).toBe(201)
    expect((await as.teacher2!.post('/api/observations', observation(ids.apprentice!))).status).toBe(201)

    const { status, body } = await as.apprentice!.get<PairDetail>(pairPath('mentor', 'apprentice'))
    expect(status).toBe(200)
    expect(body.counts).toEqual({ annotations: 2, resolved: 1, observed: 2 })
    expect(
      body.annotations.map(({ documentId: id, threadId, state, replies }) => ({ id, threadId, state, replies })),
    ).toEqual([
      { id: documentId, threadId: first, state: 'resolved', replies: 1 },
      { id: documentId, threadId: second, state: 'open', replies: 0 },
    ])
    expect(body.annotations[0]).toMatchObject({ documentTitle: match.stringContaining('3.3 去括号'), quote: '先复' })
    expect(body.observations.map((o) => `${o.observer.displayName}→${o.observed.displayName}`)).toEqual([
      '陈老师→赵老师',
      '赵老师→陈老师',
    ])

    const { body: list } = await as.admin!.get<MentorshipList>('/api/mentorships')
    expect(list.pairs.find((pair) => pair.apprentice.id === ids.apprentice)?.counts).toEqual(body.counts)
    const { body: lastYear } = await as.admin!.get<PairDetail>(
      `${pairPath('mentor', 'apprentice')}?semester=2020-2021学年第一学期`,
    )
    expect(lastYear.counts).toEqual({ annotations: 0, resolved: 0, observed: 0 })
  })

  it('does not count the plan’s threads again in the apprentice’s adaptation, which is forked without them', async () => {
    for (const to of ['review', 'finalized', 'adapting']) {
      expect((await as.leader!.post(`/api/lessons/${lessonId}/stage`, { to })).status).toBe(200)
    }
    const adaptation = await as.apprentice!.post<{ documentId: string }>(`/api/lessons/${lessonId}/adaptations`, {})
    expect(adaptation.status).toBe(200)
    const { body } = await as.mentor!.get<PairDetail>(pairPath('mentor', 'apprentice'))
    expect(body.counts).toEqual({ annotations: 2, resolved: 1, observed: 2 })
    expect(new Set(body.annotations.map((annotation) => annotation.documentId))).toEqual(new Set([documentId]))
  })

  it('gives a new mentor comment access at once on an open connection, and takes it back on unpairing', async () => {
    // 何老师 leads another group: without the pairing she may only read the apprentice's draft.
    const watcher = await join('chinese-leader')
    expect((await as.admin!.post('/api/mentorships', pairBody('chinese-leader', 'apprentice'))).status).toBe(201)
    annotate(watcher, ids['chinese-leader']!, '新师傅的第一条批注')
    await stored(watcher)
    expect(watcher.denials).toEqual([])

    expect((await as.admin!.delete(pairPath('chinese-leader', 'apprentice'))).status).toBe(204)
    annotate(watcher, ids['chinese-leader']!, '解除结对以后')
    await waitFor(() => watcher.denials.length > 0, 'the refusal')
  })

  it('refuses a 听课记录 of oneself, by the office, of another school, and bad input', async () => {
    const input: ObservationInput = {
      observedId: ids.apprentice!,
      lessonId: null,
      date: '2026-11-20',
      topic: '3.3 去括号',
      notes: '',
      strengths: '',
      problems: '',
      suggestions: '',
    }
    expect((await as.apprentice!.post('/api/observations', input)).status).toBe(403)
    expect((await as.admin!.post('/api/observations', input)).status).toBe(403)
    expect((await as['riverside-leader']!.post('/api/observations', input)).status).toBe(404)
    const noLesson = await as.mentor!.post<ApiErrorBody>('/api/observations', { ...input, lessonId: 'no-such-lesson' })
    expect(noLesson.status).toBe(404)
    expect(noLesson.body.error).toEqual({ code: 'not_found', message: '没有这节课' })
    const bad = await as.mentor!.post<ApiErrorBody>('/api/observations', { ...input, date: '2026-13-01' })
    expect(bad.status).toBe(400)
    expect(bad.body.error.message).toContain('日期格式')
  })
})

describe('the lesson a 听课记录 names', () => {
  const today = localDateTime(new Date()).date
  const lessonsOf = (name: string, observed: string) =>
    as[name]!.get<ObservableLesson[] | ApiErrorBody>(`/api/observations/lessons?observedId=${ids[observed]}`)
  const input = (lessonId: string | null): ObservationInput => ({
    observedId: ids.apprentice!,
    lessonId,
    date: today,
    topic: '3.5 一元一次方程的应用',
    notes: '',
    strengths: '',
    problems: '',
    suggestions: '',
  })
  let mathLesson: string
  let chineseLesson: string
  let riversideLesson: string

  beforeAll(async () => {
    // 李老师 prepares it for the group; 赵老师 teaches it in her class like every member.
    const math = await addLesson(
      as.leader!,
      await demoGroupId(as.leader!),
      planInput(ids.teacher1!, { title: '3.5 一元一次方程的应用', scheduledDate: today }),
    )
    const chinese = await addLesson(
      as['chinese-leader']!,
      await demoGroupId(as['chinese-leader']!),
      planInput(ids['chinese-leader']!, { title: '春', scheduledDate: today }),
    )
    const riverside = await addLesson(
      as['riverside-leader']!,
      await demoGroupId(as['riverside-leader']!),
      planInput(ids['riverside-leader']!, { title: '河畔的课', scheduledDate: today }),
    )
    ;[mathLesson, chineseLesson, riversideLesson] = [math.id, chinese.id, riverside.id]
  })

  it('offers the observed teacher’s lessons of their group’s plan, not other groups’ or schools’', async () => {
    const { status, body } = await lessonsOf('mentor', 'apprentice')
    expect(status).toBe(200)
    const lessons = body as ObservableLesson[]
    expect(lessons.find((lesson) => lesson.id === mathLesson)).toMatchObject({
      title: '3.5 一元一次方程的应用',
      scheduledDate: today,
      groupName: '七年级数学备课组',
      leadPreparer: { displayName: '李老师' },
    })
    expect(lessons.map((lesson) => lesson.id)).not.toContain(chineseLesson)
    expect(lessons.map((lesson) => lesson.id)).not.toContain(riversideLesson)
    expect(
      ((await lessonsOf('teacher2', 'chinese-leader')).body as ObservableLesson[]).map((lesson) => lesson.id),
    ).toEqual([chineseLesson])
  })

  it('does not list the lessons of a teacher of another school, and wants to know whose', async () => {
    expect((await lessonsOf('riverside-leader', 'apprentice')).status).toBe(404)
    const { status, body } = await as.mentor!.get<ApiErrorBody>('/api/observations/lessons')
    expect(status).toBe(400)
    expect(body.error.message).toContain('observedId')
  })

  it('records the lesson and shows its title in the pair’s 听课记录', async () => {
    const { status, body } = await as.mentor!.post<ObservationView>('/api/observations', input(mathLesson))
    expect(status).toBe(201)
    expect(body.lesson).toEqual({ id: mathLesson, title: '3.5 一元一次方程的应用' })
    const { body: detail } = await as.leader!.get<PairDetail>(pairPath('mentor', 'apprentice'))
    expect(detail.observations.find((observation) => observation.id === body.id)?.lesson).toEqual(body.lesson)
    expect(detail.observations.filter((observation) => observation.id !== body.id).map((o) => o.lesson)).toEqual([
      null,
      null,
    ])
  })

  it('refuses a lesson of another group (400) and of another school (404), and records nothing', async () => {
    const before = (await as.mentor!.get<PairDetail>(pairPath('mentor', 'apprentice'))).body.counts.observed
    const otherGroup = await as.mentor!.post<ApiErrorBody>('/api/observations', input(chineseLesson))
    expect(otherGroup.status).toBe(400)
    expect(otherGroup.body.error).toEqual({ code: 'invalid_request', message: '这节课不在赵老师备课组的备课计划里' })
    const otherSchool = await as.mentor!.post<ApiErrorBody>('/api/observations', input(riversideLesson))
    expect(otherSchool.status).toBe(404)
    expect(otherSchool.body.error).toEqual({ code: 'not_found', message: '没有这节课' })
    expect((await as.mentor!.get<PairDetail>(pairPath('mentor', 'apprentice'))).body.counts.observed).toBe(before)
  })
})

describe('a suggestion in the pair’s annotations', () => {
  it('gives its replacement and where it stands: pending, accepted by the apprentice, stale once its words changed', async () => {
    const lesson = await addLesson(
      as.leader!,
      await demoGroupId(as.leader!),
      planInput(ids.apprentice!, { title: '3.6 合并同类项' }),
    )
    const join = async (username: string) => {
      const client = connectClient(server.url, lesson.documentId, await wsToken(server.url, username), { acks: true })
      clients.push(client)
      await waitForSync(client)
      return client
    }
    const stored = (client: TestClient) => waitFor(() => client.frames.acked === client.frames.sent, 'stored')
    const apprentice = await join('apprentice')
    contentOf(apprentice.doc).push([paragraph('先找同类项'), paragraph('再合并系数'), paragraph('最后检查')])
    await stored(apprentice)

    const mentor = await join('mentor')
    const [find, merge, check] = textNodes(contentOf(mentor.doc)).slice(-3)
    const suggest = (text: typeof find, replacement: string) =>
      createSuggestion(mentor.doc, {
        kind: 'mentorNote',
        authorId: ids.mentor!,
        body: '',
        replacement,
        start: { text: text!, offset: 0 },
        end: { text: text!, offset: 2 },
      })
    const pending = suggest(find, '先圈出')
    const accepted = suggest(merge, '然后')
    const stale = suggest(check, '')
    await stored(mentor)
    await waitFor(() => apprentice.doc.getMap('threads').size >= 3, 'the suggestions reach the apprentice')
    acceptSuggestion(apprentice.doc, accepted, ids.apprentice!)
    textNodes(contentOf(apprentice.doc)).at(-1)!.insert(1, '后')
    await stored(apprentice)
    expect([mentor, apprentice].flatMap((client) => client.denials)).toEqual([])

    const { status, body } = await as.apprentice!.get<PairDetail>(pairPath('mentor', 'apprentice'))
    expect(status).toBe(200)
    const suggestionOf = (threadId: string) => body.annotations.find((annotation) => annotation.threadId === threadId)
    expect(suggestionOf(pending)).toMatchObject({
      quote: '先找',
      suggestion: { replacement: '先圈出', status: 'pending' },
      state: 'open',
    })
    expect(suggestionOf(accepted)).toMatchObject({
      quote: '再合',
      suggestion: { replacement: '然后', status: 'accepted' },
      state: 'resolved',
    })
    expect(suggestionOf(stale)).toMatchObject({ quote: '最后', suggestion: { replacement: '', status: 'stale' } })
    const remarks = body.annotations.filter((annotation) => ![pending, accepted, stale].includes(annotation.threadId))
    expect(remarks.length).toBeGreaterThan(0)
    expect(remarks.map((annotation) => annotation.suggestion)).toEqual(remarks.map(() => null))
  })
})
