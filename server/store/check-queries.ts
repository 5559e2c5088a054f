/**
 * Queries of 教案检查 (`plan_checks`, migration 015), used by the repository in `sql/` in both dialects.
 * A check and the audit entry saying what it replaced are written in one transaction ([CHECK-2]).
 */
import type { Kysely, Selectable } from 'kysely'
import type { CheckGrade } from '../../shared/checks/plan-check-rules.ts'
import type { PlanCheckRecord, PlanCheckWrite } from './check-records.ts'
import type { Database, PlanChecksTable } from './database-schema.ts'
import { insertAuditEntry } from './school-queries.ts'

/** Records the check, replacing the teacher's check of that semester, with its audit entry. */
export function saveCheck(db: Kysely<Database>, write: PlanCheckWrite): Promise<PlanCheckRecord> {
  return db.transaction().execute(async (trx) => {
    const previous = await trx
      .selectFrom('plan_checks')
      .selectAll()
      .where('teacher_id', '=', write.teacherId)
      .where('semester', '=', write.semester)
      .executeTakeFirst()
    const row = {
      school_id: write.schoolId,
      teacher_id: write.teacherId,
      semester: write.semester,
      grade: write.grade,
      comment: write.comment,
      checked_by: write.checkedBy,
      checked_at: Date.now(),
    }
    await trx
      .insertInto('plan_checks')
      .values(row)
      .onConflict((conflict) =>
        conflict.columns(['teacher_id', 'semester']).doUpdateSet({
          grade: row.grade,
          comment: row.comment,
          checked_by: row.checked_by,
          checked_at: row.checked_at,
        }),
      )
      .execute()
    const detail = {
      ...write.audit.detail,
      ...(previous === undefined ? {} : { previous: { grade: previous.grade, comment: previous.comment } }),
    }
    await insertAuditEntry(trx, { ...write.audit, detail, schoolId: write.schoolId, targetUserId: write.teacherId })
    return toCheck(row)
  })
}

/** The school's checks of the semester. */
export async function listChecks(db: Kysely<Database>, schoolId: string, semester: string): Promise<PlanCheckRecord[]> {
  const rows = await db
    .selectFrom('plan_checks')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('semester', '=', semester)
    .orderBy('teacher_id')
    .execute()
  return rows.map(toCheck)
}

/** One teacher's checks, the newest semester first. */
export async function listChecksOfTeacher(db: Kysely<Database>, teacherId: string): Promise<PlanCheckRecord[]> {
  const rows = await db
    .selectFrom('plan_checks')
    .selectAll()
    .where('teacher_id', '=', teacherId)
    .orderBy('semester', 'desc')
    .execute()
  return rows.map(toCheck)
}

function toCheck(row: Selectable<PlanChecksTable>): PlanCheckRecord {
  return {
    schoolId: row.school_id,
    teacherId: row.teacher_id,
    semester: row.semester,
    grade: row.grade as CheckGrade,
    comment: row.comment,
    checkedBy: row.checked_by,
    checkedAt: new Date(Number(row.checked_at)),
  }
}
