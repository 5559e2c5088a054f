/** A `documents` row and the record the store hands out, in both directions, for every query module. */
import type { Insertable, Selectable } from 'kysely'
import type { DocumentsTable } from './database-schema.ts'
import type { DocumentRecord } from './store.ts'

export function documentRow(record: DocumentRecord): Insertable<DocumentsTable> {
  return {
    id: record.id,
    school_id: record.schoolId,
    group_id: record.groupId,
    title: record.title,
    kind: record.kind,
    created_by: record.createdBy,
    created_at: record.createdAt.getTime(),
    lesson_id: record.lessonId,
  }
}

export function toDocument(row: Selectable<DocumentsTable>): DocumentRecord {
  return {
    id: row.id,
    groupId: row.group_id,
    schoolId: row.school_id,
    title: row.title,
    kind: row.kind,
    createdBy: row.created_by,
    createdAt: new Date(Number(row.created_at)),
    lessonId: row.lesson_id,
  }
}
