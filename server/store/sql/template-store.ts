/** The templates area of the store over SQL, shared by both dialects. */
import type { Kysely } from 'kysely'
import * as templates from '../template-queries.ts'
import type { LessonTemplate } from '../../../shared/template/lesson-template.ts'
import type { Database } from '../database-schema.ts'
import type { TemplateRecord, TemplateStore } from '../store.ts'

export class SqlTemplateStore implements TemplateStore {
  constructor(private readonly db: Kysely<Database>) {}

  // — 导学案 templates —
  findTemplate(schoolId: string): Promise<TemplateRecord | null> {
    return templates.findTemplate(this.db, schoolId)
  }

  saveTemplate(schoolId: string, definition: LessonTemplate, updatedBy: string): Promise<TemplateRecord> {
    return templates.saveTemplate(this.db, schoolId, definition, updatedBy)
  }
}
