/**
 * `GET /api/search` as teachers meet it (SEARCH-3 to SEARCH-8): a passage typed into a draft is found
 * within seconds, by who may read it and nobody else, with the words marked and the text escaped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SearchFilterOptions, SearchResponse } from '../../../shared/api/search.ts'
import { apiClientFor } from '../../helpers/api-client.ts'
import { draftWithPassage } from '../../helpers/draft-with-passage.ts'
import { addOutsiders } from '../../helpers/lesson-fixtures.ts'
import { startTestServer, type TestServer } from '../../helpers/test-server.ts'
import { match } from '../../helpers/match.ts'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ searchIndexDelayMs: 50 })
  await addOutsiders(server)
})

afterAll(async () => {
  await server.stop()
})

async function searchAs(username: string, query: string) {
  const client = await apiClientFor(server.url, username)
  return client.get<SearchResponse>(`/api/search?${query}`)
}

/** Polls as the teacher would, retyping the query, until `found` holds (the index is eventually current). */
async function eventually(username: string, query: string, found: (response: SearchResponse) => boolean) {
  const deadline = Date.now() + 10_000
  for (;;) {
    const response = await searchAs(username, query)
    expect(response.status).toBe(200)
    if (found(response.body) || Date.now() > deadline) return response.body
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe('GET /api/search', () => {
  it('[SEARCH-8] finds a passage typed into a draft within seconds, its words marked and its markup escaped', async () => {
    const draft = await draftWithPassage(server, 'teacher1', '用方程解鸡兔同笼：两边相等时 <b>头数</b> 不变', {
      title: '3.1.2 等式的性质',
    })
    const body = await eventually('teacher2', 'q=鸡兔', (response) => response.total > 0)
    expect(body.total).toBe(1)
    expect(body.results[0]).toEqual({
      documentId: draft.lesson.documentId,
      lessonId: draft.lesson.id,
      title: '3.1.2 等式的性质 导学案',
      groupName: '七年级数学备课组',
      kind: 'lesson-plan',
      stage: 'draft',
      snippet: expect.stringContaining(
        '用方程解<mark>鸡兔</mark>同笼：两边相等时 &#60;b&#62;头数&#60;/b&#62; 不变',
      ) as string,
    })
    draft.disconnectAll()
  })

  it('[SEARCH-4] returns nothing of another school, and to an outside expert only the invited groups', async () => {
    await draftWithPassage(server, 'teacher1', '丝瓜藤上的数学', { title: '2.2 整式的加减' })
    await eventually('teacher1', 'q=丝瓜藤', (response) => response.total > 0)
    expect((await searchAs('chinese-leader', 'q=丝瓜藤')).body.total).toBe(1)
    expect((await searchAs('guest', 'q=丝瓜藤')).body.total).toBe(1)
    expect((await searchAs('riverside-leader', 'q=丝瓜藤')).body).toEqual({ total: 0, results: [] })
  })

  it('[SEARCH-7] narrows by kind, semester and group', async () => {
    const teacher = await apiClientFor(server.url, 'teacher2')
    const groupId = (await teacher.get<{ groupId: string }[]>('/api/documents')).body[0]!.groupId
    await draftWithPassage(server, 'teacher1', '一元一次方程的应用题', { title: '3.4 实际问题与一元一次方程' })
    await eventually('teacher2', 'q=应用题', (response) => response.total > 0)
    expect((await searchAs('teacher2', `q=应用题&groupId=${groupId}&kind=lesson-plan`)).body.total).toBe(1)
    expect((await searchAs('teacher2', 'q=应用题&kind=meeting')).body.total).toBe(0)
    expect((await searchAs('teacher2', 'q=应用题&semester=1999秋')).body.total).toBe(0)
  })

  it('[SEARCH-7] offers as filters what is found among what the user may read', async () => {
    await eventually('teacher2', 'q=丝瓜藤', (response) => response.total > 0)
    const teacher = await apiClientFor(server.url, 'teacher2')
    const filters = (await teacher.get<SearchFilterOptions>('/api/search/filters')).body
    expect(filters.groups.map((group) => group.name)).toContain('七年级数学备课组')
    expect(filters.leadPreparers.map((person) => person.displayName)).toContain('李老师')
    expect(filters.semesters.length).toBeGreaterThan(0)
    const riverside = await apiClientFor(server.url, 'riverside-leader')
    expect((await riverside.get<SearchFilterOptions>('/api/search/filters')).body.leadPreparers).toEqual([])
  })

  it('refuses a query without words, or a filter it does not know, with a clear 400', async () => {
    const cases: [string, RegExp][] = [
      ['', /q：/],
      ['q=', /请输入要搜索的词/],
      ['q=，。！', /请输入要搜索的字词/],
      [`q=${'方'.repeat(101)}`, /不能超过 100 个字/],
      ['q=方程&kind=poem', /kind/],
      ['q=方程&stage=done', /stage/],
    ]
    for (const [query, message] of cases) {
      const response = await searchAs('teacher2', query)
      expect(response.status, query).toBe(400)
      expect(response.body, query).toMatchObject({
        error: { code: 'invalid_request', message: match.stringMatching(message) },
      })
    }
    const anonymous = await fetch(`${server.url}/api/search?q=方程`)
    expect(anonymous.status).toBe(401)
  })
})
