/**
 * 教案检查: the office's check of one teacher's plans for one semester (三有: 有检查、有考核). A check is a
 * 等级 and a comment; who may record and who may read one. Pure: the server and the page call these.
 */
import type { Actor } from '../access.ts'

/** The four grades Chinese schools give in a 教案检查, best first. */
export const checkGrades = ['excellent', 'good', 'pass', 'improve'] as const
export type CheckGrade = (typeof checkGrades)[number]

export const checkGradeLabels: Record<CheckGrade, string> = {
  excellent: '优秀',
  good: '良好',
  pass: '合格',
  improve: '待改进',
}

/** A comment as long as a page of the paper 检查记录 would hold. */
export const maxCheckCommentLength = 2000

/** [CHECK-3] Why the comment cannot be kept, in Chinese; null if it can. */
export function checkCommentProblem(comment: string): string | null {
  return comment.length > maxCheckCommentLength ? `检查意见最多 ${maxCheckCommentLength} 字` : null
}

/** [CHECK-1] Only the office records checks, and only of teachers of its own school who are not outside experts. */
export function checkRecordRefusal(
  actor: Actor,
  teacher: { schoolId: string; role: Actor['role'] } | null,
): 'forbidden' | 'missing' | 'notTeacher' | null {
  if (actor.role !== 'admin') return 'forbidden'
  if (teacher === null || teacher.schoolId !== actor.schoolId) return 'missing'
  return teacher.role === 'guest' ? 'notTeacher' : null
}

/** [CHECK-4] A check is read by the office of the teacher's school and by the teacher; nobody else. */
export function mayReadCheck(actor: Actor, check: { schoolId: string; teacherId: string }): boolean {
  if (actor.schoolId !== check.schoolId) return false
  return actor.role === 'admin' || actor.userId === check.teacherId
}

/** [CHECK-5] The office reads the school's counts and checks, and downloads them as a sheet. */
export function mayReadSchoolChecks(actor: Actor): boolean {
  return actor.role === 'admin'
}
