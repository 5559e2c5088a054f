/**
 * The life of one lesson (one 课题/课时) in the 集体备课 loop, as a state machine:
 * 主备 draft → 研讨 review → 定稿 finalized → 二次备课 adapting → 课后反思 reflecting → 归档 archived.
 * A finalized plan can be reopened for review; finalizing again makes the next version.
 */
export const lessonStages = ['draft', 'review', 'finalized', 'adapting', 'reflecting', 'archived'] as const
export type LessonStage = (typeof lessonStages)[number]

export const stageLabels: Record<LessonStage, string> = {
  draft: '主备',
  review: '研讨',
  finalized: '定稿',
  adapting: '二次备课',
  reflecting: '课后反思',
  archived: '归档',
}

/** Who may make a move: the group's leader only, or also the lesson's 主备人. */
export type Mover = 'leader' | 'leadPreparerOrLeader'

export interface StageTransition {
  from: LessonStage
  to: LessonStage
  /** What the button says. */
  label: string
  by: Mover
}

export const stageTransitions: readonly StageTransition[] = [
  { from: 'draft', to: 'review', label: '提交研讨', by: 'leadPreparerOrLeader' },
  { from: 'review', to: 'draft', label: '退回修改', by: 'leadPreparerOrLeader' },
  { from: 'review', to: 'finalized', label: '定稿', by: 'leader' },
  { from: 'finalized', to: 'adapting', label: '开始二次备课', by: 'leader' },
  { from: 'adapting', to: 'reflecting', label: '进入课后反思', by: 'leader' },
  { from: 'reflecting', to: 'archived', label: '归档', by: 'leader' },
  { from: 'finalized', to: 'review', label: '重新研讨', by: 'leader' },
  { from: 'adapting', to: 'review', label: '重新研讨', by: 'leader' },
  { from: 'reflecting', to: 'review', label: '重新研讨', by: 'leader' },
]

export function transitionBetween(from: LessonStage, to: LessonStage): StageTransition | undefined {
  return stageTransitions.find((transition) => transition.from === from && transition.to === to)
}

/** Stages in which the shared 导学案 is frozen: it changes only through a reopening. */
export const frozenStages: readonly LessonStage[] = ['finalized', 'adapting', 'reflecting', 'archived']

/** Stages in which teachers adapt the finalized plan for their classes. */
export const adaptationStages: readonly LessonStage[] = ['finalized', 'adapting', 'reflecting']

/** Stages in which teachers, having taught, write their reflections. */
export const reflectionStages: readonly LessonStage[] = ['adapting', 'reflecting']

/**
 * Stages from which the next 磨课 round starts (LIBRARY-8): the plan was finalized, so it has been or can
 * be taught (上课) and discussed (评课); an archived lesson is closed.
 */
export const roundStartStages: readonly LessonStage[] = ['finalized', 'adapting', 'reflecting']
