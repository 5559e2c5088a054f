import { describe, expect, it } from 'vitest'
import type { DocumentContext } from '../../../shared/workflow/document-access.ts'
import type { LessonContext } from '../../../shared/workflow/lesson-rules.ts'
import { readOnlyReason } from '../../../shared/workflow/read-only-reason.ts'
import type { LessonStage } from '../../../shared/workflow/stages.ts'

function lesson(stage: LessonStage): LessonContext {
  return {
    schoolId: 's1',
    groupId: 'math7',
    stage,
    leadPreparerId: 'author',
    liveReviewOpen: false,
    leadPreparerMentorIds: [],
    hasVersions: stage !== 'draft' && stage !== 'review',
  }
}

function documentOf(kind: DocumentContext['kind'], stage: LessonStage | null): DocumentContext {
  return {
    kind,
    schoolId: 's1',
    groupId: 'math7',
    ownerId: 'author',
    ownerMentorIds: [],
    lesson: stage === null ? null : lesson(stage),
  }
}

describe('readOnlyReason', () => {
  it('[SYNC-7] gives none to whoever may write the text', () => {
    expect(readOnlyReason('edit', documentOf('lesson-plan', 'draft'), null)).toBeNull()
  })

  it.each([
    ['finalized', 1, '组长已定稿（v1），正文已锁定；要修改请在二次备课中进行'],
    ['adapting', 2, '组长已定稿（v2），正文已锁定；要修改请在二次备课中进行'],
    ['reflecting', null, '组长已定稿，正文已锁定；要修改请在二次备课中进行'],
    ['archived', 3, '这节课已归档，正文已锁定'],
    ['draft', null, '主备阶段只有主备人和备课组长可以修改正文'],
    ['review', null, '研讨阶段由主备人和组长修改正文；组长开启集体研讨后全组都可以修改'],
  ] as const)('[SYNC-7] says why a shared plan in %s cannot be written', (stage, version, reason) => {
    expect(readOnlyReason('comment', documentOf('lesson-plan', stage), version)).toBe(reason)
  })

  it('[SYNC-7] says whose document another teacher’s 二次备课 is, and what one may still do', () => {
    expect(readOnlyReason('comment', documentOf('adaptation', 'adapting'), 1)).toBe(
      '这是其他老师的二次备课，你只能批注',
    )
    expect(readOnlyReason('read', documentOf('reflection', 'reflecting'), 1)).toBe('这是其他老师的课后反思，你只能查看')
    expect(readOnlyReason('read', documentOf('reflection', 'archived'), 1)).toBe('这节课已归档，正文已锁定')
  })

  it('[SYNC-7] covers a free plan and lost access', () => {
    expect(readOnlyReason('read', documentOf('lesson-plan', null), null)).toBe('只有本备课组的老师可以修改这份导学案')
    expect(readOnlyReason(null, documentOf('lesson-plan', 'draft'), null)).toBe('你已无权访问此文档')
  })
})
