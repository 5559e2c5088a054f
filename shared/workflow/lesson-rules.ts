/**
 * Who may do what with a lesson: pure rules over the actor's role, their relation to the lesson and
 * its stage. The server enforces them (REST and the WebSocket access level); the UI calls the same
 * functions to show only what will be allowed. A refusal carries the reason shown to the user.
 */
import type { Actor } from '../access.ts'
import {
  adaptationStages,
  type LessonStage,
  reflectionStages,
  roundStartStages,
  stageLabels,
  transitionBetween,
} from './stages.ts'

export const lessonActions = [
  'view',
  'comment',
  'edit',
  'changeStage',
  'finalize',
  'adapt',
  'reflect',
  'manage',
  'liveReview',
  'delete',
  'recordMeeting',
  'startRound',
  'setUnit',
] as const
export type LessonAction = (typeof lessonActions)[number]

export interface LessonContext {
  schoolId: string
  groupId: string
  stage: LessonStage
  leadPreparerId: string
  /** The leader opened 集体研讨: every member may edit the shared plan until it is closed. */
  liveReviewOpen: boolean
  /** Mentors of the 主备人 (师徒结对): they annotate their apprentice's design. */
  leadPreparerMentorIds: readonly string[]
  /** It has 定稿 versions, which stay the group's record even when the lesson is sent back to 主备. */
  hasVersions: boolean
}

export interface Relation {
  sameSchool: boolean
  /** Member of the lesson's group (guests never count as members). */
  member: boolean
  groupLeader: boolean
  leadPreparer: boolean
  mentorOfLeadPreparer: boolean
}

export type Decision = { allowed: true } | { allowed: false; reason: string }

const allowed: Decision = { allowed: true }
const refuse = (reason: string): Decision => ({ allowed: false, reason })

export function relationTo(actor: Actor, lesson: LessonContext): Relation {
  const sameSchool = actor.schoolId === lesson.schoolId
  const member = sameSchool && actor.role !== 'guest' && actor.groupIds.includes(lesson.groupId)
  return {
    sameSchool,
    member,
    groupLeader: member && actor.role === 'leader',
    leadPreparer: member && actor.userId === lesson.leadPreparerId,
    mentorOfLeadPreparer: sameSchool && lesson.leadPreparerMentorIds.includes(actor.userId),
  }
}

/**
 * Whether `actor` may do `action` on `lesson`. `changeStage` needs `target`, the stage to move to;
 * `finalize` is the move to `finalized`; `liveReview` opens or closes 集体研讨; `delete` removes the
 * plan entry with its 导学案; `recordMeeting` writes the 集体备课记录 of a review meeting; `startRound`
 * begins the next 磨课 round (docs/LIBRARY.md, LIBRARY-8); `setUnit` gives the lesson its 单元 (LIBRARY-12).
 */
export function decide(action: LessonAction, actor: Actor, lesson: LessonContext, target?: LessonStage): Decision {
  const relation = relationTo(actor, lesson)
  if (!relation.sameSchool) return refuse('这是其他学校的课')
  // [SCHOOL-7] An outside expert sees only the groups the office invited them to.
  if (actor.role === 'guest' && !actor.groupIds.includes(lesson.groupId))
    return refuse('校外教研员只能查看受邀的备课组')
  switch (action) {
    case 'view':
      return allowed
    case 'comment':
      return decideComment(actor, lesson, relation)
    case 'edit':
      return decideEdit(lesson, relation)
    case 'changeStage':
      return decideStageChange(lesson, relation, target)
    case 'finalize':
      return decideStageChange(lesson, relation, 'finalized')
    case 'adapt':
      if (!relation.member) return refuse('只有本备课组的老师可以做二次备课')
      if (!adaptationStages.includes(lesson.stage)) return refuse('定稿之后才能做二次备课')
      return allowed
    case 'reflect':
      if (!relation.member) return refuse('只有本备课组的老师可以写课后反思')
      if (!reflectionStages.includes(lesson.stage)) return refuse('进入二次备课或课后反思阶段后才能写反思')
      return allowed
    case 'manage':
      if (actor.role === 'admin' || relation.groupLeader) return allowed
      return refuse('只有备课组长或教导处可以安排备课计划')
    case 'liveReview':
      if (!relation.groupLeader) return refuse('只有备课组长可以开启或关闭集体研讨')
      if (lesson.stage !== 'review') return refuse('只有在研讨阶段才能开启集体研讨')
      return allowed
    case 'delete':
      if (actor.role !== 'admin' && !relation.groupLeader) return refuse('只有备课组长或教导处可以删除备课计划')
      // Once the group has reviewed it, the lesson and its versions are part of the group's record.
      if (lesson.stage !== 'draft') return refuse('已经进入研讨的课不能删除，可以修改安排')
      if (lesson.hasVersions) return refuse('这节课已经定稿过，不能删除，可以修改安排')
      return allowed
    case 'recordMeeting':
      // The leader runs the meeting and the 主备人 presents it (主讲人): either keeps its record.
      if (!relation.groupLeader && !relation.leadPreparer) return refuse('只有备课组长或主备人可以填写集体备课记录')
      if (lesson.stage === 'archived') return refuse('已归档，集体备课记录不能再修改')
      return allowed
    case 'startRound':
      return decideStartRound(lesson, relation)
    case 'setUnit':
      return decideSetUnit(actor, lesson, relation)
    default:
      return action satisfies never
  }
}

function decideComment(actor: Actor, lesson: LessonContext, relation: Relation): Decision {
  if (lesson.stage === 'archived') return refuse('已归档，不能再批注')
  const commenter = relation.member || relation.mentorOfLeadPreparer || actor.role === 'guest' || actor.role === 'admin'
  return commenter ? allowed : refuse('只有本组老师、师傅、教导处和受邀专家可以批注')
}

function decideEdit(lesson: LessonContext, relation: Relation): Decision {
  const author = relation.leadPreparer || relation.groupLeader
  switch (lesson.stage) {
    case 'draft':
      return author ? allowed : refuse('主备阶段只有主备人和备课组长可以修改')
    case 'review':
      if (author || (lesson.liveReviewOpen && relation.member)) return allowed
      return refuse('研讨阶段由主备人修改；组长开启集体研讨后全组都可以修改')
    default:
      return refuse(`已${stageLabels[lesson.stage]}，共享导学案不能再修改`)
  }
}

function decideStageChange(lesson: LessonContext, relation: Relation, target: LessonStage | undefined): Decision {
  if (!target) return refuse('没有指定要进入的阶段')
  const transition = transitionBetween(lesson.stage, target)
  if (!transition) return refuse(`不能从「${stageLabels[lesson.stage]}」直接进入「${stageLabels[target]}」`)
  if (relation.groupLeader) return allowed
  if (transition.by === 'leadPreparerOrLeader' && relation.leadPreparer) return allowed
  return refuse(
    transition.by === 'leader' ? `只有备课组长可以${transition.label}` : `只有主备人或备课组长可以${transition.label}`,
  )
}

/**
 * [LIBRARY-8] After 上课 and 评课 the 主备人 reworks the design (磨课): they or the leader start the next
 * round, which takes the finalized plan back to 主备.
 */
function decideStartRound(lesson: LessonContext, relation: Relation): Decision {
  if (!relation.groupLeader && !relation.leadPreparer) return refuse('只有主备人或备课组长可以开始下一轮磨课')
  if (lesson.stage === 'archived') return refuse('已归档，不能再开始新一轮磨课')
  if (!roundStartStages.includes(lesson.stage) || !lesson.hasVersions)
    return refuse('这一轮还没有定稿，定稿并上课后才能开始下一轮磨课')
  return allowed
}

/**
 * [LIBRARY-12] The 单元 files the lesson in the 资源库. Whoever plans the lesson may set it, as its other
 * fields; the 主备人 knows the textbook best and may too, until the lesson is archived.
 */
function decideSetUnit(actor: Actor, lesson: LessonContext, relation: Relation): Decision {
  if (actor.role === 'admin' || relation.groupLeader) return allowed
  if (!relation.leadPreparer) return refuse('只有主备人、备课组长或教导处可以填写单元')
  if (lesson.stage === 'archived') return refuse('已归档，单元只能由备课组长修改')
  return allowed
}
