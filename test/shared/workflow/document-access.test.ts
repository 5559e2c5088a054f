import { describe, expect, it } from 'vitest'
import type { Actor, Role } from '../../../shared/access.ts'
import { type DocumentContext, documentAccess } from '../../../shared/workflow/document-access.ts'
import type { LessonContext } from '../../../shared/workflow/lesson-rules.ts'
import type { LessonStage } from '../../../shared/workflow/stages.ts'

function actor(userId: string, role: Role, groupIds: string[], schoolId = 's1'): Actor {
  return { userId, role, schoolId, groupIds }
}

const leader = actor('leader', 'leader', ['math7'])
const author = actor('author', 'teacher', ['math7'])
const member = actor('member', 'teacher', ['math7'])
const mentor = actor('mentor', 'teacher', ['chinese7'])
const colleague = actor('colleague', 'teacher', ['chinese7'])
const office = actor('office', 'admin', [])
const guest = actor('guest', 'guest', ['math7'])
const outsider = actor('outsider', 'teacher', ['math7'], 's2')

function lesson(stage: LessonStage, liveReviewOpen = false): LessonContext {
  return {
    schoolId: 's1',
    groupId: 'math7',
    stage,
    leadPreparerId: 'author',
    liveReviewOpen,
    leadPreparerMentorIds: ['mentor'],
    hasVersions: stage !== 'draft' && stage !== 'review',
  }
}

function plan(lessonContext: LessonContext | null): DocumentContext {
  return {
    kind: 'lesson-plan',
    schoolId: 's1',
    groupId: 'math7',
    ownerId: 'leader',
    ownerMentorIds: [],
    lesson: lessonContext,
  }
}

function own(kind: DocumentContext['kind'], stage: LessonStage): DocumentContext {
  return {
    kind,
    schoolId: 's1',
    groupId: 'math7',
    ownerId: 'member',
    ownerMentorIds: ['mentor'],
    lesson: lesson(stage),
  }
}

describe('documentAccess of a free plan (no lesson)', () => {
  it.each([
    [leader, 'edit'],
    [member, 'edit'],
    [colleague, 'read'],
    [office, 'read'],
    [guest, 'read'],
    [outsider, null],
  ] as const)('%o → %s', (who, expected) => {
    expect(documentAccess(who, plan(null))).toBe(expected)
  })

  it('gives the owner’s mentor from another group comment access', () => {
    const apprenticeDraft: DocumentContext = { ...plan(null), ownerId: 'member', ownerMentorIds: ['mentor'] }
    expect(documentAccess(mentor, apprenticeDraft)).toBe('comment')
    expect(documentAccess(colleague, apprenticeDraft)).toBe('read')
  })
})

describe('documentAccess of a lesson’s shared plan follows the lesson rules', () => {
  const stages: LessonStage[] = ['draft', 'review', 'finalized', 'adapting', 'reflecting', 'archived']
  // Per stage, in the order above.
  const table: [string, Actor, boolean, (string | null)[]][] = [
    ['leader', leader, false, ['edit', 'edit', 'comment', 'comment', 'comment', 'read']],
    ['主备人', author, false, ['edit', 'edit', 'comment', 'comment', 'comment', 'read']],
    ['member', member, false, ['comment', 'comment', 'comment', 'comment', 'comment', 'read']],
    ['member, 集体研讨 open', member, true, ['comment', 'edit', 'comment', 'comment', 'comment', 'read']],
    ['mentor of the 主备人', mentor, false, ['comment', 'comment', 'comment', 'comment', 'comment', 'read']],
    ['colleague of another group', colleague, false, ['read', 'read', 'read', 'read', 'read', 'read']],
    ['office', office, false, ['comment', 'comment', 'comment', 'comment', 'comment', 'read']],
    ['guest', guest, true, ['comment', 'comment', 'comment', 'comment', 'comment', 'read']],
    ['another school', outsider, true, [null, null, null, null, null, null]],
  ]
  for (const [name, who, live, expected] of table) {
    it(`${name}: ${expected.join(' ')}`, () => {
      expect(stages.map((stage) => documentAccess(who, plan(lesson(stage, live))))).toEqual(expected)
    })
  }
})

describe('documentAccess of a teacher’s own documents', () => {
  const stages: LessonStage[] = ['draft', 'review', 'finalized', 'adapting', 'reflecting', 'archived']
  const kinds = ['adaptation', 'reflection', 'variant'] as const
  // Per stage, in the order above; the same for each kind of own document.
  const table: [string, Actor, (string | null)[]][] = [
    ['the owner', member, ['edit', 'edit', 'edit', 'edit', 'edit', 'read']],
    ['the owner’s mentor', mentor, ['comment', 'comment', 'comment', 'comment', 'comment', 'read']],
    ['leader', leader, ['comment', 'comment', 'comment', 'comment', 'comment', 'read']],
    ['主备人', author, ['read', 'read', 'read', 'read', 'read', 'read']],
    ['office', office, ['read', 'read', 'read', 'read', 'read', 'read']],
    ['guest', guest, ['read', 'read', 'read', 'read', 'read', 'read']],
    ['another school', outsider, [null, null, null, null, null, null]],
  ]
  for (const kind of kinds) {
    for (const [name, who, expected] of table) {
      it(`${kind}, ${name}: ${expected.join(' ')}`, () => {
        expect(stages.map((stage) => documentAccess(who, own(kind, stage)))).toEqual(expected)
      })
    }
  }

  it('keeps a teacher’s 二次备课 editable when the shared plan is reopened for 研讨', () => {
    // Guards against 重新研讨 freezing every teacher's adaptation and dropping their offline edits.
    expect(documentAccess(member, own('adaptation', 'review'))).toBe('edit')
  })
})

describe('an outside expert’s groups', () => {
  const uninvited = actor('uninvited', 'guest', ['chinese7'])

  it('[SCHOOL-7] a 校外教研员 reads and comments only in the groups they were invited to', () => {
    expect(documentAccess(guest, plan(lesson('review')))).toBe('comment')
    expect(documentAccess(uninvited, plan(lesson('review')))).toBeNull()
    expect(documentAccess(uninvited, plan(null))).toBeNull()
    expect(documentAccess(uninvited, own('reflection', 'reflecting'))).toBeNull()
  })
})
