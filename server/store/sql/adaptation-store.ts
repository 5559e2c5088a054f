/** The adaptations area of the store over SQL, shared by both dialects. */
import type { Kysely } from 'kysely'
import * as versions from '../version-queries.ts'
import type { Database } from '../database-schema.ts'
import type { AdaptationStore, DocumentRecord } from '../store.ts'
import type {
  AdaptationRecord,
  ConflictRecord,
  ConflictStatus,
  NewConflict,
  NewLessonDocument,
  NewReflectionReference,
  ReflectionReferenceRecord,
} from '../version-records.ts'

export class SqlAdaptationStore implements AdaptationStore {
  constructor(private readonly db: Kysely<Database>) {}

  createLessonDocument(document: NewLessonDocument, baseVersionId: string | null): Promise<DocumentRecord> {
    return versions.createLessonDocument(this.db, document, baseVersionId)
  }

  findAdaptation(documentId: string): Promise<AdaptationRecord | null> {
    return versions.findAdaptation(this.db, documentId)
  }

  listAdaptations(lessonId: string): Promise<AdaptationRecord[]> {
    return versions.listAdaptations(this.db, lessonId)
  }

  recordPull(
    documentId: string,
    fromVersionId: string,
    toVersionId: string,
    conflicts: readonly NewConflict[],
  ): Promise<ConflictRecord[] | null> {
    return versions.recordPull(this.db, documentId, fromVersionId, toVersionId, conflicts)
  }

  listConflicts(documentId: string): Promise<ConflictRecord[]> {
    return versions.listConflicts(this.db, documentId)
  }

  resolveConflict(id: string, status: Exclude<ConflictStatus, 'open'>, userId: string): Promise<boolean> {
    return versions.resolveConflict(this.db, id, status, userId)
  }

  addReflectionReference(reference: NewReflectionReference): Promise<ReflectionReferenceRecord> {
    return versions.addReflectionReference(this.db, reference)
  }

  listReflectionReferences(reflectionIds: readonly string[]): Promise<ReflectionReferenceRecord[]> {
    return versions.listReflectionReferences(this.db, reflectionIds)
  }
}
