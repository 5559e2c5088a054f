/** What the store keeps and reads for the 资源库: finished plans and their lineage (migration 013). */
import type { LessonStage } from '../../shared/workflow/stages.ts'

/** A lesson with at least one 定稿 version, with its group and its latest version. */
export interface FinishedPlanRecord {
  lessonId: string
  groupId: string
  groupName: string
  /** As the office set them; empty if not set. */
  groupSubject: string
  groupGrade: string
  semester: string
  title: string
  /** 单元, empty when none (migration 017). */
  unit: string
  lessonType: string
  period: number
  stage: LessonStage
  leadPreparerId: string
  leadPreparerName: string
  latestVersionId: string
  latestVersionNumber: number
  latestVersionAt: Date
}

/** 以此为底稿: the 定稿 a lesson's 初稿 was started from. */
export interface DraftSourceRecord {
  lessonId: string
  versionId: string
  /** 1 for 定稿 v1, … */
  versionNumber: number
  /** The lesson the version belongs to. */
  sourceLessonId: string
  createdBy: string
  createdAt: Date
}

export type NewDraftSource = Omit<DraftSourceRecord, 'createdAt' | 'versionNumber'>
