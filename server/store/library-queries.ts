/** Queries of the 资源库 (finished plans, `lesson_sources`, migration 013), used by `sql/library-store.ts`. */
import type { Kysely, Selectable } from 'kysely'
import type { LibraryScope } from '../../shared/library/library-scope.ts'
import type { LessonStage } from '../../shared/workflow/stages.ts'
import type { Database, LessonSourcesTable } from './database-schema.ts'
import type { DraftSourceRecord, FinishedPlanRecord, NewDraftSource } from './library-records.ts'

/** Lessons in scope with a 定稿, each with its latest version. */
export async function listFinishedPlans(db: Kysely<Database>, scope: LibraryScope): Promise<FinishedPlanRecord[]> {
  if (scope.groupIds !== null && scope.groupIds.length === 0) return []
  let query = db
    .selectFrom('lessons as l')
    .innerJoin('groups as g', 'g.id', 'l.group_id')
    .innerJoin('users as u', 'u.id', 'l.lead_preparer_id')
    .innerJoin('lesson_versions as v', 'v.lesson_id', 'l.id')
    .where('l.school_id', '=', scope.schoolId)
    .where('v.number', '=', (eb) =>
      eb
        .selectFrom('lesson_versions as latest')
        .select((e) => e.fn.max('latest.number').as('n'))
        .whereRef('latest.lesson_id', '=', 'l.id'),
    )
  if (scope.groupIds !== null) query = query.where('l.group_id', 'in', scope.groupIds)
  const rows = await query
    .select([
      'l.id as lessonId',
      'l.group_id as groupId',
      'g.name as groupName',
      'g.subject as groupSubject',
      'g.grade as groupGrade',
      'l.semester',
      'l.title',
      'l.unit',
      'l.lesson_type as lessonType',
      'l.period',
      'l.stage',
      'l.lead_preparer_id as leadPreparerId',
      'u.display_name as leadPreparerName',
      'v.id as latestVersionId',
      'v.number as latestVersionNumber',
      'v.created_at as latestVersionAt',
    ])
    .orderBy('l.scheduled_date')
    .orderBy('l.id')
    .execute()
  return rows.map((row) => ({
    ...row,
    period: Number(row.period),
    stage: row.stage as LessonStage,
    latestVersionNumber: Number(row.latestVersionNumber),
    latestVersionAt: new Date(Number(row.latestVersionAt)),
  }))
}

/** One source per lesson: starting again from another 定稿 replaces it. */
export async function recordDraftSource(db: Kysely<Database>, source: NewDraftSource): Promise<DraftSourceRecord> {
  const now = Date.now()
  const row = {
    lesson_id: source.lessonId,
    version_id: source.versionId,
    source_lesson_id: source.sourceLessonId,
    created_by: source.createdBy,
    created_at: now,
  }
  await db
    .insertInto('lesson_sources')
    .values(row)
    .onConflict((oc) =>
      oc.column('lesson_id').doUpdateSet({
        version_id: row.version_id,
        source_lesson_id: row.source_lesson_id,
        created_by: row.created_by,
        created_at: row.created_at,
      }),
    )
    .execute()
  return (await findDraftSource(db, source.lessonId))!
}

export async function findDraftSource(db: Kysely<Database>, lessonId: string): Promise<DraftSourceRecord | null> {
  const row = await withVersionNumber(db).where('s.lesson_id', '=', lessonId).executeTakeFirst()
  return row === undefined ? null : toDraftSource(row)
}

/** Oldest first. */
export async function listDraftsBuiltOn(db: Kysely<Database>, sourceLessonId: string): Promise<DraftSourceRecord[]> {
  const rows = await withVersionNumber(db)
    .where('s.source_lesson_id', '=', sourceLessonId)
    .orderBy('s.created_at')
    .orderBy('s.lesson_id')
    .execute()
  return rows.map(toDraftSource)
}

function withVersionNumber(db: Kysely<Database>) {
  return db
    .selectFrom('lesson_sources as s')
    .innerJoin('lesson_versions as v', 'v.id', 's.version_id')
    .selectAll('s')
    .select('v.number')
}

function toDraftSource(row: Selectable<LessonSourcesTable> & { number: number }): DraftSourceRecord {
  return {
    lessonId: row.lesson_id,
    versionId: row.version_id,
    versionNumber: Number(row.number),
    sourceLessonId: row.source_lesson_id,
    createdBy: row.created_by,
    createdAt: new Date(Number(row.created_at)),
  }
}
