/**
 * Queries of the 备课计划 (`lessons`, `lesson_stage_events`, migration 002), used by the repositories in `sql/` in both
 * dialects.
 */
import { randomUUID } from 'node:crypto'
import type { Kysely, Selectable, SelectQueryBuilder, Transaction, Updateable } from 'kysely'
import type { LessonStage } from '../../shared/workflow/stages.ts'
import type { Database, LessonsTable } from './database-schema.ts'
import type { LessonPlanChange, LessonRecord, LessonStageEvent, LessonStageMove, NewLesson } from './lesson-records.ts'

/** The lesson and its shared 导学案, which point at each other, in one transaction. */
export async function createLesson(db: Kysely<Database>, lesson: NewLesson): Promise<LessonRecord> {
  const now = Date.now()
  const record: LessonRecord = {
    id: randomUUID(),
    schoolId: lesson.schoolId,
    groupId: lesson.groupId,
    semester: lesson.semester,
    title: lesson.title,
    unit: lesson.unit ?? '',
    lessonType: lesson.lessonType,
    period: lesson.period,
    scheduledDate: lesson.scheduledDate,
    scheduledTime: lesson.scheduledTime,
    place: lesson.place,
    leadPreparerId: lesson.leadPreparerId,
    documentId: randomUUID(),
    stage: 'draft',
    liveReviewOpen: false,
    createdAt: new Date(now),
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('documents')
      .values({
        id: record.documentId,
        school_id: record.schoolId,
        group_id: record.groupId,
        title: lesson.documentTitle,
        kind: 'lesson-plan',
        created_by: lesson.createdBy,
        created_at: now,
      })
      .execute()
    await trx
      .insertInto('lessons')
      .values({
        id: record.id,
        school_id: record.schoolId,
        group_id: record.groupId,
        semester: record.semester,
        title: record.title,
        unit: record.unit,
        lesson_type: record.lessonType,
        period: record.period,
        scheduled_date: record.scheduledDate,
        scheduled_time: record.scheduledTime,
        place: record.place,
        lead_preparer_id: record.leadPreparerId,
        document_id: record.documentId,
        stage: record.stage,
        live_review_open: 0,
        created_at: now,
      })
      .execute()
    await trx.updateTable('documents').set({ lesson_id: record.id }).where('id', '=', record.documentId).execute()
  })
  return record
}

export async function findLesson(db: Kysely<Database>, id: string): Promise<LessonRecord | null> {
  const row = await db.selectFrom('lessons').selectAll().where('id', '=', id).executeTakeFirst()
  return row === undefined ? null : toLesson(row)
}

/** In the order they happen. */
export async function listLessonsOfGroup(
  db: Kysely<Database>,
  groupId: string,
  semester: string | null,
): Promise<LessonRecord[]> {
  let query = db.selectFrom('lessons').selectAll().where('group_id', '=', groupId)
  if (semester !== null) query = query.where('semester', '=', semester)
  const rows = await inScheduleOrder(query).execute()
  return rows.map(toLesson)
}

export async function listSemestersOfGroup(db: Kysely<Database>, groupId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('lessons')
    .select('semester')
    .distinct()
    .where('group_id', '=', groupId)
    .orderBy('semester')
    .execute()
  return rows.map((row) => row.semester)
}

/** The 单元 the group's lessons were given, each once; the order is the caller's. */
export async function listUnitsOfGroup(db: Kysely<Database>, groupId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('lessons')
    .select('unit')
    .distinct()
    .where('group_id', '=', groupId)
    .where('unit', '<>', '')
    .execute()
  return rows.map((row) => row.unit)
}

/** A teacher's assignments as 主备人, in the order they are due. */
export async function listLessonsOfLeadPreparer(db: Kysely<Database>, userId: string): Promise<LessonRecord[]> {
  const rows = await inScheduleOrder(
    db.selectFrom('lessons').selectAll().where('lead_preparer_id', '=', userId),
  ).execute()
  return rows.map(toLesson)
}

/**
 * By date, then time; a lesson without a time comes after the timed ones of its day on every database
 * (SQLite sorts NULL first, PostgreSQL last).
 */
function inScheduleOrder<O>(
  query: SelectQueryBuilder<Database, 'lessons', O>,
): SelectQueryBuilder<Database, 'lessons', O> {
  return query
    .orderBy('scheduled_date')
    .orderBy((eb) => eb('scheduled_time', 'is', null))
    .orderBy('scheduled_time')
    .orderBy('created_at')
}

export async function updateLessonPlan(
  db: Kysely<Database>,
  id: string,
  change: LessonPlanChange,
): Promise<LessonRecord | null> {
  const { documentTitle, ...fields } = change
  const set: Updateable<LessonsTable> = {
    semester: fields.semester,
    title: fields.title,
    unit: fields.unit,
    lesson_type: fields.lessonType,
    period: fields.period,
    scheduled_date: fields.scheduledDate,
    scheduled_time: fields.scheduledTime,
    place: fields.place,
    lead_preparer_id: fields.leadPreparerId,
  }
  const present = Object.fromEntries(Object.entries(set).filter(([, value]) => value !== undefined))
  return db.transaction().execute(async (trx) => {
    const row =
      Object.keys(present).length === 0
        ? await trx.selectFrom('lessons').selectAll().where('id', '=', id).executeTakeFirst()
        : await trx.updateTable('lessons').set(present).where('id', '=', id).returningAll().executeTakeFirst()
    if (row === undefined) return null
    if (documentTitle !== undefined) {
      await trx.updateTable('documents').set({ title: documentTitle }).where('id', '=', row.document_id).execute()
    }
    return toLesson(row)
  })
}

/** Deletes the lesson with its documents and stage history, if it is still in `whileIn`. */
export async function deleteLesson(db: Kysely<Database>, id: string, whileIn: LessonStage): Promise<boolean> {
  const result = await db.deleteFrom('lessons').where('id', '=', id).where('stage', '=', whileIn).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

/**
 * Moves the lesson only if it is still in `move.from`, so that two concurrent moves cannot both
 * happen, and records the move in the same transaction. Leaving a stage closes 集体研讨.
 */
export async function moveLessonStage(db: Kysely<Database>, move: LessonStageMove): Promise<boolean> {
  return db.transaction().execute((trx) => moveLessonStageIn(trx, move))
}

/** The move and its event, inside the caller's transaction (定稿 adds its version to the same one). */
export async function moveLessonStageIn(trx: Transaction<Database>, move: LessonStageMove): Promise<boolean> {
  const moved = await trx
    .updateTable('lessons')
    .set({ stage: move.to, live_review_open: 0 })
    .where('id', '=', move.lessonId)
    .where('stage', '=', move.from)
    .executeTakeFirst()
  if (Number(moved.numUpdatedRows) === 0) return false
  // The update above holds the lesson's row until commit, so no other move can take the same number.
  const { count } = await trx
    .selectFrom('lesson_stage_events')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('lesson_id', '=', move.lessonId)
    .executeTakeFirstOrThrow()
  await trx
    .insertInto('lesson_stage_events')
    .values({
      lesson_id: move.lessonId,
      seq: Number(count) + 1,
      from_stage: move.from,
      to_stage: move.to,
      actor_id: move.actorId,
      at: move.at.getTime(),
    })
    .execute()
  return true
}

/** Opens or closes 集体研讨, only while the lesson is in `whileIn`. */
export async function setLiveReviewOpen(
  db: Kysely<Database>,
  lessonId: string,
  open: boolean,
  whileIn: LessonStage,
): Promise<boolean> {
  const result = await db
    .updateTable('lessons')
    .set({ live_review_open: open ? 1 : 0 })
    .where('id', '=', lessonId)
    .where('stage', '=', whileIn)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** Oldest first. */
export async function listLessonStageEvents(db: Kysely<Database>, lessonId: string): Promise<LessonStageEvent[]> {
  const rows = await db
    .selectFrom('lesson_stage_events')
    .selectAll()
    .where('lesson_id', '=', lessonId)
    .orderBy('seq')
    .execute()
  return rows.map((row) => ({
    seq: Number(row.seq),
    lessonId: row.lesson_id,
    from: row.from_stage as LessonStage,
    to: row.to_stage as LessonStage,
    actorId: row.actor_id,
    at: new Date(Number(row.at)),
  }))
}

function toLesson(row: Selectable<LessonsTable>): LessonRecord {
  return {
    id: row.id,
    schoolId: row.school_id,
    groupId: row.group_id,
    semester: row.semester,
    title: row.title,
    unit: row.unit,
    lessonType: row.lesson_type,
    period: Number(row.period),
    scheduledDate: row.scheduled_date,
    scheduledTime: row.scheduled_time,
    place: row.place,
    leadPreparerId: row.lead_preparer_id,
    documentId: row.document_id,
    stage: row.stage as LessonStage,
    liveReviewOpen: Number(row.live_review_open) === 1,
    createdAt: new Date(Number(row.created_at)),
  }
}
