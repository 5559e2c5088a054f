/**
 * Search over a generated corpus of 导学案 (`search-corpus.ts`) on each backend (SEARCH-1, SEARCH-2):
 * how long indexing takes, how many bytes the index keeps per document, and the latency of searches a
 * teacher types (two-character words, one character, a phrase from a body, two words), as the route
 * runs them: terms, scope, candidates, ranking and snippets. Off unless `--search 1`.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import pg from 'pg'
import { SearchIndexer } from '../../server/search/search-indexer.ts'
import { search } from '../../server/search/search-service.ts'
import { openStore } from '../../server/store/open-store.ts'
import type { GroupRecord, Store } from '../../server/store/store.ts'
import type { Actor } from '../../shared/access.ts'
import type { SearchResponse } from '../../shared/api/search.ts'
import { createTestDatabase, postgresAvailable } from '../helpers/postgres.ts'
import { corpusDocument, seedSentences } from './search-corpus.ts'
import { percentile } from './stats.ts'

const percentileOf = (values: readonly number[], p: number) => percentile(Float64Array.from(values).sort(), p)

export interface SearchBenchOptions {
  documents: number
  /** Sentences of the seed texts in each document. */
  paragraphs: number
  /** Times each query is run. */
  runs: number
}

export interface SearchBenchResult {
  backend: Store['dialect']
  documents: number
  loadMs: number
  indexMs: number
  /** Bytes of the search tables and their indexes, text kept for snippets included. */
  indexBytes: number
  indexBytesPerDocument: number
  /** Of which the text kept for snippets, per document. */
  bodyBytesPerDocument: number
  /** Each query's total and first page (its titles in rank order), which must be the same on every backend. */
  queries: { q: string; total: number; firstPage: string[]; p50Ms: number; p95Ms: number }[]
  p50Ms: number
  p95Ms: number
  p99Ms: number
  /** 1-minute load average when this backend's measurement started and ended: other work skews every time. */
  loadAverage: { start: number; end: number }
}

/** Queries a teacher types; the last is a sentence of the seeds, found in bodies only. */
function benchQueries(sentences: readonly string[]): string[] {
  const phrase = sentences.find((sentence) => sentence.length >= 12)!.slice(2, 10)
  return ['方程', '相等', '函数', '教师', '课堂', '学', '研', '校本研修', '集体备课 反思', phrase]
}

const groupNames = ['七年级数学', '八年级数学', '九年级数学', '七年级语文', '八年级语文', '七年级英语', '八年级物理']

async function loadCorpus(store: Store, options: SearchBenchOptions, sentences: readonly string[]): Promise<Actor> {
  const schoolId = await store.accounts.createSchool('基准中学')
  const teacher = await store.accounts.createUser({
    username: `bench-${schoolId}`,
    displayName: '基准老师',
    passwordHash: 'x',
    role: 'teacher',
    schoolId,
    color: '#1971c2',
  })
  const groups: GroupRecord[] = []
  for (const name of groupNames) groups.push(await store.groups.createGroup(schoolId, `${name}备课组`))
  const batch = 20
  for (let start = 0; start < options.documents; start += batch) {
    const indexes = Array.from({ length: Math.min(batch, options.documents - start) }, (_, i) => start + i)
    await Promise.all(
      indexes.map(async (index) => {
        const document = corpusDocument(sentences, index, options.paragraphs)
        const lesson = await store.lessons.createLesson({
          schoolId,
          groupId: groups[index % groups.length]!.id,
          createdBy: teacher.id,
          documentTitle: document.title,
          semester: index % 2 === 0 ? '2025秋' : '2026秋',
          title: document.title,
          lessonType: '新授',
          period: 1,
          scheduledDate: '2026-11-24',
          scheduledTime: null,
          place: '',
          leadPreparerId: teacher.id,
        })
        await store.updates.appendUpdates(lesson.documentId, [document.update])
      }),
    )
  }
  return { userId: teacher.id, role: 'teacher', schoolId, groupIds: [groups[0]!.id] }
}

async function measureBackend(
  backend: Store['dialect'],
  store: Store,
  indexBytes: () => Promise<{ total: number; body: number }>,
  options: SearchBenchOptions,
): Promise<SearchBenchResult> {
  const loadAverageAtStart = loadavg()[0]!
  const sentences = seedSentences()
  let started = performance.now()
  const actor = await loadCorpus(store, options, sentences)
  const loadMs = performance.now() - started
  console.error(
    `search, ${backend}: ${options.documents} documents loaded in ${(loadMs / 1000).toFixed(1)} s, indexing…`,
  )
  started = performance.now()
  await new SearchIndexer(store, { batchSize: 100 }).sweep()
  const indexMs = performance.now() - started
  const bytes = await indexBytes()
  const all: number[] = []
  const queries: SearchBenchResult['queries'] = []
  for (const q of benchQueries(sentences)) {
    const times: number[] = []
    let found: SearchResponse | null = null
    for (let run = 0; run < options.runs; run++) {
      const start = performance.now()
      found = await search(store, actor, { q })
      times.push(performance.now() - start)
    }
    all.push(...times)
    queries.push({
      q,
      total: found?.total ?? 0,
      firstPage: found?.results.map((result) => result.title) ?? [],
      p50Ms: percentileOf(times, 50),
      p95Ms: percentileOf(times, 95),
    })
  }
  return {
    backend,
    documents: options.documents,
    loadMs,
    indexMs,
    indexBytes: bytes.total,
    indexBytesPerDocument: bytes.total / options.documents,
    bodyBytesPerDocument: bytes.body / options.documents,
    queries,
    p50Ms: percentileOf(all, 50),
    p95Ms: percentileOf(all, 95),
    p99Ms: percentileOf(all, 99),
    loadAverage: { start: loadAverageAtStart, end: loadavg()[0]! },
  }
}

export async function measureSearch(options: SearchBenchOptions): Promise<SearchBenchResult[]> {
  const results: SearchBenchResult[] = []
  const dataDir = mkdtempSync(join(tmpdir(), 'gongbei-search-bench-'))
  const sqlite = await openStore({ dataDir })
  try {
    const file = new BetterSqlite3(join(dataDir, 'gongbei.sqlite'), { readonly: true })
    const bytes = async () => {
      const sizes = file
        .prepare<[], { total: number }>(`select sum(pgsize) as total from dbstat where name like '%search%'`)
        .get()
      const body = file
        .prepare<[], { body: number }>('select sum(length(cast(body as blob))) as body from search_entries')
        .get()
      return { total: sizes?.total ?? 0, body: body?.body ?? 0 }
    }
    results.push(await measureBackend('sqlite', sqlite, bytes, options))
    file.close()
  } finally {
    await sqlite.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  if (!(await postgresAvailable())) {
    console.error('search, postgres: SKIPPED — no PostgreSQL server (set GONGBEI_TEST_DATABASE_URL)')
    return results
  }
  const database = await createTestDatabase()
  const postgres = await openStore({ databaseUrl: database.url })
  const client = new pg.Client({ connectionString: database.url })
  await client.connect()
  try {
    const bytes = async () => {
      const sizes = await client.query<{ total: string; body: string }>(
        `select pg_total_relation_size('search_entries') as total, sum(octet_length(body)) as body from search_entries`,
      )
      return { total: Number(sizes.rows[0]!.total), body: Number(sizes.rows[0]!.body) }
    }
    results.push(await measureBackend('postgres', postgres, bytes, options))
  } finally {
    await client.end()
    await postgres.close()
    await database.drop()
  }
  return results
}

export function formatSearch(results: readonly SearchBenchResult[]): string {
  const ms = (value: number) => value.toFixed(1)
  const lines = [
    '## Search (SEARCH-1, SEARCH-2): generated corpus of 导学案 from the seed texts',
    '',
    '| backend | documents | load s | index s | index bytes/doc (text kept for snippets) | search p50 ms | p95 ms | p99 ms | load average |',
    '|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.backend} | ${r.documents} | ${(r.loadMs / 1000).toFixed(1)} | ${(r.indexMs / 1000).toFixed(1)} | ` +
        `${Math.round(r.indexBytesPerDocument)} (${Math.round(r.bodyBytesPerDocument)}) | ${ms(r.p50Ms)} | ${ms(r.p95Ms)} | ${ms(r.p99Ms)} | ` +
        `${r.loadAverage.start.toFixed(1)} → ${r.loadAverage.end.toFixed(1)} |`,
    ),
    '',
    '| query | ' + results.map((r) => `${r.backend} matches | p95 ms`).join(' | ') + ' |',
    '|---|' + results.map(() => '---|---|').join(''),
    ...results[0]!.queries.map(
      (query, i) =>
        `| ${query.q} | ` +
        results.map((r) => `${r.queries[i]!.total} | ${ms(r.queries[i]!.p95Ms)}`).join(' | ') +
        ' |',
    ),
  ]
  return lines.join('\n')
}
