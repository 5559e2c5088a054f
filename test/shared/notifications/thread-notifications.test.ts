import { describe, expect, it } from 'vitest'
import type { Actor } from '../../../shared/access.ts'
import type { ThreadActivity } from '../../../shared/threads/thread-activity.ts'
import {
  documentOwnerId,
  type ThreadNotificationContext,
  threadNotifications,
} from '../../../shared/notifications/thread-notifications.ts'
import type { DocumentContext } from '../../../shared/workflow/document-access.ts'
import type { LessonContext } from '../../../shared/workflow/lesson-rules.ts'

const lesson: LessonContext = {
  schoolId: 's1',
  groupId: 'math7',
  stage: 'review',
  leadPreparerId: 'li',
  liveReviewOpen: false,
  leadPreparerMentorIds: ['chen'],
  hasVersions: false,
}
const plan: DocumentContext = {
  kind: 'lesson-plan',
  schoolId: 's1',
  groupId: 'math7',
  ownerId: 'wang',
  ownerMentorIds: [],
  lesson,
}
const adaptation: DocumentContext = { ...plan, kind: 'adaptation', ownerId: 'zhao', ownerMentorIds: ['chen'] }

const teacher = (userId: string, schoolId = 's1'): Actor => ({ userId, role: 'teacher', schoolId, groupIds: ['math7'] })

function contextFor(
  document: DocumentContext,
  earlierRepliers: Record<string, string[]> = {},
): ThreadNotificationContext {
  return {
    document,
    documentTitle: '2.2 整式的加减',
    lessonId: 'lesson1',
    actorName: '陈老师',
    mentionable: [teacher('zhang'), teacher('liu'), teacher('outsider', 's2'), teacher('li')],
    earlierRepliers,
  }
}

const created = (
  suggestion: boolean,
  mentions: string[] = [],
  kind: 'question' | 'mentorNote' = 'question',
): ThreadActivity => ({
  type: 'threadCreated',
  threadId: 't1',
  kind,
  suggestion,
  quote: '合并同类项',
  mentions,
})

function told(
  activity: ThreadActivity[],
  document = plan,
  actorId = 'chen',
  earlierRepliers: Record<string, string[]> = {},
) {
  return threadNotifications({ documentId: 'd1', actorId, activity }, contextFor(document, earlierRepliers)).map(
    (n) => [n.userId, n.kind, n.text],
  )
}

describe('documentOwnerId', () => {
  it.each([
    ['a lesson’s plan: its 主备人', plan, 'li'],
    ['a free plan: its creator', { ...plan, lesson: null }, 'wang'],
    ['an adaptation: its teacher', adaptation, 'zhao'],
  ])('%s', (_what, document, owner) => {
    expect(documentOwnerId(document)).toBe(owner)
  })
})

type Case = [string, ThreadActivity[], DocumentContext, string[][]]

describe('threadNotifications', () => {
  it.each<Case>([
    [
      'a new thread tells the 主备人 of a plan',
      [created(false)],
      plan,
      [['li', 'thread', '陈老师 在你的《2.2 整式的加减》中提出了质疑']],
    ],
    [
      'a mentor’s note on an apprentice’s adaptation tells the apprentice',
      [created(false, [], 'mentorNote')],
      adaptation,
      [['zhao', 'thread', '陈老师 在你的《2.2 整式的加减》中写了师徒批注']],
    ],
    [
      'a suggestion tells the owner',
      [created(true)],
      plan,
      [['li', 'suggestion', '陈老师 对你的《2.2 整式的加减》提出了修改建议']],
    ],
    [
      'mentions in a new thread tell the mentioned, the owner once',
      [created(false, ['zhang', 'li'])],
      plan,
      [
        ['zhang', 'mention', '陈老师 在《2.2 整式的加减》中@了你'],
        ['li', 'mention', '陈老师 在《2.2 整式的加减》中@了你'],
      ],
    ],
    [
      'a mention of someone who cannot open the document, or unknown, is dropped',
      [{ type: 'mentioned', threadId: 't1', userIds: ['outsider', 'nobody', 'liu'] }],
      plan,
      [['liu', 'mention', '陈老师 在《2.2 整式的加减》中@了你']],
    ],
    [
      'a reply tells the thread’s author and earlier repliers, each once',
      [{ type: 'replyAdded', threadId: 't1', replyId: 'r3', threadAuthorId: 'zhang', body: '同意', mentions: [] }],
      plan,
      [
        ['zhang', 'reply', '陈老师 回复了你在《2.2 整式的加减》中的批注'],
        ['liu', 'reply', '陈老师 也回复了《2.2 整式的加减》中你参与的批注'],
      ],
    ],
    [
      'a reply that also mentions its thread’s author is one notification, the mention',
      [
        {
          type: 'replyAdded',
          threadId: 't1',
          replyId: 'r3',
          threadAuthorId: 'zhang',
          body: '@张老师',
          mentions: ['zhang'],
        },
      ],
      plan,
      [
        ['zhang', 'mention', '陈老师 在《2.2 整式的加减》中@了你'],
        ['liu', 'reply', '陈老师 也回复了《2.2 整式的加减》中你参与的批注'],
      ],
    ],
    [
      'a reply mentioning a colleague tells her; one mentioning someone who cannot open the document tells nobody',
      [
        {
          type: 'replyAdded',
          threadId: 't1',
          replyId: 'r3',
          threadAuthorId: 'zhang',
          body: '@李老师 @外校',
          mentions: ['li', 'outsider', 'unknown'],
        },
      ],
      plan,
      [
        ['li', 'mention', '陈老师 在《2.2 整式的加减》中@了你'],
        ['zhang', 'reply', '陈老师 回复了你在《2.2 整式的加减》中的批注'],
        ['liu', 'reply', '陈老师 也回复了《2.2 整式的加减》中你参与的批注'],
      ],
    ],
    [
      'a reply’s mentions added when its author edits it tell the newly named',
      [{ type: 'mentioned', threadId: 't1', userIds: ['li'] }],
      plan,
      [['li', 'mention', '陈老师 在《2.2 整式的加减》中@了你']],
    ],
    [
      'resolving tells the thread’s author',
      [{ type: 'resolved', threadId: 't1', threadAuthorId: 'zhang' }],
      plan,
      [['zhang', 'resolved', '陈老师 将你在《2.2 整式的加减》中的批注标为已解决']],
    ],
    [
      'reopening tells the thread’s author',
      [{ type: 'reopened', threadId: 't1', threadAuthorId: 'zhang' }],
      plan,
      [['zhang', 'reopened', '陈老师 重新打开了你在《2.2 整式的加减》中的批注']],
    ],
    [
      'an accepted suggestion tells its author',
      [{ type: 'suggestionDecided', threadId: 't1', decision: 'accepted', suggestionAuthorId: 'zhang' }],
      plan,
      [['zhang', 'suggestionAccepted', '陈老师 采纳了你对《2.2 整式的加减》的修改建议']],
    ],
    [
      'a rejected suggestion tells its author',
      [{ type: 'suggestionDecided', threadId: 't1', decision: 'rejected', suggestionAuthorId: 'zhang' }],
      plan,
      [['zhang', 'suggestionRejected', '陈老师 没有采纳你对《2.2 整式的加减》的修改建议']],
    ],
  ])('%s', (_what, activity, document, expected) => {
    expect(told(activity, document, 'chen', { t1: ['liu', 'zhang', 'liu'] })).toEqual(expected)
  })

  it.each<[string, ThreadActivity[], string]>([
    ['creating a thread on one’s own plan', [created(false, ['li'])], 'li'],
    [
      'replying in one’s own thread, after replying before',
      [{ type: 'replyAdded', threadId: 't1', replyId: 'r2', threadAuthorId: 'li', body: '补充', mentions: [] }],
      'li',
    ],
    ['resolving one’s own thread', [{ type: 'resolved', threadId: 't1', threadAuthorId: 'li' }], 'li'],
    [
      'accepting one’s own suggestion',
      [{ type: 'suggestionDecided', threadId: 't1', decision: 'accepted', suggestionAuthorId: 'li' }],
      'li',
    ],
  ])('never tells the actor of their own doing: %s', (_what, activity, actorId) => {
    expect(told(activity, plan, actorId, { t1: ['li'] })).toEqual([])
  })

  it('tells of each thread in one update separately, with its thread and document', () => {
    const drafts = threadNotifications(
      { documentId: 'd1', actorId: 'chen', activity: [created(false), { ...created(true), threadId: 't2' }] },
      contextFor(plan),
    )
    expect(drafts).toEqual([
      expect.objectContaining({
        userId: 'li',
        kind: 'thread',
        threadId: 't1',
        documentId: 'd1',
        lessonId: 'lesson1',
        actorId: 'chen',
      }),
      expect.objectContaining({ userId: 'li', kind: 'suggestion', threadId: 't2' }),
    ])
  })
})
