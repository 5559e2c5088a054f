/** The 教案检查 area of the store over SQL, shared by both dialects. */
import type { Kysely } from 'kysely'
import * as checks from '../check-queries.ts'
import type { PlanCheckRecord, PlanCheckWrite } from '../check-records.ts'
import type { Database } from '../database-schema.ts'
import type { CheckStore } from '../store.ts'

export class SqlCheckStore implements CheckStore {
  constructor(private readonly db: Kysely<Database>) {}

  saveCheck(write: PlanCheckWrite): Promise<PlanCheckRecord> {
    return checks.saveCheck(this.db, write)
  }

  listChecks(schoolId: string, semester: string): Promise<PlanCheckRecord[]> {
    return checks.listChecks(this.db, schoolId, semester)
  }

  listChecksOfTeacher(teacherId: string): Promise<PlanCheckRecord[]> {
    return checks.listChecksOfTeacher(this.db, teacherId)
  }
}
