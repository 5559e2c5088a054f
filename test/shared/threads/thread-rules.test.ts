import { describe, expect, it } from 'vitest'
import type { Actor } from '../../../shared/access.ts'
import {
  isThreadModerator,
  mayChangeOwn,
  mayCreateThread,
  mayDecideSuggestion,
  mayReply,
  mayResolve,
  type ThreadActor,
} from '../../../shared/threads/thread-rules.ts'
import type { DocumentContext } from '../../../shared/workflow/document-access.ts'
import type { LessonContext } from '../../../shared/workflow/lesson-rules.ts'

const actor = (access: ThreadActor['access'], userId = 'wang', moderator = false): ThreadActor => ({
  userId,
  access,
  moderator,
})

describe('creating threads and replies', () => {
  it.each([
    ['edit', true],
    ['comment', true],
    ['read', false],
  ] as const)('with %s access: %s', (access, allowed) => {
    expect(mayCreateThread(actor(access)).allowed).toBe(allowed)
    expect(mayReply(actor(access)).allowed).toBe(allowed)
  })
})

describe('editing and deleting', () => {
  it.each([
    ['the author, commenting', actor('comment'), true],
    ['the author, editing', actor('edit'), true],
    ['the author, now only reading', actor('read'), false],
    ['another member', actor('comment', 'li'), false],
    ['the document owner', actor('edit', 'zhang', true), false],
  ])('%s: %s', (_who, who, allowed) => {
    expect(mayChangeOwn(who, 'wang').allowed).toBe(allowed)
  })
})

describe('resolving and reopening', () => {
  it.each([
    ['the thread’s author', actor('comment'), true],
    ['the owner or the leader', actor('edit', 'zhang', true), true],
    ['a moderator who may only read now', actor('read', 'zhang', true), false],
    ['another member', actor('comment', 'li'), false],
  ])('%s: %s', (_who, who, allowed) => {
    const decision = mayResolve(who, 'wang')
    expect(decision.allowed).toBe(allowed)
    if (!decision.allowed) expect(decision.reason).toMatch(/批注|只读/)
  })
})

describe('deciding a suggestion', () => {
  it.each([
    ['the owner or the leader, editing', actor('edit', 'zhang', true), true, true],
    ['a moderator who may only comment', actor('comment', 'zhang', true), false, true],
    ['a moderator who may only read now', actor('read', 'zhang', true), false, false],
    ['its author, editing', actor('edit'), false, false],
    ['another member, editing', actor('edit', 'li'), false, false],
  ])('%s: accept %s, reject %s', (_who, who, accept, reject) => {
    expect(mayDecideSuggestion(who, 'accepted').allowed).toBe(accept)
    expect(mayDecideSuggestion(who).allowed).toBe(accept)
    expect(mayDecideSuggestion(who, 'rejected').allowed).toBe(reject)
  })
})

describe('isThreadModerator', () => {
  const lesson: LessonContext = {
    schoolId: 's1',
    groupId: 'g1',
    stage: 'review',
    leadPreparerId: 'zhang',
    liveReviewOpen: false,
    leadPreparerMentorIds: [],
    hasVersions: false,
  }
  const plan: DocumentContext = {
    kind: 'lesson-plan',
    schoolId: 's1',
    groupId: 'g1',
    ownerId: 'creator',
    ownerMentorIds: [],
    lesson,
  }
  const person = (userId: string, role: Actor['role'] = 'teacher', groupIds = ['g1']): Actor => ({
    userId,
    role,
    schoolId: 's1',
    groupIds,
  })

  it.each([
    ['the 主备人 of a lesson’s plan', person('zhang'), plan, true],
    ['the creator of a lesson’s plan who is not its 主备人', person('creator'), plan, false],
    ['the creator of a free plan', person('creator'), { ...plan, lesson: null }, true],
    ['the leader of the group', person('chen', 'leader'), plan, true],
    ['a leader of another group', person('chen', 'leader', ['g2']), plan, false],
    ['the teacher of an adaptation', person('li'), { ...plan, kind: 'adaptation', ownerId: 'li' }, true],
    ['the 主备人 on someone else’s adaptation', person('zhang'), { ...plan, kind: 'adaptation', ownerId: 'li' }, false],
    ['the office', person('office', 'admin', []), plan, false],
  ] as const)('%s: %s', (_who, who, document, expected) => {
    expect(isThreadModerator(who, document as DocumentContext)).toBe(expected)
  })
})
