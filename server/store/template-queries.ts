/**
 * Queries of the schools' 导学案 templates (`lesson_templates`, migration 004), used by the repositories in `sql/` in
 * both dialects. The definition is stored as JSON text; it was validated before it was saved.
 */
import type { Kysely } from 'kysely'
import type { LessonTemplate } from '../../shared/template/lesson-template.ts'
import type { Database } from './database-schema.ts'
import type { TemplateRecord } from './store.ts'

export async function findTemplate(db: Kysely<Database>, schoolId: string): Promise<TemplateRecord | null> {
  const row = await db.selectFrom('lesson_templates').selectAll().where('school_id', '=', schoolId).executeTakeFirst()
  if (row === undefined) return null
  return {
    schoolId: row.school_id,
    definition: JSON.parse(row.definition) as LessonTemplate,
    updatedAt: new Date(Number(row.updated_at)),
    updatedBy: row.updated_by,
  }
}

export async function saveTemplate(
  db: Kysely<Database>,
  schoolId: string,
  definition: LessonTemplate,
  updatedBy: string,
): Promise<TemplateRecord> {
  const record: TemplateRecord = { schoolId, definition, updatedAt: new Date(), updatedBy }
  const row = {
    school_id: schoolId,
    definition: JSON.stringify(definition),
    updated_at: record.updatedAt.getTime(),
    updated_by: updatedBy,
  }
  await db
    .insertInto('lesson_templates')
    .values(row)
    .onConflict((conflict) =>
      conflict.column('school_id').doUpdateSet({
        definition: row.definition,
        updated_at: row.updated_at,
        updated_by: row.updated_by,
      }),
    )
    .execute()
  return record
}
