/**
 * The lesson rules as a table, written from the product (the workflow of DOMAIN.md) rather than from the code:
 * every kind of actor × every stage × every action, with 集体研讨 open and closed, and for stage changes
 * every target stage.
 */
import { describe, expect, it } from 'vitest'
import type { Actor, Role } from '../../../shared/access.ts'
import { decide, type LessonAction, type LessonContext, lessonActions } from '../../../shared/workflow/lesson-rules.ts'
import { type LessonStage, lessonStages } from '../../../shared/workflow/stages.ts'

function actor(userId: string, role: Role, groupIds: string[], schoolId = 'garden'): Actor {
  return { userId, role, schoolId, groupIds }
}

/** The lesson belongs to 七年级数学 (math7) of 花园实验中学; 李老师 (lead) prepares it, 陈老师 mentors her. */
const actors = {
  leader: actor('wang', 'leader', ['math7']),
  lead: actor('li', 'teacher', ['math7']),
  member: actor('zhang', 'teacher', ['math7']),
  otherLeader: actor('he', 'leader', ['chinese7']),
  mentorOutside: actor('chen', 'teacher', ['math8']),
  colleague: actor('zhou', 'teacher', ['chinese7']),
  office: actor('office', 'admin', []),
  guest: actor('sun', 'guest', ['math7']),
  otherSchool: actor('xu', 'leader', ['math7'], 'riverside'),
} as const
type ActorKind = keyof typeof actors
const actorKinds = Object.keys(actors) as ActorKind[]

function lesson(stage: LessonStage, liveReviewOpen: boolean, hasVersions = false): LessonContext {
  return {
    schoolId: 'garden',
    groupId: 'math7',
    stage,
    leadPreparerId: 'li',
    liveReviewOpen,
    leadPreparerMentorIds: ['chen'],
    hasVersions,
  }
}

const Y = true
const N = false
/** Columns in stage order: draft, review, finalized, adapting, reflecting, archived. */
type ByStage = readonly [boolean, boolean, boolean, boolean, boolean, boolean]
type Table = Record<ActorKind, ByStage>

// prettier-ignore
const view: Table = {
  //              draft review final adapt reflect archived
  leader:        [Y,    Y,     Y,    Y,    Y,      Y],
  lead:          [Y,    Y,     Y,    Y,    Y,      Y],
  member:        [Y,    Y,     Y,    Y,    Y,      Y],
  otherLeader:   [Y,    Y,     Y,    Y,    Y,      Y],
  mentorOutside: [Y,    Y,     Y,    Y,    Y,      Y],
  colleague:     [Y,    Y,     Y,    Y,    Y,      Y],
  office:        [Y,    Y,     Y,    Y,    Y,      Y],
  guest:         [Y,    Y,     Y,    Y,    Y,      Y],
  otherSchool:   [N,    N,     N,    N,    N,      N],
}

// prettier-ignore
const comment: Table = {
  //              draft review final adapt reflect archived
  leader:        [Y,    Y,     Y,    Y,    Y,      N],
  lead:          [Y,    Y,     Y,    Y,    Y,      N],
  member:        [Y,    Y,     Y,    Y,    Y,      N],
  otherLeader:   [N,    N,     N,    N,    N,      N],
  mentorOutside: [Y,    Y,     Y,    Y,    Y,      N],
  colleague:     [N,    N,     N,    N,    N,      N],
  office:        [Y,    Y,     Y,    Y,    Y,      N],
  guest:         [Y,    Y,     Y,    Y,    Y,      N],
  otherSchool:   [N,    N,     N,    N,    N,      N],
}

// prettier-ignore
const editWhileLiveReviewClosed: Table = {
  //              draft review final adapt reflect archived
  leader:        [Y,    Y,     N,    N,    N,      N],
  lead:          [Y,    Y,     N,    N,    N,      N],
  member:        [N,    N,     N,    N,    N,      N],
  otherLeader:   [N,    N,     N,    N,    N,      N],
  mentorOutside: [N,    N,     N,    N,    N,      N],
  colleague:     [N,    N,     N,    N,    N,      N],
  office:        [N,    N,     N,    N,    N,      N],
  guest:         [N,    N,     N,    N,    N,      N],
  otherSchool:   [N,    N,     N,    N,    N,      N],
}

/** 集体研讨 lets every member of the group edit; it means nothing outside the review stage. */
// prettier-ignore
const editWhileLiveReviewOpen: Table = {
  //              draft review final adapt reflect archived
  leader:        [Y,    Y,     N,    N,    N,      N],
  lead:          [Y,    Y,     N,    N,    N,      N],
  member:        [N,    Y,     N,    N,    N,      N],
  otherLeader:   [N,    N,     N,    N,    N,      N],
  mentorOutside: [N,    N,     N,    N,    N,      N],
  colleague:     [N,    N,     N,    N,    N,      N],
  office:        [N,    N,     N,    N,    N,      N],
  guest:         [N,    N,     N,    N,    N,      N],
  otherSchool:   [N,    N,     N,    N,    N,      N],
}

/** Only the leader freezes the agreed version, and only out of the review. */
// prettier-ignore
const finalize: Table = {
  //              draft review final adapt reflect archived
  leader:        [N,    Y,     N,    N,    N,      N],
  lead:          [N,    N,     N,    N,    N,      N],
  member:        [N,    N,     N,    N,    N,      N],
  otherLeader:   [N,    N,     N,    N,    N,      N],
  mentorOutside: [N,    N,     N,    N,    N,      N],
  colleague:     [N,    N,     N,    N,    N,      N],
  office:        [N,    N,     N,    N,    N,      N],
  guest:         [N,    N,     N,    N,    N,      N],
  otherSchool:   [N,    N,     N,    N,    N,      N],
}

/** Every teacher of the group (the leader teaches too) adapts the frozen plan for their class. */
// prettier-ignore
const adapt: Table = {
  //              draft review final adapt reflect archived
  leader:        [N,    N,     Y,    Y,    Y,      N],
  lead:          [N,    N,     Y,    Y,    Y,      N],
  member:        [N,    N,     Y,    Y,    Y,      N],
  otherLeader:   [N,    N,     N,    N,    N,      N],
  mentorOutside: [N,    N,     N,    N,    N,      N],
  colleague:     [N,    N,     N,    N,    N,      N],
  office:        [N,    N,     N,    N,    N,      N],
  guest:         [N,    N,     N,    N,    N,      N],
  otherSchool:   [N,    N,     N,    N,    N,      N],
}

// prettier-ignore
const reflect: Table = {
  //              draft review final adapt reflect archived
  leader:        [N,    N,     N,    Y,    Y,      N],
  lead:          [N,    N,     N,    Y,    Y,      N],
  member:        [N,    N,     N,    Y,    Y,      N],
  otherLeader:   [N,    N,     N,    N,    N,      N],
  mentorOutside: [N,    N,     N,    N,    N,      N],
  colleague:     [N,    N,     N,    N,    N,      N],
  office:        [N,    N,     N,    N,    N,      N],
  guest:         [N,    N,     N,    N,    N,      N],
  otherSchool:   [N,    N,     N,    N,    N,      N],
}

/** Planning the semester (四定): the group's own leader or the office, a leader of another group not. */
// prettier-ignore
const manage: Table = {
  //              draft review final adapt reflect archived
  leader:        [Y,    Y,     Y,    Y,    Y,      Y],
  lead:          [N,    N,     N,    N,    N,      N],
  member:        [N,    N,     N,    N,    N,      N],
  otherLeader:   [N,    N,     N,    N,    N,      N],
  mentorOutside: [N,    N,     N,    N,    N,      N],
  colleague:     [N,    N,     N,    N,    N,      N],
  office:        [Y,    Y,     Y,    Y,    Y,      Y],
  guest:         [N,    N,     N,    N,    N,      N],
  otherSchool:   [N,    N,     N,    N,    N,      N],
}

// prettier-ignore
const liveReview: Table = {
  //              draft review final adapt reflect archived
  leader:        [N,    Y,     N,    N,    N,      N],
  lead:          [N,    N,     N,    N,    N,      N],
  member:        [N,    N,     N,    N,    N,      N],
  otherLeader:   [N,    N,     N,    N,    N,      N],
  mentorOutside: [N,    N,     N,    N,    N,      N],
  colleague:     [N,    N,     N,    N,    N,      N],
  office:        [N,    N,     N,    N,    N,      N],
  guest:         [N,    N,     N,    N,    N,      N],
  otherSchool:   [N,    N,     N,    N,    N,      N],
}

/** A plan entry can be dropped only before the group has reviewed it. */
// prettier-ignore
const remove: Table = {
  //              draft review final adapt reflect archived
  leader:        [Y,    N,     N,    N,    N,      N],
  lead:          [N,    N,     N,    N,    N,      N],
  member:        [N,    N,     N,    N,    N,      N],
  otherLeader:   [N,    N,     N,    N,    N,      N],
  mentorOutside: [N,    N,     N,    N,    N,      N],
  colleague:     [N,    N,     N,    N,    N,      N],
  office:        [Y,    N,     N,    N,    N,      N],
  guest:         [N,    N,     N,    N,    N,      N],
  otherSchool:   [N,    N,     N,    N,    N,      N],
}

/**
 * Once finalized, its versions are the group's record: a lesson sent back to 主备 (or one whose
 * versions exist in any stage) cannot be dropped by anyone.
 */
// prettier-ignore
const removeWithVersions: Table = {
  //              draft review final adapt reflect archived
  leader:        [N,    N,     N,    N,    N,      N],
  lead:          [N,    N,     N,    N,    N,      N],
  member:        [N,    N,     N,    N,    N,      N],
  otherLeader:   [N,    N,     N,    N,    N,      N],
  mentorOutside: [N,    N,     N,    N,    N,      N],
  colleague:     [N,    N,     N,    N,    N,      N],
  office:        [N,    N,     N,    N,    N,      N],
  guest:         [N,    N,     N,    N,    N,      N],
  otherSchool:   [N,    N,     N,    N,    N,      N],
}

/** The 集体备课记录: kept by the leader or the 主备人 (主讲人), closed with the archive. */
// prettier-ignore
const recordMeeting: Table = {
  //              draft review final adapt reflect archived
  leader:        [Y,    Y,     Y,    Y,    Y,      N],
  lead:          [Y,    Y,     Y,    Y,    Y,      N],
  member:        [N,    N,     N,    N,    N,      N],
  otherLeader:   [N,    N,     N,    N,    N,      N],
  mentorOutside: [N,    N,     N,    N,    N,      N],
  colleague:     [N,    N,     N,    N,    N,      N],
  office:        [N,    N,     N,    N,    N,      N],
  guest:         [N,    N,     N,    N,    N,      N],
  otherSchool:   [N,    N,     N,    N,    N,      N],
}

/**
 * [LIBRARY-8] The next 磨课 round starts from a finalized plan, by its 主备人 or the leader; the table is
 * for a lesson with versions; without one there is no round to start from and everyone is refused.
 */
// prettier-ignore
const startRound: Table = {
  //              draft review final adapt reflect archived
  leader:        [N,    N,     Y,    Y,    Y,      N],
  lead:          [N,    N,     Y,    Y,    Y,      N],
  member:        [N,    N,     N,    N,    N,      N],
  otherLeader:   [N,    N,     N,    N,    N,      N],
  mentorOutside: [N,    N,     N,    N,    N,      N],
  colleague:     [N,    N,     N,    N,    N,      N],
  office:        [N,    N,     N,    N,    N,      N],
  guest:         [N,    N,     N,    N,    N,      N],
  otherSchool:   [N,    N,     N,    N,    N,      N],
}

/** [LIBRARY-12] The 单元: who plans the lesson, and its 主备人 until it is archived. */
// prettier-ignore
const setUnit: Table = {
  //              draft review final adapt reflect archived
  leader:        [Y,    Y,     Y,    Y,    Y,      Y],
  lead:          [Y,    Y,     Y,    Y,    Y,      N],
  member:        [N,    N,     N,    N,    N,      N],
  otherLeader:   [N,    N,     N,    N,    N,      N],
  mentorOutside: [N,    N,     N,    N,    N,      N],
  colleague:     [N,    N,     N,    N,    N,      N],
  office:        [Y,    Y,     Y,    Y,    Y,      Y],
  guest:         [N,    N,     N,    N,    N,      N],
  otherSchool:   [N,    N,     N,    N,    N,      N],
}

/** Which stages each actor may move the lesson to, from each stage. Everything not listed is refused. */
const moves: Record<LessonStage, Partial<Record<ActorKind, LessonStage[]>>> = {
  draft: { leader: ['review'], lead: ['review'] },
  review: { leader: ['draft', 'finalized'], lead: ['draft'] },
  finalized: { leader: ['adapting', 'review'] },
  adapting: { leader: ['reflecting', 'review'] },
  reflecting: { leader: ['archived', 'review'] },
  archived: {},
}

const tables: Record<Exclude<LessonAction, 'edit' | 'changeStage'>, Table> = {
  view,
  comment,
  finalize,
  adapt,
  reflect,
  manage,
  liveReview,
  delete: remove,
  recordMeeting,
  // Every cell refused, as for deleting a lesson with versions.
  startRound: removeWithVersions,
  setUnit,
}

/** Having versions changes whether a plan entry can be deleted, and lets a next 磨课 round start. */
const tablesWithVersions: typeof tables = { ...tables, delete: removeWithVersions, startRound }

const liveReviewStates = [false, true] as const

function cases(table: (liveReviewOpen: boolean) => Table) {
  return liveReviewStates.flatMap((liveReviewOpen) =>
    actorKinds.flatMap((kind) =>
      lessonStages.map((stage, column) => ({
        kind,
        stage,
        liveReviewOpen,
        expected: table(liveReviewOpen)[kind][column]!,
      })),
    ),
  )
}

function expectDecision(
  action: LessonAction,
  kind: ActorKind,
  context: LessonContext,
  expected: boolean,
  target?: LessonStage,
) {
  const decision = decide(action, actors[kind], context, target)
  expect(decision.allowed).toBe(expected)
  if (!decision.allowed) expect(decision.reason).toMatch(/[\u4e00-\u9fff]/)
}

describe('lesson rules table', () => {
  it('has a table for every action', () => {
    expect([...Object.keys(tables), 'edit', 'changeStage'].sort()).toEqual([...lessonActions].sort())
  })

  for (const [hasVersions, byAction] of [
    [false, tables],
    [true, tablesWithVersions],
  ] as const) {
    for (const [action, table] of Object.entries(byAction) as [keyof typeof tables, Table][]) {
      it.each(cases(() => table))(
        `${action}: $kind in $stage (集体研讨 open: $liveReviewOpen, versions: ${hasVersions}) → $expected`,
        (row) => expectDecision(action, row.kind, lesson(row.stage, row.liveReviewOpen, hasVersions), row.expected),
      )
    }
  }

  it.each(cases((open) => (open ? editWhileLiveReviewOpen : editWhileLiveReviewClosed)))(
    'edit: $kind in $stage (集体研讨 open: $liveReviewOpen) → $expected',
    (row) => expectDecision('edit', row.kind, lesson(row.stage, row.liveReviewOpen), row.expected),
  )

  const stageMoves = liveReviewStates.flatMap((liveReviewOpen) =>
    actorKinds.flatMap((kind) =>
      lessonStages.flatMap((from) =>
        lessonStages.map((to) => ({
          kind,
          from,
          to,
          liveReviewOpen,
          expected: moves[from][kind]?.includes(to) ?? false,
        })),
      ),
    ),
  )
  it.each(stageMoves)('changeStage: $kind moves $from → $to (集体研讨 open: $liveReviewOpen) → $expected', (row) => {
    expectDecision('changeStage', row.kind, lesson(row.from, row.liveReviewOpen), row.expected, row.to)
  })
})

describe('lesson rules: reasons', () => {
  it('names the move a teacher may not make', () => {
    expect(decide('changeStage', actors.lead, lesson('review', false), 'finalized')).toEqual({
      allowed: false,
      reason: '只有备课组长可以定稿',
    })
  })

  it('explains a move the state machine does not have', () => {
    expect(decide('changeStage', actors.leader, lesson('draft', false), 'finalized')).toEqual({
      allowed: false,
      reason: '不能从「主备」直接进入「定稿」',
    })
  })

  it('refuses a stage change without a target', () => {
    expect(decide('changeStage', actors.leader, lesson('draft', false)).allowed).toBe(false)
  })

  it('refuses to delete a lesson sent back to 主备 after its 定稿, naming why', () => {
    // Guards against the rule living only in the server, where the plan page could not tell.
    expect(decide('delete', actors.leader, lesson('draft', false, true))).toEqual({
      allowed: false,
      reason: '这节课已经定稿过，不能删除，可以修改安排',
    })
  })

  it('[LIBRARY-8] says who may start the next 磨课 round, and when', () => {
    expect(decide('startRound', actors.member, lesson('reflecting', false, true))).toEqual({
      allowed: false,
      reason: '只有主备人或备课组长可以开始下一轮磨课',
    })
    expect(decide('startRound', actors.lead, lesson('review', false, true))).toEqual({
      allowed: false,
      reason: '这一轮还没有定稿，定稿并上课后才能开始下一轮磨课',
    })
    expect(decide('startRound', actors.lead, lesson('archived', false, true))).toEqual({
      allowed: false,
      reason: '已归档，不能再开始新一轮磨课',
    })
  })

  it('says why a frozen plan cannot be edited', () => {
    expect(decide('edit', actors.leader, lesson('finalized', false))).toEqual({
      allowed: false,
      reason: '已定稿，共享导学案不能再修改',
    })
  })
})

describe('lesson rules: outside experts', () => {
  it('[SCHOOL-7] a 校外教研员 sees no lesson of a group they were not invited to', () => {
    const uninvited = actor('sun', 'guest', ['chinese7'])
    for (const action of ['view', 'comment'] as const) {
      expect(decide(action, uninvited, lesson('review', false))).toEqual({
        allowed: false,
        reason: '校外教研员只能查看受邀的备课组',
      })
      expect(decide(action, actors.guest, lesson('review', false)).allowed).toBe(true)
    }
  })
})
