/**
 * 磨课 rounds through the HTTP API on real storage: the 主备人 starts the next round from the finalized
 * plan, the group sees every round with who and when, and any two rounds compare, the one in progress
 * as the shared plan is now (LIBRARY-8, LIBRARY-9).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LessonDetail } from '../../../shared/api/lessons.ts'
import type { LessonRoundList, RoundComparison } from '../../../shared/api/rounds.ts'
import { contentOf } from '../../../shared/threads/thread-anchor.ts'
import type { LessonRecord } from '../../../server/store/lesson-records.ts'
import { type ApiClient, apiClientFor } from '../../helpers/api-client.ts'
import { connectClient, waitForStored, waitForSync, wsToken } from '../../helpers/collab-client.ts'
import { addOutsiders, demoGroupId, userId } from '../../helpers/lesson-fixtures.ts'
import { finishedPlan } from '../../helpers/library-fixtures.ts'
import { startTestServer, type TestServer } from '../../helpers/test-server.ts'
import { match } from '../../helpers/match.ts'
import { paragraph } from '../../shared/threads/thread-fixtures.ts'

let server: TestServer
const as: Record<string, ApiClient> = {}
let lesson: LessonRecord

beforeAll(async () => {
  server = await startTestServer()
  await addOutsiders(server)
  for (const username of ['leader', 'teacher1', 'teacher2', 'chinese-leader', 'riverside-leader'])
    as[username] = await apiClientFor(server.url, username)
  ;({ lesson } = await finishedPlan(server, {
    groupId: await demoGroupId(as.leader!),
    title: '3.1.2 等式的性质',
    scheduledDate: '2026-11-24',
    semester: '2026-2027学年第一学期',
    leadPreparerId: await userId(server, 'teacher1'),
  }))
}, 60_000)

afterAll(async () => {
  await server.stop()
})

const rounds = (username: string) => as[username]!.get<LessonRoundList>(`/api/lessons/${lesson.id}/rounds`)
const compare = (username: string, from: number | string, to: number | string) =>
  as[username]!.get<RoundComparison>(`/api/lessons/${lesson.id}/rounds/compare?from=${from}&to=${to}`)

/** The 主备人 adds a passage to the shared plan through its room, as the editor would. */
async function write(text: string): Promise<void> {
  const client = connectClient(server.url, lesson.documentId, await wsToken(server.url, 'teacher1'), { acks: true })
  await waitForSync(client)
  contentOf(client.doc).push([paragraph(text)])
  await waitForStored(client, 'the passage is stored')
  client.destroy()
}

describe('LIBRARY-8: 磨课 rounds', () => {
  it('a finalized lesson is in its first round, whose 定稿 is v1', async () => {
    const { status, body } = await rounds('teacher2')
    expect(status).toBe(200)
    expect(body.rounds).toEqual([
      {
        number: 1,
        name: '第一轮',
        startedBy: null,
        startedAt: lesson.createdAt.toISOString(),
        version: match.objectContaining({ number: 1, name: '定稿 v1' }),
      },
    ])
  })

  it('refuses the next round to a member who is neither 主备人 nor leader, with the reason', async () => {
    const { status, body } = await as.teacher2!.post<{ error: { message: string } }>(`/api/lessons/${lesson.id}/rounds`)
    expect(status).toBe(403)
    expect(JSON.stringify(body)).toContain('只有主备人或备课组长可以开始下一轮磨课')
    expect((await rounds('teacher2')).body.rounds).toHaveLength(1)
  })

  it('hides the lesson of another school', async () => {
    expect((await rounds('riverside-leader')).status).toBe(404)
    expect((await as['riverside-leader']!.post(`/api/lessons/${lesson.id}/rounds`)).status).toBe(404)
  })

  it('the 主备人 starts 第二轮: the lesson goes back to 主备 and every reader sees who started it', async () => {
    const { status, body } = await as.teacher1!.post<LessonDetail>(`/api/lessons/${lesson.id}/rounds`)
    expect(status).toBe(200)
    expect(body.lesson.stage).toBe('draft')
    expect(body.permissions.edit.allowed).toBe(true)
    expect(body.permissions.startRound.allowed).toBe(false)
    expect(body.history.at(-1)).toMatchObject({ from: 'finalized', to: 'draft' })

    const listed = await rounds('chinese-leader')
    expect(listed.status).toBe(200)
    expect(listed.body.rounds.map((round) => [round.name, round.version?.name ?? null])).toEqual([
      ['第一轮', '定稿 v1'],
      ['第二轮', null],
    ])
    expect(listed.body.rounds[1]!.startedBy).toEqual({
      id: await userId(server, 'teacher1'),
      displayName: match.any(String),
    })
    // Starting again before this round's 定稿 is refused.
    expect((await as.teacher1!.post(`/api/lessons/${lesson.id}/rounds`)).status).toBe(403)
  })
})

describe('LIBRARY-9: the diff between rounds', () => {
  it('compares the first round with the one in progress as the shared plan is now', async () => {
    await write('第二轮：先用天平演示等式的性质')
    const { status, body } = await compare('teacher2', 1, 2)
    expect(status).toBe(200)
    expect(body.from).toMatchObject({ number: 1, version: { number: 1 } })
    expect(body.to).toMatchObject({ number: 2, version: null })
    expect(body.changeCount).toBe(1)
    expect(body.changes.filter((change) => change.change !== 'same')).toEqual([
      expect.objectContaining({
        change: 'added',
        block: match.objectContaining({ text: '第二轮：先用天平演示等式的性质' }),
      }),
    ])
  })

  it('once the round is finalized, compares its 定稿 (either order of the two rounds)', async () => {
    expect((await as.teacher1!.post(`/api/lessons/${lesson.id}/stage`, { to: 'review' })).status).toBe(200)
    expect((await as.leader!.post(`/api/lessons/${lesson.id}/stage`, { to: 'finalized' })).status).toBe(200)
    const listed = await rounds('teacher2')
    expect(listed.body.rounds.map((round) => round.version?.name)).toEqual(['定稿 v1', '定稿 v2'])
    const { body } = await compare('teacher2', 2, 1)
    expect(body.from.number).toBe(1)
    expect(body.to).toMatchObject({ number: 2, version: { number: 2 } })
    expect(body.changeCount).toBe(1)
  })

  it('refuses rounds that do not exist or are the same, and numbers that are not numbers', async () => {
    expect((await compare('teacher2', 1, 5)).status).toBe(404)
    expect((await compare('teacher2', 2, 2)).status).toBe(400)
    expect((await compare('teacher2', 'eins', 2)).status).toBe(400)
    expect((await compare('riverside-leader', 1, 2)).status).toBe(404)
  })
})
