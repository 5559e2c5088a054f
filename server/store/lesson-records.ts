/** What the store keeps about lessons of the 备课计划 and their stage moves (migration 002). */
import type { LessonStage } from '../../shared/workflow/stages.ts'

export interface LessonRecord {
  id: string
  schoolId: string
  groupId: string
  /** e.g. `2026-2027学年第一学期`, see `semesterOf`. */
  semester: string
  /** 课题 */
  title: string
  /** 单元 of the textbook (「第三章 一元一次方程」), empty when none is given (migration 017). */
  unit: string
  /** 课型: 新授, 复习, 讲评, … */
  lessonType: string
  /** 课时: the how-many-th lesson of the 课题, from 1. */
  period: number
  /** School-local `YYYY-MM-DD`. */
  scheduledDate: string
  /** School-local `HH:MM`, if a time was set. */
  scheduledTime: string | null
  place: string
  /** 主备人 */
  leadPreparerId: string
  /** The shared 导学案. */
  documentId: string
  stage: LessonStage
  /** 集体研讨 is open: every member may edit the shared plan. */
  liveReviewOpen: boolean
  createdAt: Date
}

/** What the leader plans (四定) and may change later. */
export type LessonPlanFields = Pick<
  LessonRecord,
  | 'semester'
  | 'title'
  | 'unit'
  | 'lessonType'
  | 'period'
  | 'scheduledDate'
  | 'scheduledTime'
  | 'place'
  | 'leadPreparerId'
>

export interface NewLesson extends Omit<LessonPlanFields, 'unit'> {
  /** None when not given. */
  unit?: string
  schoolId: string
  groupId: string
  /** Who planned it; the shared 导学案 is created in their name. */
  createdBy: string
  documentTitle: string
}

export interface LessonPlanChange extends Partial<LessonPlanFields> {
  /** The shared 导学案's new title, when the 课题 changed. */
  documentTitle?: string
}

export interface LessonStageMove {
  lessonId: string
  from: LessonStage
  to: LessonStage
  actorId: string
  at: Date
}

export interface LessonStageEvent extends LessonStageMove {
  /** 1 for the lesson's first move, then 2, … */
  seq: number
}
