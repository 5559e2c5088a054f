/**
 * An instance started without indexing (SEARCH-11, `GONGBEI_SEARCH_INDEX=0`) leaves the edit path alone:
 * what is typed is not indexed by it, and it still answers searches from the index as others keep it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { configFromEnvironment } from '../../../server/config.ts'
import type { SearchResponse } from '../../../shared/api/search.ts'
import { apiClientFor } from '../../helpers/api-client.ts'
import { draftWithPassage } from '../../helpers/draft-with-passage.ts'
import { startTestServer, type TestServer } from '../../helpers/test-server.ts'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ searchIndexDelayMs: 50, searchIndexing: false })
})

afterAll(async () => {
  await server.stop()
})

describe('an instance without indexing', () => {
  it('[SEARCH-11] reads GONGBEI_SEARCH_INDEX, indexing by default', () => {
    expect(configFromEnvironment({}).searchIndexing).toBe(true)
    expect(configFromEnvironment({ GONGBEI_SEARCH_INDEX: '0' }).searchIndexing).toBe(false)
    expect(() => configFromEnvironment({ GONGBEI_SEARCH_INDEX: 'no' })).toThrow(/GONGBEI_SEARCH_INDEX/)
  })

  it('[SEARCH-11] does not index what is typed, and answers from the index once it is written', async () => {
    const draft = await draftWithPassage(server, 'teacher1', '鸡兔同笼的列表法', { title: '3.1.2 等式的性质' })
    const teacher = await apiClientFor(server.url, 'teacher2')
    // Ten times the indexer's delay and rest in this test: an indexing instance would have found it.
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect((await teacher.get<SearchResponse>('/api/search?q=鸡兔')).body.total).toBe(0)
    await server.searchIndexer.sweep()
    expect((await teacher.get<SearchResponse>('/api/search?q=鸡兔')).body.total).toBe(1)
    draft.disconnectAll()
  })
})
