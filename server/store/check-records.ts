/** What the store keeps of 教案检查 (migration 015). */
import type { CheckGrade } from '../../shared/checks/plan-check-rules.ts'
import type { AuditNote } from './school-records.ts'

export interface PlanCheckRecord {
  schoolId: string
  teacherId: string
  semester: string
  grade: CheckGrade
  comment: string
  checkedBy: string
  checkedAt: Date
}

export type PlanCheckWrite = Omit<PlanCheckRecord, 'checkedAt'> & { audit: AuditNote }
