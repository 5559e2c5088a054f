import { describe, expect, it } from 'vitest'
import type { Actor } from '../../../shared/access.ts'
import { defaultThreadKind } from '../../../shared/threads/default-thread-kind.ts'
import type { DocumentContext, DocumentKind } from '../../../shared/workflow/document-access.ts'
import type { LessonStage } from '../../../shared/workflow/stages.ts'

const mentor: Actor = { userId: 'chen', role: 'teacher', schoolId: 's1', groupIds: ['chinese7'] }
const member: Actor = { userId: 'li', role: 'teacher', schoolId: 's1', groupIds: ['math7'] }
const sameIdElsewhere: Actor = { ...mentor, schoolId: 's2' }

function document(kind: DocumentKind, stage: LessonStage | null): DocumentContext {
  return {
    kind,
    schoolId: 's1',
    groupId: 'math7',
    // The leader created the plan; the apprentice owns adaptations and reflections and prepares the lesson.
    ownerId: kind === 'lesson-plan' ? 'leader' : 'zhao',
    ownerMentorIds: kind === 'lesson-plan' ? [] : ['chen'],
    lesson:
      stage === null
        ? null
        : {
            schoolId: 's1',
            groupId: 'math7',
            stage,
            leadPreparerId: 'zhao',
            liveReviewOpen: false,
            leadPreparerMentorIds: ['chen'],
            hasVersions: false,
          },
  }
}

describe('defaultThreadKind', () => {
  it.each([
    ['the apprentice’s draft, by the mentor', mentor, document('lesson-plan', 'draft'), 'mentorNote'],
    ['the apprentice’s adaptation, by the mentor', mentor, document('adaptation', 'adapting'), 'mentorNote'],
    ['the apprentice’s reflection, by the mentor', mentor, document('reflection', 'reflecting'), 'mentorNote'],
    ['a plan in 主备, by a member', member, document('lesson-plan', 'draft'), 'proposal'],
    ['a plan in 研讨, by a member', member, document('lesson-plan', 'review'), 'question'],
    ['a finalized plan, by a member', member, document('lesson-plan', 'finalized'), 'proposal'],
    ['a taught plan, by a member', member, document('lesson-plan', 'reflecting'), 'lessonReview'],
    ['an archived plan, by a member', member, document('lesson-plan', 'archived'), 'lessonReview'],
    ['a free plan, by a member', member, document('lesson-plan', null), 'proposal'],
    ['an adaptation, by a member', member, document('adaptation', 'adapting'), 'adaptation'],
    ['a reflection, by a member', member, document('reflection', 'reflecting'), 'reflection'],
    ['a variant, by a member', member, document('variant', 'review'), 'proposal'],
    [
      'the draft, by someone of another school with the mentor’s id',
      sameIdElsewhere,
      document('lesson-plan', 'draft'),
      'proposal',
    ],
  ] as const)('%s → %s', (_case, actor, context, expected) => {
    expect(defaultThreadKind(actor, context)).toBe(expected)
  })
})
