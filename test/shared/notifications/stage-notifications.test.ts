import { describe, expect, it } from 'vitest'
import { type StageChange, stageNotifications } from '../../../shared/notifications/stage-notifications.ts'
import type { LessonStage } from '../../../shared/workflow/stages.ts'

function change(from: LessonStage, to: LessonStage, actorId = 'wang', versionNumber?: number): StageChange {
  return {
    lessonId: 'lesson1',
    lessonTitle: '2.2 整式的加减',
    from,
    to,
    actorId,
    actorName: '王老师',
    leadPreparerId: 'zhao',
    leadPreparerMentorIds: ['chen'],
    memberIds: ['wang', 'li', 'zhao'],
    versionNumber,
  }
}

describe('stageNotifications', () => {
  it.each([
    ['draft', 'review', 'zhao', ['wang', 'li', 'chen'], '赵老师 将《2.2 整式的加减》提交研讨，请阅读并提出意见'],
    ['review', 'draft', 'wang', ['zhao'], '王老师 将《2.2 整式的加减》退回修改'],
    [
      'finalized',
      'adapting',
      'wang',
      ['li', 'zhao'],
      '王老师 宣布《2.2 整式的加减》开始二次备课，请按自己班级的情况调整',
    ],
    [
      'adapting',
      'reflecting',
      'wang',
      ['li', 'zhao'],
      '王老师 将《2.2 整式的加减》转入课后反思阶段，上完课请写课后反思',
    ],
    ['reflecting', 'archived', 'wang', ['zhao'], '王老师 已将《2.2 整式的加减》归档'],
    ['adapting', 'review', 'wang', ['li', 'zhao'], '王老师 将《2.2 整式的加减》重新打开研讨'],
  ] as const)('%s → %s by %s tells %j', (from, to, actorId, recipients, text) => {
    const named = { ...change(from, to, actorId), actorName: actorId === 'zhao' ? '赵老师' : '王老师' }
    const drafts = stageNotifications(named)
    expect(drafts.map((draft) => draft.userId)).toEqual(recipients)
    for (const draft of drafts) {
      expect(draft).toEqual({
        userId: draft.userId,
        kind: 'stage',
        documentId: null,
        lessonId: 'lesson1',
        threadId: null,
        actorId,
        text,
      })
    }
  })

  it('定稿 tells everyone but the leader who made it to start 二次备课, with the version', () => {
    const drafts = stageNotifications(change('review', 'finalized', 'wang', 2))
    expect(drafts.map((draft) => [draft.userId, draft.text])).toEqual([
      ['li', '王老师 已将《2.2 整式的加减》定稿（第 2 版），请开始二次备课'],
      ['zhao', '王老师 已将《2.2 整式的加减》定稿（第 2 版），请开始二次备课'],
    ])
  })

  it('[LIBRARY-8] a new 磨课 round tells the whole group, not 退回修改', () => {
    const drafts = stageNotifications({ ...change('reflecting', 'draft', 'zhao'), actorName: '赵老师', roundNumber: 2 })
    expect(drafts.map((draft) => [draft.userId, draft.text])).toEqual([
      ['wang', '赵老师 开始了《2.2 整式的加减》的第二轮磨课'],
      ['li', '赵老师 开始了《2.2 整式的加减》的第二轮磨课'],
    ])
  })

  it('tells a mentor who is also a member once', () => {
    const drafts = stageNotifications({ ...change('draft', 'review', 'zhao'), memberIds: ['wang', 'chen', 'zhao'] })
    expect(drafts.map((draft) => draft.userId)).toEqual(['wang', 'chen'])
  })
})
