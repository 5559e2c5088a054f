import { describe, expect, it } from 'vitest'
import type { Actor } from '../../../shared/access.ts'
import {
  checkCommentProblem,
  checkGradeLabels,
  checkGrades,
  checkRecordRefusal,
  maxCheckCommentLength,
  mayReadCheck,
  mayReadSchoolChecks,
} from '../../../shared/checks/plan-check-rules.ts'

const office: Actor = { userId: 'office', role: 'admin', schoolId: 'garden', groupIds: [] }
const leader: Actor = { userId: 'leader', role: 'leader', schoolId: 'garden', groupIds: ['math'] }
const li: Actor = { userId: 'li', role: 'teacher', schoolId: 'garden', groupIds: ['math'] }
const riverOffice: Actor = { ...office, userId: 'river-office', schoolId: 'river' }

describe('教案检查 rules', () => {
  it('grades best first, as a Chinese school writes them', () => {
    expect(checkGrades.map((grade) => checkGradeLabels[grade])).toEqual(['优秀', '良好', '合格', '待改进'])
  })

  it('[CHECK-1] only the office records a check, of a teacher of its own school who is no outside expert', () => {
    const teacher = { schoolId: 'garden', role: 'teacher' as const }
    expect(checkRecordRefusal(office, teacher)).toBeNull()
    expect(checkRecordRefusal(office, { schoolId: 'garden', role: 'leader' })).toBeNull()
    expect(checkRecordRefusal(leader, teacher)).toBe('forbidden')
    expect(checkRecordRefusal(li, teacher)).toBe('forbidden')
    expect(checkRecordRefusal(riverOffice, teacher)).toBe('missing')
    expect(checkRecordRefusal(office, null)).toBe('missing')
    expect(checkRecordRefusal(office, { schoolId: 'garden', role: 'guest' })).toBe('notTeacher')
  })

  it('[CHECK-3] a comment may be empty, and at most a page long', () => {
    expect(checkCommentProblem('')).toBeNull()
    expect(checkCommentProblem('字'.repeat(maxCheckCommentLength))).toBeNull()
    expect(checkCommentProblem('字'.repeat(maxCheckCommentLength + 1))).toBe('检查意见最多 2000 字')
  })

  it('[CHECK-4] a check is read by the office of its school and by its teacher, nobody else', () => {
    const check = { schoolId: 'garden', teacherId: 'li' }
    expect(mayReadCheck(office, check)).toBe(true)
    expect(mayReadCheck(li, check)).toBe(true)
    expect(mayReadCheck(leader, check)).toBe(false)
    expect(mayReadCheck({ ...li, userId: 'wang' }, check)).toBe(false)
    expect(mayReadCheck(riverOffice, check)).toBe(false)
  })

  it('[CHECK-5] only the office reads the school’s counts and checks', () => {
    expect(mayReadSchoolChecks(office)).toBe(true)
    expect(mayReadSchoolChecks(leader)).toBe(false)
    expect(mayReadSchoolChecks(li)).toBe(false)
  })
})
