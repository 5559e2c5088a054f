import { describe, expect, it } from 'vitest'
import type { Actor } from '../../../shared/access.ts'
import { decideVariant } from '../../../shared/variants/variant-rules.ts'
import type { LessonContext } from '../../../shared/workflow/lesson-rules.ts'
import { type LessonStage, lessonStages } from '../../../shared/workflow/stages.ts'

const lesson = (stage: LessonStage): LessonContext => ({
  schoolId: 's',
  groupId: 'math',
  stage,
  leadPreparerId: 'li',
  liveReviewOpen: false,
  leadPreparerMentorIds: [],
  hasVersions: false,
})
const actor = (userId: string, role: Actor['role'], groupIds: string[], schoolId = 's'): Actor => ({
  userId,
  role,
  schoolId,
  groupIds,
})

describe('decideVariant', () => {
  it.each(lessonStages.filter((stage) => stage !== 'archived'))(
    'lets a member of the group design the lesson in %s',
    (stage) => {
      expect(decideVariant(actor('zhang', 'teacher', ['math']), lesson(stage))).toEqual({ allowed: true })
    },
  )

  it.each([
    ['an archived lesson', actor('zhang', 'teacher', ['math']), 'archived', '已归档，不能再新建同课异构设计'],
    ['a teacher of another group', actor('wu', 'teacher', ['physics']), 'draft', '只有本备课组的老师可以做同课异构'],
    ['a guest', actor('sun', 'guest', ['math']), 'draft', '只有本备课组的老师可以做同课异构'],
    ['the office', actor('zhou', 'admin', []), 'draft', '只有本备课组的老师可以做同课异构'],
    ['another school', actor('x', 'teacher', ['math'], 'other'), 'draft', '这是其他学校的课'],
  ] as const)('refuses %s', (_who, who, stage, reason) => {
    expect(decideVariant(who, lesson(stage))).toEqual({ allowed: false, reason })
  })
})
