/** The documents area of the store over SQL, shared by both dialects. */
import { randomUUID } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../database-schema.ts'
import { documentRow, toDocument } from '../document-rows.ts'
import type { DocumentRecord, DocumentStore } from '../store.ts'

export class SqlDocumentStore implements DocumentStore {
  constructor(private readonly db: Kysely<Database>) {}

  async createDocument(
    doc: Omit<DocumentRecord, 'id' | 'createdAt' | 'lessonId'> & { lessonId?: string | null },
  ): Promise<DocumentRecord> {
    const record: DocumentRecord = { id: randomUUID(), createdAt: new Date(), ...doc, lessonId: doc.lessonId ?? null }
    await this.db.insertInto('documents').values(documentRow(record)).execute()
    return record
  }

  async findDocument(id: string): Promise<DocumentRecord | null> {
    const row = await this.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst()
    return row === undefined ? null : toDocument(row)
  }

  async listDocumentsOfSchool(schoolId: string): Promise<DocumentRecord[]> {
    const rows = await this.db
      .selectFrom('documents')
      .selectAll()
      .where('school_id', '=', schoolId)
      .orderBy('created_at')
      .orderBy('id')
      .execute()
    return rows.map(toDocument)
  }

  /** Not a plan they only created: the leader creates every lesson's plan, the 主备人 owns it. */
  async listDocumentsOwnedBy(userId: string): Promise<DocumentRecord[]> {
    const rows = await this.db
      .selectFrom('documents')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('id', 'in', eb.selectFrom('lessons').select('document_id').where('lead_preparer_id', '=', userId)),
          eb.and([
            eb('created_by', '=', userId),
            eb.or([eb('kind', '<>', 'lesson-plan'), eb('lesson_id', 'is', null)]),
          ]),
        ]),
      )
      .orderBy('id')
      .execute()
    return rows.map(toDocument)
  }

  async listDocumentsOfLesson(lessonId: string): Promise<DocumentRecord[]> {
    const rows = await this.db
      .selectFrom('documents')
      .innerJoin('lessons', 'lessons.id', 'documents.lesson_id')
      .selectAll('documents')
      .where('documents.lesson_id', '=', lessonId)
      // The shared plan first even when another document was created within the same millisecond.
      .orderBy(sql`case when documents.id = lessons.document_id then 0 else 1 end`)
      .orderBy('documents.created_at')
      .orderBy('documents.id')
      .execute()
    return rows.map(toDocument)
  }
}
