/** The lessons area of the store over SQL, shared by both dialects. */
import type { Kysely } from 'kysely'
import * as lessons from '../lesson-queries.ts'
import type { Database } from '../database-schema.ts'
import type { LessonPlanChange, LessonRecord, LessonStageEvent, LessonStageMove, NewLesson } from '../lesson-records.ts'
import type { LessonStore } from '../store.ts'

export class SqlLessonStore implements LessonStore {
  constructor(private readonly db: Kysely<Database>) {}

  // — 备课计划: lessons and their stage moves —
  createLesson(lesson: NewLesson): Promise<LessonRecord> {
    return lessons.createLesson(this.db, lesson)
  }

  findLesson(id: string): Promise<LessonRecord | null> {
    return lessons.findLesson(this.db, id)
  }

  listLessonsOfGroup(groupId: string, semester: string | null): Promise<LessonRecord[]> {
    return lessons.listLessonsOfGroup(this.db, groupId, semester)
  }

  listSemestersOfGroup(groupId: string): Promise<string[]> {
    return lessons.listSemestersOfGroup(this.db, groupId)
  }

  listUnitsOfGroup(groupId: string): Promise<string[]> {
    return lessons.listUnitsOfGroup(this.db, groupId)
  }

  listLessonsOfLeadPreparer(userId: string): Promise<LessonRecord[]> {
    return lessons.listLessonsOfLeadPreparer(this.db, userId)
  }

  updateLessonPlan(id: string, change: LessonPlanChange): Promise<LessonRecord | null> {
    return lessons.updateLessonPlan(this.db, id, change)
  }

  deleteLesson(id: string, whileIn: LessonRecord['stage']): Promise<boolean> {
    return lessons.deleteLesson(this.db, id, whileIn)
  }

  moveLessonStage(move: LessonStageMove): Promise<boolean> {
    return lessons.moveLessonStage(this.db, move)
  }

  setLiveReviewOpen(lessonId: string, open: boolean, whileIn: LessonRecord['stage']): Promise<boolean> {
    return lessons.setLiveReviewOpen(this.db, lessonId, open, whileIn)
  }

  listLessonStageEvents(lessonId: string): Promise<LessonStageEvent[]> {
    return lessons.listLessonStageEvents(this.db, lessonId)
  }
}
