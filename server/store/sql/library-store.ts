/** The 资源库 area of the store over SQL, shared by both dialects. */
import type { Kysely } from 'kysely'
import type { LibraryScope } from '../../../shared/library/library-scope.ts'
import type { Database } from '../database-schema.ts'
import * as library from '../library-queries.ts'
import type { DraftSourceRecord, FinishedPlanRecord, NewDraftSource } from '../library-records.ts'
import type { LibraryStore } from '../store.ts'

export class SqlLibraryStore implements LibraryStore {
  constructor(private readonly db: Kysely<Database>) {}

  listFinishedPlans(scope: LibraryScope): Promise<FinishedPlanRecord[]> {
    return library.listFinishedPlans(this.db, scope)
  }

  recordDraftSource(source: NewDraftSource): Promise<DraftSourceRecord> {
    return library.recordDraftSource(this.db, source)
  }

  findDraftSource(lessonId: string): Promise<DraftSourceRecord | null> {
    return library.findDraftSource(this.db, lessonId)
  }

  listDraftsBuiltOn(sourceLessonId: string): Promise<DraftSourceRecord[]> {
    return library.listDraftsBuiltOn(this.db, sourceLessonId)
  }
}
