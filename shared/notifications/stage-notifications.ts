/**
 * Who is told when a lesson moves: the whole group when there is something for everyone to do (read
 * the draft in 研讨, adapt the 定稿 plan, write reflections), only the 主备人 when the move concerns
 * their draft alone (退回修改, 归档). The mentors of the 主备人 hear of a draft going to 研讨, since
 * they annotate it.
 */
import { roundName } from '../versions/lesson-rounds.ts'
import type { LessonStage } from '../workflow/stages.ts'
import { type NotificationDraft, oneEach } from './notification-model.ts'

export interface StageChange {
  lessonId: string
  lessonTitle: string
  from: LessonStage
  to: LessonStage
  actorId: string
  actorName: string
  leadPreparerId: string
  leadPreparerMentorIds: readonly string[]
  /** Members of the lesson's group. */
  memberIds: readonly string[]
  /** The version made by a move to 定稿 (1 for v1). */
  versionNumber?: number
  /** The 磨课 round a move back to 主备 started (2 for 第二轮, LIBRARY-8). */
  roundNumber?: number
}

export function stageNotifications(change: StageChange): NotificationDraft[] {
  const { recipients, text } = whatToTell(change)
  return oneEach(
    recipients.map((userId) => ({
      userId,
      kind: 'stage',
      documentId: null,
      lessonId: change.lessonId,
      threadId: null,
      actorId: change.actorId,
      text,
    })),
  )
}

function whatToTell(change: StageChange): { recipients: readonly string[]; text: string } {
  const who = change.actorName
  const lesson = `《${change.lessonTitle}》`
  const everyone = change.memberIds
  const leadPreparer = [change.leadPreparerId]
  // The group took part in 评课 and will teach the reworked plan: everyone hears of the new round.
  if (change.roundNumber !== undefined)
    return { recipients: everyone, text: `${who} 开始了${lesson}的${roundName(change.roundNumber)}磨课` }
  switch (change.to) {
    case 'draft':
      return { recipients: leadPreparer, text: `${who} 将${lesson}退回修改` }
    case 'review':
      return change.from === 'draft'
        ? {
            recipients: [...everyone, ...change.leadPreparerMentorIds],
            text: `${who} 将${lesson}提交研讨，请阅读并提出意见`,
          }
        : { recipients: everyone, text: `${who} 将${lesson}重新打开研讨` }
    case 'finalized': {
      const version = change.versionNumber === undefined ? '' : `（第 ${change.versionNumber} 版）`
      return { recipients: everyone, text: `${who} 已将${lesson}定稿${version}，请开始二次备课` }
    }
    case 'adapting':
      return { recipients: everyone, text: `${who} 宣布${lesson}开始二次备课，请按自己班级的情况调整` }
    case 'reflecting':
      return { recipients: everyone, text: `${who} 将${lesson}转入课后反思阶段，上完课请写课后反思` }
    case 'archived':
      return { recipients: leadPreparer, text: `${who} 已将${lesson}归档` }
    default:
      return change.to satisfies never
  }
}
