/** Loads what the access rules need to know about a document (`shared/workflow/document-access.ts`). */
import type { DocumentContext, DocumentKind } from '../../shared/workflow/document-access.ts'
import type { DocumentRecord, Store } from '../store/store.ts'

export async function documentContextOf(store: Store, document: DocumentRecord): Promise<DocumentContext> {
  return {
    kind: document.kind as DocumentKind,
    schoolId: document.schoolId,
    groupId: document.groupId,
    ownerId: document.createdBy,
    ownerMentorIds: await store.mentorIdsOf(document.createdBy),
    lesson: null,
  }
}
