/** 教案检查: the office records a teacher's check of a semester; the teacher and the office read it. */
import type { Actor } from '../../shared/access.ts'
import type { CheckRequest, PlanCheck } from '../../shared/api/checks.ts'
import {
  checkCommentProblem,
  checkRecordRefusal,
  mayReadCheck,
  mayReadSchoolChecks,
} from '../../shared/checks/plan-check-rules.ts'
import type { PlanCheckRecord } from '../store/check-records.ts'
import type { Store } from '../store/store.ts'
import { forbid, missing, type Outcome, reject, succeed } from '../workflow/outcome.ts'

type CheckStores = Pick<Store, 'accounts' | 'checks'>

/** [CHECK-1] [CHECK-2] [CHECK-3] Records or replaces the check, audited in the same transaction. */
export async function recordCheck(
  store: CheckStores,
  actor: Actor,
  teacherId: string,
  request: CheckRequest,
): Promise<Outcome<PlanCheck>> {
  const teacher = await store.accounts.findAccount(teacherId)
  switch (checkRecordRefusal(actor, teacher)) {
    case 'forbidden':
      return forbid('只有教导处可以做教案检查')
    case 'missing':
      return missing('没有这个老师')
    case 'notTeacher':
      return reject('校外教研员没有自己的教案，不做教案检查')
    case null:
      break
  }
  const problem = checkCommentProblem(request.comment)
  if (problem !== null) return reject(problem)
  const saved = await store.checks.saveCheck({
    schoolId: actor.schoolId,
    teacherId,
    semester: request.semester,
    grade: request.grade,
    comment: request.comment,
    checkedBy: actor.userId,
    audit: { actorId: actor.userId, action: 'check.record', detail: { ...request } },
  })
  return succeed(checkView(saved))
}

/** [CHECK-5] The school's checks of the semester, for the office. */
export async function schoolChecks(store: CheckStores, actor: Actor, semester: string): Promise<Outcome<PlanCheck[]>> {
  if (!mayReadSchoolChecks(actor)) return forbid('只有教导处可以查看全校的教案检查')
  return succeed((await store.checks.listChecks(actor.schoolId, semester)).map(checkView))
}

/** [CHECK-4] A teacher's own checks, newest semester first. */
export async function ownChecks(store: CheckStores, actor: Actor): Promise<PlanCheck[]> {
  const checks = await store.checks.listChecksOfTeacher(actor.userId)
  return checks.filter((check) => mayReadCheck(actor, check)).map(checkView)
}

function checkView(record: PlanCheckRecord): PlanCheck {
  const { teacherId, semester, grade, comment, checkedBy, checkedAt } = record
  return { teacherId, semester, grade, comment, checkedBy, checkedAt: checkedAt.toISOString() }
}
