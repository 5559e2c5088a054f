/** JSON shapes of 教案检查 (`/api/admin/checks`, `/api/me/checks`). */
import { z } from 'zod'
import { checkGrades, maxCheckCommentLength } from '../checks/plan-check-rules.ts'

export const checkRequest = z.object({
  semester: z.string().min(1).max(40),
  grade: z.enum(checkGrades, { error: '请选择等级：优秀、良好、合格或待改进' }),
  comment: z.string().max(maxCheckCommentLength, `检查意见最多 ${maxCheckCommentLength} 字`).default(''),
})
export type CheckRequest = z.infer<typeof checkRequest>

export const planCheck = z.object({
  teacherId: z.string(),
  semester: z.string(),
  grade: z.enum(checkGrades),
  comment: z.string(),
  checkedBy: z.string(),
  checkedAt: z.string().describe('ISO time'),
})
export type PlanCheck = z.infer<typeof planCheck>
