/**
 * Queries of the search index (`search_entries`, and SQLite's `search_fts`, migration 012), used by
 * `sql/search-store.ts` in both dialects; only how terms are written and matched differs.
 */
import { type Kysely, sql, type Transaction } from 'kysely'
import type { SearchKind } from '../../shared/search/search-kinds.ts'
import type { LessonStage } from '../../shared/workflow/stages.ts'
import type { SearchScope } from '../../shared/search/search-scope.ts'
import type { Database, SearchEntriesTable } from './database-schema.ts'
import type { SqlDialect } from './migrate.ts'
import { ftsMatchOf, tsQueriesOf } from './search-match.ts'
import { rankCandidates, rankWeights } from '../../shared/search/search-rank.ts'
import { normalizeText } from '../../shared/search/search-terms.ts'
import type {
  SearchCandidate,
  SearchEntryWrite,
  SearchFilterValues,
  SearchMatches,
  SearchRequest,
  SearchSource,
  StaleSearchFilter,
  StaleSearchSource,
} from './search-records.ts'

/**
 * A document's last sequence number: SQLite's appends leave `documents.last_seq` behind (see
 * `lastSeqQuery`), so it is the log's last row, else the snapshot's, else the column.
 */
const lastSeqOf = sql`coalesce(
  (select max(u.seq) from document_updates u where u.document_id = d.id),
  (select s.upto_seq from document_snapshots s where s.document_id = d.id),
  d.last_seq)`

/**
 * Sources whose entry is missing or older than they are, at most `limit` of each source; with
 * `filter.documentIds`, only those documents are looked at (SEARCH-10), and `filter.skipDocumentIds` are
 * left out of a whole sweep (SEARCH-9).
 */
export async function listStaleSearchSources(
  db: Kysely<Database>,
  limit: number,
  filter: StaleSearchFilter = {},
): Promise<StaleSearchSource[]> {
  if (filter.documentIds?.length === 0) return []
  const only = filter.documentIds ? sql`and d.id in (${sql.join([...filter.documentIds])})` : sql``
  const skip = filter.skipDocumentIds?.length ? sql`and d.id not in (${sql.join([...filter.skipDocumentIds])})` : sql``
  const entryOf = (source: SearchSource, ref: 'd.id' | 'v.id' | 'm.id' | 'o.id') =>
    sql`left join search_entries e on e.source = ${source} and e.source_id = ${sql.ref(ref)}`
  const documents = await sql<Row>`
    select * from (
      select d.id as source_id, cast(${lastSeqOf} as text) || ':' || d.title as stamp, d.kind, d.school_id,
        d.group_id, d.lesson_id, d.id as document_id, null as version_number, null as observer_id,
        null as observed_id, d.title, d.created_at as dated_at, e.id, e.stamp as entry_stamp
      from documents d ${entryOf('document', 'd.id')}
      where d.kind in ('lesson-plan', 'reflection') ${only} ${skip}
    ) x where x.id is null or x.entry_stamp <> x.stamp limit ${limit}`.execute(db)
  if (filter.documentIds) return documents.rows.map((row) => staleOf('document', row, []))
  const versions = await sql<Row>`
    select * from (
      select v.id as source_id, l.title as stamp, 'lesson-plan' as kind, l.school_id, l.group_id, l.id as lesson_id,
        v.document_id, v.number as version_number, null as observer_id, null as observed_id, l.title,
        v.created_at as dated_at, e.id, e.stamp as entry_stamp
      from lesson_versions v join lessons l on l.id = v.lesson_id ${entryOf('version', 'v.id')}
    ) x where x.id is null or x.entry_stamp <> x.stamp limit ${limit}`.execute(db)
  const meetings = await sql<Row & { place: string; summary: string; decisions: string }>`
    select * from (
      select m.id as source_id, cast(m.updated_at as text) as stamp, 'meeting' as kind, l.school_id, l.group_id,
        l.id as lesson_id, null as document_id, null as version_number, null as observer_id, null as observed_id,
        m.topic as title, m.place, m.summary, m.decisions, m.updated_at as dated_at, e.id, e.stamp as entry_stamp
      from lesson_meetings m join lessons l on l.id = m.lesson_id ${entryOf('meeting', 'm.id')}
    ) x where x.id is null or x.entry_stamp <> x.stamp limit ${limit}`.execute(db)
  const observations = await sql<Row & { notes: string; strengths: string; problems: string; suggestions: string }>`
    select * from (
      select o.id as source_id, cast(o.created_at as text) as stamp, 'observation' as kind, o.school_id,
        l.group_id, o.lesson_id, null as document_id, null as version_number, o.observer_id, o.observed_id,
        o.topic as title, o.notes, o.strengths, o.problems, o.suggestions, o.created_at as dated_at, e.id,
        e.stamp as entry_stamp
      from observations o left join lessons l on l.id = o.lesson_id ${entryOf('observation', 'o.id')}
    ) x where x.id is null or x.entry_stamp <> x.stamp limit ${limit}`.execute(db)
  return [
    ...documents.rows.map((row) => staleOf('document', row, [])),
    ...versions.rows.map((row) => staleOf('version', row, [])),
    ...meetings.rows.map((row) => staleOf('meeting', row, [row.place, row.summary, row.decisions])),
    ...observations.rows.map((row) =>
      staleOf('observation', row, [row.notes, row.strengths, row.problems, row.suggestions]),
    ),
  ]
}

/** A stale source as the queries read it: an entry's columns, the date as the driver returns it (PostgreSQL: text). */
type Row = Pick<
  SearchEntriesTable,
  | 'source_id'
  | 'stamp'
  | 'kind'
  | 'school_id'
  | 'group_id'
  | 'lesson_id'
  | 'document_id'
  | 'version_number'
  | 'observer_id'
  | 'observed_id'
  | 'title'
> & { dated_at: number | string }

function staleOf(source: SearchSource, row: Row, fields: string[]): StaleSearchSource {
  return {
    source,
    sourceId: row.source_id,
    stamp: row.stamp,
    kind: row.kind as SearchKind,
    schoolId: row.school_id,
    groupId: row.group_id,
    lessonId: row.lesson_id,
    documentId: row.document_id,
    versionNumber: row.version_number === null ? null : Number(row.version_number),
    observerId: row.observer_id,
    observedId: row.observed_id,
    title: row.title,
    fields,
    datedAt: Number(row.dated_at),
  }
}

/** Writes each entry, replacing its source's previous one, all in one transaction. */
export async function putSearchEntries(
  db: Kysely<Database>,
  dialect: SqlDialect,
  entries: readonly SearchEntryWrite[],
): Promise<void> {
  if (entries.length === 0) return
  // Instances sharing PostgreSQL may index the same sources at once: writing rows in one order everywhere
  // means their transactions wait for each other instead of deadlocking.
  const ordered = [...entries].sort((a, b) => compareKeys(a, b))
  await db.transaction().execute(async (trx) => {
    for (const entry of ordered) await putEntry(trx, dialect, entry)
  })
}

function compareKeys(a: SearchEntryWrite, b: SearchEntryWrite): number {
  if (a.source !== b.source) return a.source < b.source ? -1 : 1
  return a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : 0
}

async function putEntry(trx: Transaction<Database>, dialect: SqlDialect, entry: SearchEntryWrite): Promise<void> {
  const columns = {
    stamp: entry.stamp,
    kind: entry.kind,
    school_id: entry.schoolId,
    group_id: entry.groupId,
    lesson_id: entry.lessonId,
    document_id: entry.documentId,
    version_number: entry.versionNumber,
    observer_id: entry.observerId,
    observed_id: entry.observedId,
    title: entry.title,
    normalized_title: normalizeText(entry.title),
    body: entry.body,
    dated_at: entry.datedAt,
  }
  if (dialect === 'postgres') {
    const grams = sql`to_tsvector('simple', ${entry.terms.grams})`
    const chars = sql`to_tsvector('simple', ${entry.terms.chars})`
    await sql`insert into search_entries (source, source_id, stamp, kind, school_id, group_id, lesson_id, document_id,
        version_number, observer_id, observed_id, title, normalized_title, body, dated_at, grams, chars)
      values (${entry.source}, ${entry.sourceId}, ${columns.stamp}, ${columns.kind}, ${columns.school_id},
        ${columns.group_id}, ${columns.lesson_id}, ${columns.document_id}, ${columns.version_number},
        ${columns.observer_id}, ${columns.observed_id}, ${columns.title}, ${columns.normalized_title},
        ${columns.body}, ${columns.dated_at}, ${grams}, ${chars})
      on conflict (source, source_id) do update set stamp = excluded.stamp, kind = excluded.kind,
        school_id = excluded.school_id, group_id = excluded.group_id, lesson_id = excluded.lesson_id,
        document_id = excluded.document_id, version_number = excluded.version_number,
        observer_id = excluded.observer_id, observed_id = excluded.observed_id, title = excluded.title,
        normalized_title = excluded.normalized_title, body = excluded.body, dated_at = excluded.dated_at, grams = excluded.grams, chars = excluded.chars`.execute(
      trx,
    )
    return
  }
  const existing = await trx
    .selectFrom('search_entries')
    .select('id')
    .where('source', '=', entry.source)
    .where('source_id', '=', entry.sourceId)
    .executeTakeFirst()
  let id: number
  if (existing) {
    id = Number(existing.id)
    await trx.updateTable('search_entries').set(columns).where('id', '=', id).execute()
    await sql`delete from search_fts where rowid = ${id}`.execute(trx)
  } else {
    const inserted = await trx
      .insertInto('search_entries')
      .values({ source: entry.source, source_id: entry.sourceId, ...columns })
      .returning('id')
      .executeTakeFirstOrThrow()
    id = Number(inserted.id)
  }
  await sql`insert into search_fts (rowid, grams, chars) values (${id}, ${entry.terms.grams}, ${entry.terms.chars})`.execute(
    trx,
  )
}

/** Deletes the entries whose source no longer exists (a deleted lesson's documents); how many. */
export async function deleteOrphanSearchEntries(db: Kysely<Database>, dialect: SqlDialect): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const orphans = await sql<{ id: number }>`
      select e.id from search_entries e where
        (e.source = 'document' and not exists (select 1 from documents d where d.id = e.source_id)) or
        (e.source = 'version' and not exists (select 1 from lesson_versions v where v.id = e.source_id)) or
        (e.source = 'meeting' and not exists (select 1 from lesson_meetings m where m.id = e.source_id)) or
        (e.source = 'observation' and not exists (select 1 from observations o where o.id = e.source_id))`.execute(trx)
    const ids = orphans.rows.map((row) => Number(row.id))
    if (ids.length === 0) return 0
    if (dialect === 'sqlite') await sql`delete from search_fts where rowid in (${sql.join(ids)})`.execute(trx)
    await trx.deleteFrom('search_entries').where('id', 'in', ids).execute()
    return ids.length
  })
}

/**
 * How many entries match (up to `countLimit`) and the first page in rank order (SEARCH-6): every match is
 * ranked in the query, reading only its date and normalized title, and only the page is joined to its
 * lesson and group. Counting apart stops at `countLimit` rows without ranking them.
 */
export async function findSearchMatches(
  db: Kysely<Database>,
  dialect: SqlDialect,
  request: SearchRequest,
): Promise<SearchMatches> {
  const counted = await db
    .selectFrom(matchingEntries(db, dialect, request, 'stream').select('e.id').limit(request.countLimit).as('m'))
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow()
  const total = Number(counted.n)
  if (total === 0) return { total, page: [] }
  // Byte order on both backends, as `rankCandidates` compares keys (PostgreSQL's default follows the locale).
  const byKey = (column: 'e.source' | 'e.source_id') =>
    dialect === 'postgres' ? sql`${sql.ref(column)} collate "C"` : sql.ref(column)
  const ranked = matchingEntries(db, dialect, request)
    .select('e.id')
    .orderBy(rankScoreOf(dialect, request.words), 'desc')
    .orderBy('e.dated_at', 'desc')
    .orderBy(byKey('e.source'))
    .orderBy(byKey('e.source_id'))
    .limit(request.pageSize)
  const rows = await db
    .selectFrom('search_entries as e')
    .leftJoin('lessons as l', 'l.id', 'e.lesson_id')
    .leftJoin('groups as g', 'g.id', 'e.group_id')
    .select([
      'e.id',
      'e.source',
      'e.source_id',
      'e.kind',
      'e.document_id',
      'e.lesson_id',
      'e.title',
      'g.name as group_name',
      'l.stage',
      'e.version_number',
      'e.dated_at',
    ])
    .where('e.id', 'in', ranked)
    .execute()
  const candidates = rows.map((row): SearchCandidate => ({
    id: Number(row.id),
    key: `${row.source}:${row.source_id}`,
    kind: row.kind as SearchKind,
    documentId: row.document_id,
    lessonId: row.lesson_id,
    title: row.title,
    groupName: row.group_name ?? '',
    stage: (row.stage ?? null) as LessonStage | null,
    versionNumber: row.version_number === null ? null : Number(row.version_number),
    datedAt: Number(row.dated_at),
  }))
  // The page comes back unordered; the rule orders it as the query ranked it.
  return { total, page: rankCandidates(candidates, request.words) }
}

/** `rankScore` in SQL: the title's weight by how many words it names, plus a version's. */
function rankScoreOf(dialect: SqlDialect, words: readonly string[]) {
  const named = words.map((word) =>
    dialect === 'postgres'
      ? sql`(strpos(e.normalized_title, ${word}) > 0)::int`
      : sql`(instr(e.normalized_title, ${word}) > 0)`,
  )
  const found = named.length > 0 ? sql`(${sql.join(named, sql` + `)})` : sql`0`
  return sql<number>`(case when ${found} = ${sql.lit(words.length)} and ${sql.lit(words.length)} > 0
      then ${sql.lit(rankWeights.titleAll)} when ${found} > 0 then ${sql.lit(rankWeights.titleSome)} else 0 end)
    + (case when e.version_number is null then 0 else ${sql.lit(rankWeights.version)} end)`
}

/**
 * The entries holding every term, within the scope and filters; lessons and groups joined for the filters.
 * On SQLite, `stream` reads the full-text matches as a join, which stops at the query's limit: counting
 * up to 1,000 of a phrase found in every document then evaluates it in a thousand documents, not in all
 * of them first (as the list that ranking reads must).
 */
function matchingEntries(
  db: Kysely<Database>,
  dialect: SqlDialect,
  request: SearchRequest,
  fullText: 'list' | 'stream' = 'list',
) {
  const { scope, filters } = request
  let query = db
    .selectFrom('search_entries as e')
    .leftJoin('lessons as l', 'l.id', 'e.lesson_id')
    .leftJoin('groups as g', 'g.id', 'e.group_id')
    .where('e.school_id', '=', scope.schoolId)
  if (scope.groupIds !== null) {
    query = query.where('e.group_id', 'in', scope.groupIds.length > 0 ? [...scope.groupIds] : [''])
  }
  if (scope.observations === 'none') query = query.where('e.kind', '<>', 'observation')
  else if (scope.observations === 'own') {
    query = query.where((eb) =>
      eb.or([
        eb('e.kind', '<>', 'observation'),
        eb('e.observer_id', '=', scope.userId),
        eb('e.observed_id', '=', scope.userId),
      ]),
    )
  }
  if (filters.subject !== undefined) query = query.where('g.subject', '=', filters.subject)
  if (filters.grade !== undefined) query = query.where('g.grade', '=', filters.grade)
  if (filters.groupId !== undefined) query = query.where('e.group_id', '=', filters.groupId)
  if (filters.kind !== undefined) query = query.where('e.kind', '=', filters.kind)
  if (filters.semester !== undefined) query = query.where('l.semester', '=', filters.semester)
  if (filters.lessonType !== undefined) query = query.where('l.lesson_type', '=', filters.lessonType)
  if (filters.stage !== undefined) query = query.where('l.stage', '=', filters.stage)
  if (filters.leadPreparerId !== undefined) query = query.where('l.lead_preparer_id', '=', filters.leadPreparerId)
  if (dialect === 'sqlite') {
    const match = ftsMatchOf(request.terms)
    if (fullText === 'stream') {
      return query
        .innerJoin(sql<{ rowid: number }>`search_fts`.as('f'), 'f.rowid', 'e.id')
        .where(sql<boolean>`search_fts match ${match}`)
    }
    return query.where(sql<boolean>`e.id in (select rowid from search_fts where search_fts match ${match})`)
  }
  const { grams, chars } = tsQueriesOf(request.terms)
  if (grams !== null) query = query.where(sql<boolean>`e.grams @@ to_tsquery('simple', ${grams})`)
  if (chars !== null) query = query.where(sql<boolean>`e.chars @@ to_tsquery('simple', ${chars})`)
  return query
}

/** The indexed text of these entries, by id. */
export async function searchEntryBodies(db: Kysely<Database>, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('search_entries')
    .select(['id', 'body'])
    .where('id', 'in', [...ids])
    .execute()
  return new Map(rows.map((row) => [Number(row.id), row.body]))
}

/** The groups, semesters, 课型 and 主备人 of the entries within `scope`, each once, sorted. */
export async function searchFilterValues(db: Kysely<Database>, scope: SearchScope): Promise<SearchFilterValues> {
  let query = db
    .selectFrom('search_entries as e')
    .leftJoin('lessons as l', 'l.id', 'e.lesson_id')
    .leftJoin('groups as g', 'g.id', 'e.group_id')
    .leftJoin('users as u', 'u.id', 'l.lead_preparer_id')
    .select([
      'g.id as group_id',
      'g.name as group_name',
      'g.subject',
      'g.grade',
      'l.semester',
      'l.lesson_type',
      'u.id as user_id',
      'u.display_name',
    ])
    .distinct()
    .where('e.school_id', '=', scope.schoolId)
    .where('e.kind', '<>', 'observation')
  if (scope.groupIds !== null) {
    query = query.where('e.group_id', 'in', scope.groupIds.length > 0 ? [...scope.groupIds] : [''])
  }
  const rows = await query.execute()
  const groups = new Map<string, SearchFilterValues['groups'][number]>()
  const people = new Map<string, string>()
  const semesters = new Set<string>()
  const lessonTypes = new Set<string>()
  for (const row of rows) {
    if (row.group_id !== null) {
      groups.set(row.group_id, {
        id: row.group_id,
        name: row.group_name ?? '',
        subject: row.subject ?? '',
        grade: row.grade ?? '',
      })
    }
    if (row.semester !== null) semesters.add(row.semester)
    if (row.lesson_type !== null) lessonTypes.add(row.lesson_type)
    if (row.user_id !== null) people.set(row.user_id, row.display_name ?? '')
  }
  const byText = (a: string, b: string) => a.localeCompare(b, 'zh')
  return {
    groups: [...groups.values()].sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id)),
    semesters: [...semesters].sort(byText),
    lessonTypes: [...lessonTypes].sort(byText),
    leadPreparers: [...people]
      .map(([id, displayName]) => ({ id, displayName }))
      .sort((a, b) => byText(a.displayName, b.displayName) || byText(a.id, b.id)),
  }
}
