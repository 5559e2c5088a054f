/**
 * Moving a lesson to another stage: decided by the rules, recorded with who and when, then applied to
 * open editors; the move to 定稿 also stores the next immutable version of the shared 导学案, in the
 * same transaction (`finalizeLesson`).
 */
import type { Actor } from '../../shared/access.ts'
import { decide } from '../../shared/workflow/lesson-rules.ts'
import type { LessonStage } from '../../shared/workflow/stages.ts'
import type { RoomRegistry } from '../collab/room-registry.ts'
import type { LessonRecord } from '../store/lesson-records.ts'
import type { ContentContext } from '../versions/document-content.ts'
import { finalizeLesson } from '../versions/finalize-lesson.ts'
import { lessonContextOf } from './lesson-context.ts'
import { refreshLessonAccess } from './live-access.ts'
import { forbid, missing, type Outcome, succeed } from './outcome.ts'

/** A move that happened, for whoever must hear of it (the inbox). */
export interface StageMoved {
  /** The lesson as it is now. */
  lesson: LessonRecord
  from: LessonStage
  actorId: string
  /** The version a move to 定稿 made (1 for v1). */
  versionNumber?: number
  /** The 磨课 round a move back to 主备 started (2 for 第二轮). */
  roundNumber?: number
}

export interface WorkflowContext {
  store: ContentContext['store']
  registry: RoomRegistry
  /** Told after each move is stored; must not throw. */
  onStageMoved?: (moved: StageMoved) => Promise<void>
  /** Told after the lesson's plan entry is changed; must not throw. */
  onLessonChanged?: (lesson: LessonRecord) => Promise<void>
}

export const noSuchLesson = () => missing('这节课不存在或已被删除')

export async function changeStage(
  context: WorkflowContext,
  lessonId: string,
  actor: Actor,
  to: LessonStage,
  now = new Date(),
): Promise<Outcome<LessonRecord>> {
  const { store, registry } = context
  // Another move may land between the decision and the write; the write then changes nothing and the
  // move is decided again on the lesson as it now is.
  for (;;) {
    const lesson = await store.lessons.findLesson(lessonId)
    if (!lesson) return noSuchLesson()
    const decision = decide('changeStage', actor, await lessonContextOf(store, lesson), to)
    if (!decision.allowed) return forbid(decision.reason)
    const current: LessonRecord = { ...lesson, stage: to, liveReviewOpen: false }
    if (to === 'finalized') {
      const version = await finalizeLesson(context, lesson, actor.userId, now)
      if (!version) continue
      await context.onStageMoved?.({
        lesson: current,
        from: lesson.stage,
        actorId: actor.userId,
        versionNumber: version.number,
      })
      return succeed(current)
    }
    const moved = await store.lessons.moveLessonStage({
      lessonId,
      from: lesson.stage,
      to,
      actorId: actor.userId,
      at: now,
    })
    if (!moved) continue
    await refreshLessonAccess(store, registry, current)
    await context.onStageMoved?.({ lesson: current, from: lesson.stage, actorId: actor.userId })
    return succeed(current)
  }
}

/** Opens or closes 集体研讨 (the leader, in the review stage). */
export async function setLiveReview(
  context: WorkflowContext,
  lessonId: string,
  actor: Actor,
  open: boolean,
): Promise<Outcome<LessonRecord>> {
  const { store, registry } = context
  for (;;) {
    const lesson = await store.lessons.findLesson(lessonId)
    if (!lesson) return noSuchLesson()
    const decision = decide('liveReview', actor, await lessonContextOf(store, lesson))
    if (!decision.allowed) return forbid(decision.reason)
    if (!(await store.lessons.setLiveReviewOpen(lessonId, open, lesson.stage))) continue
    const current: LessonRecord = { ...lesson, liveReviewOpen: open }
    await refreshLessonAccess(store, registry, current)
    return succeed(current)
  }
}
