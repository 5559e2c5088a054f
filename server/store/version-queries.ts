/**
 * Queries of 定稿 versions, adaptations, their conflicts and reflections' references (migration 003),
 * used by the repositories in `sql/` in both dialects. Versions are only ever inserted.
 */
import { randomUUID } from 'node:crypto'
import type { Kysely, Selectable, Transaction } from 'kysely'
import type { AdaptationConflictsTable, Database, LessonVersionsTable } from './database-schema.ts'
import { documentRow } from './document-rows.ts'
import { moveLessonStageIn } from './lesson-queries.ts'
import type { LessonStageMove } from './lesson-records.ts'
import type { DocumentRecord } from './store.ts'
import type {
  AdaptationRecord,
  ConflictRecord,
  ConflictStatus,
  NewConflict,
  NewLessonDocument,
  NewReflectionReference,
  NewRoundStart,
  NewVersion,
  ReflectionReferenceRecord,
  RoundStartRecord,
  VersionRecord,
} from './version-records.ts'

export async function createVersion(db: Kysely<Database>, version: NewVersion): Promise<VersionRecord> {
  return db.transaction().execute((trx) => insertVersion(trx, version))
}

/** 定稿: the move to `finalized`, its event and the version it makes, all or nothing; null if the lesson had moved. */
export async function finalizeLesson(
  db: Kysely<Database>,
  move: LessonStageMove,
  version: NewVersion,
): Promise<VersionRecord | null> {
  return db
    .transaction()
    .execute(async (trx) => ((await moveLessonStageIn(trx, move)) ? insertVersion(trx, version) : null))
}

/**
 * The next 磨课 round: the move back to 主备, its event and the round's start, all or nothing; null if the
 * lesson had moved. Numbered after the last start (2 for the first); the key refuses a concurrent twin.
 */
export async function startRound(
  db: Kysely<Database>,
  move: LessonStageMove,
  round: NewRoundStart,
): Promise<RoundStartRecord | null> {
  return db.transaction().execute(async (trx) => {
    if (!(await moveLessonStageIn(trx, move))) return null
    const last = await trx
      .selectFrom('lesson_rounds')
      .select((eb) => eb.fn.max('number').as('number'))
      .where('lesson_id', '=', round.lessonId)
      .executeTakeFirst()
    const number = Math.max(1, Number(last?.number ?? 1)) + 1
    await trx
      .insertInto('lesson_rounds')
      .values({
        lesson_id: round.lessonId,
        number,
        base_version_id: round.baseVersionId,
        started_by: round.startedBy,
        started_at: move.at.getTime(),
      })
      .execute()
    return (await listRoundStarts(trx, round.lessonId)).find((start) => start.number === number)!
  })
}

/** The starts of the lesson's rounds after the first, 第二轮 first. */
export async function listRoundStarts(db: Kysely<Database>, lessonId: string): Promise<RoundStartRecord[]> {
  const rows = await db
    .selectFrom('lesson_rounds as r')
    .innerJoin('lesson_versions as v', 'v.id', 'r.base_version_id')
    .selectAll('r')
    .select('v.number as base_version_number')
    .where('r.lesson_id', '=', lessonId)
    .orderBy('r.number')
    .execute()
  return rows.map((row) => ({
    lessonId: row.lesson_id,
    number: Number(row.number),
    baseVersionId: row.base_version_id,
    baseVersionNumber: Number(row.base_version_number),
    startedBy: row.started_by,
    startedAt: new Date(Number(row.started_at)),
  }))
}

/** Numbers the version after the lesson's last one; the unique number refuses a concurrent twin. */
async function insertVersion(trx: Transaction<Database>, version: NewVersion): Promise<VersionRecord> {
  const last = await trx
    .selectFrom('lesson_versions')
    .select((eb) => eb.fn.max('number').as('number'))
    .where('lesson_id', '=', version.lessonId)
    .executeTakeFirst()
  const record: VersionRecord = {
    id: randomUUID(),
    lessonId: version.lessonId,
    documentId: version.documentId,
    number: Number(last?.number ?? 0) + 1,
    createdBy: version.createdBy,
    createdAt: new Date(),
  }
  await trx
    .insertInto('lesson_versions')
    .values({
      id: record.id,
      lesson_id: record.lessonId,
      document_id: record.documentId,
      number: record.number,
      state: bound(version.state),
      created_by: record.createdBy,
      created_at: record.createdAt.getTime(),
    })
    .execute()
  return record
}

const versionColumns = ['id', 'lesson_id', 'document_id', 'number', 'created_by', 'created_at'] as const

export async function listVersions(db: Kysely<Database>, lessonId: string): Promise<VersionRecord[]> {
  const rows = await db
    .selectFrom('lesson_versions')
    .select(versionColumns)
    .where('lesson_id', '=', lessonId)
    .orderBy('number')
    .execute()
  return rows.map(toVersion)
}

export async function findVersion(db: Kysely<Database>, id: string): Promise<VersionRecord | null> {
  const row = await db.selectFrom('lesson_versions').select(versionColumns).where('id', '=', id).executeTakeFirst()
  return row === undefined ? null : toVersion(row)
}

export async function versionState(db: Kysely<Database>, id: string): Promise<Uint8Array | null> {
  const row = await db.selectFrom('lesson_versions').select('state').where('id', '=', id).executeTakeFirst()
  return row === undefined ? null : new Uint8Array(row.state)
}

/** The document, its first update (as sequence 1 of its log) and, for an adaptation, its row. */
export async function createLessonDocument(
  db: Kysely<Database>,
  document: NewLessonDocument,
  baseVersionId: string | null,
): Promise<DocumentRecord> {
  const now = Date.now()
  const record: DocumentRecord = {
    id: randomUUID(),
    groupId: document.groupId,
    schoolId: document.schoolId,
    title: document.title,
    kind: document.kind,
    createdBy: document.createdBy,
    createdAt: new Date(now),
    lessonId: document.lessonId,
  }
  const initial = document.initialState
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('documents')
      .values({ ...documentRow(record), last_seq: initial ? 1 : 0 })
      .execute()
    if (initial) {
      await trx
        .insertInto('document_updates')
        .values({ document_id: record.id, seq: 1, data: bound(initial), created_at: now })
        .execute()
    }
    if (document.kind === 'adaptation') {
      if (baseVersionId === null) throw new Error('An adaptation needs the version it is based on')
      await trx
        .insertInto('adaptations')
        .values({
          document_id: record.id,
          lesson_id: document.lessonId,
          base_version_id: baseVersionId,
          created_at: now,
        })
        .execute()
    }
  })
  return record
}

function adaptationQuery(db: Kysely<Database>) {
  return db
    .selectFrom('adaptations')
    .innerJoin('documents', 'documents.id', 'adaptations.document_id')
    .select([
      'adaptations.document_id',
      'adaptations.lesson_id',
      'documents.created_by',
      'documents.title',
      'adaptations.base_version_id',
      'adaptations.created_at',
      'adaptations.pulled_at',
    ])
}

export async function findAdaptation(db: Kysely<Database>, documentId: string): Promise<AdaptationRecord | null> {
  const row = await adaptationQuery(db).where('adaptations.document_id', '=', documentId).executeTakeFirst()
  return row === undefined ? null : toAdaptation(row)
}

export async function listAdaptations(db: Kysely<Database>, lessonId: string): Promise<AdaptationRecord[]> {
  const rows = await adaptationQuery(db)
    .where('adaptations.lesson_id', '=', lessonId)
    .orderBy('adaptations.created_at')
    .execute()
  return rows.map(toAdaptation)
}

/**
 * After the version's changes are stored in the adaptation: its new base and what needs deciding.
 * Only if the base is still `fromVersionId`; null when another pull moved it first.
 */
export async function recordPull(
  db: Kysely<Database>,
  documentId: string,
  fromVersionId: string,
  toVersionId: string,
  conflicts: readonly NewConflict[],
): Promise<ConflictRecord[] | null> {
  const now = Date.now()
  const records: ConflictRecord[] = conflicts.map((conflict) => ({
    ...conflict,
    id: randomUUID(),
    documentId,
    toVersionId,
    status: 'open',
    createdAt: new Date(now),
    resolvedBy: null,
    resolvedAt: null,
  }))
  return db.transaction().execute(async (trx) => {
    const moved = await trx
      .updateTable('adaptations')
      .set({ base_version_id: toVersionId, pulled_at: now })
      .where('document_id', '=', documentId)
      .where('base_version_id', '=', fromVersionId)
      .executeTakeFirst()
    if (Number(moved.numUpdatedRows) !== 1) return null
    for (const record of records) {
      await trx
        .insertInto('adaptation_conflicts')
        .values({
          id: record.id,
          document_id: documentId,
          to_version_id: toVersionId,
          block_key: record.blockKey,
          section: record.section,
          base_text: record.baseText,
          mine_json: record.mineJson === null ? null : JSON.stringify(record.mineJson),
          shared_json: record.sharedJson === null ? null : JSON.stringify(record.sharedJson),
          after_key: record.afterKey,
          status: record.status,
          created_at: now,
        })
        .execute()
    }
    return records
  })
}

export async function listConflicts(db: Kysely<Database>, documentId: string): Promise<ConflictRecord[]> {
  const rows = await db
    .selectFrom('adaptation_conflicts')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map(toConflict)
}

/** Settles an open conflict; false if it was not open (settled already, or unknown). */
export async function resolveConflict(
  db: Kysely<Database>,
  id: string,
  status: Exclude<ConflictStatus, 'open'>,
  userId: string,
): Promise<boolean> {
  const result = await db
    .updateTable('adaptation_conflicts')
    .set({ status, resolved_by: userId, resolved_at: Date.now() })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function addReflectionReference(
  db: Kysely<Database>,
  reference: NewReflectionReference,
): Promise<ReflectionReferenceRecord> {
  const record: ReflectionReferenceRecord = { ...reference, id: randomUUID(), createdAt: new Date() }
  await db
    .insertInto('reflection_references')
    .values({
      id: record.id,
      reflection_id: record.reflectionId,
      source_document_id: record.sourceDocumentId,
      block_key: record.blockKey,
      section: record.section,
      quote: record.quote,
      created_at: record.createdAt.getTime(),
    })
    .execute()
  return record
}

export async function listReflectionReferences(
  db: Kysely<Database>,
  reflectionIds: readonly string[],
): Promise<ReflectionReferenceRecord[]> {
  if (reflectionIds.length === 0) return []
  const rows = await db
    .selectFrom('reflection_references')
    .selectAll()
    .where('reflection_id', 'in', [...reflectionIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    reflectionId: row.reflection_id,
    sourceDocumentId: row.source_document_id,
    blockKey: row.block_key,
    section: row.section,
    quote: row.quote,
    createdAt: new Date(Number(row.created_at)),
  }))
}

function toVersion(row: Pick<Selectable<LessonVersionsTable>, (typeof versionColumns)[number]>): VersionRecord {
  return {
    id: row.id,
    lessonId: row.lesson_id,
    documentId: row.document_id,
    number: Number(row.number),
    createdBy: row.created_by,
    createdAt: new Date(Number(row.created_at)),
  }
}

function toAdaptation(row: {
  document_id: string
  lesson_id: string
  created_by: string
  title: string
  base_version_id: string
  created_at: number
  pulled_at: number | null
}): AdaptationRecord {
  return {
    documentId: row.document_id,
    lessonId: row.lesson_id,
    teacherId: row.created_by,
    title: row.title,
    baseVersionId: row.base_version_id,
    createdAt: new Date(Number(row.created_at)),
    pulledAt: row.pulled_at === null ? null : new Date(Number(row.pulled_at)),
  }
}

function toConflict(row: Selectable<AdaptationConflictsTable>): ConflictRecord {
  return {
    id: row.id,
    documentId: row.document_id,
    toVersionId: row.to_version_id,
    blockKey: row.block_key,
    section: row.section,
    baseText: row.base_text,
    mineJson: row.mine_json === null ? null : (JSON.parse(row.mine_json) as Record<string, unknown>),
    sharedJson: row.shared_json === null ? null : (JSON.parse(row.shared_json) as Record<string, unknown>),
    afterKey: row.after_key,
    status: row.status as ConflictStatus,
    createdAt: new Date(Number(row.created_at)),
    resolvedBy: row.resolved_by,
    resolvedAt: row.resolved_at === null ? null : new Date(Number(row.resolved_at)),
  }
}

/** better-sqlite3 binds Buffers only; a Buffer view shares the bytes instead of copying them. */
function bound(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}
