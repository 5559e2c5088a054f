/**
 * The server refuses an upgrade it will never accept (no session, no such document, no access) with a
 * plain HTTP status, which the browser hides behind a generic connection failure. The HTTP API can
 * tell us which it was.
 */
import { fetchMe } from '../api/auth.ts'
import { listDocuments } from '../api/documents.ts'
import { type ConnectionProblem, refusedProblems } from './close-messages.ts'

/** `null` when nothing is wrong on our side, or the server cannot be asked either (then we are offline). */
export async function explainRefusedConnection(documentId: string): Promise<ConnectionProblem | null> {
  try {
    if ((await fetchMe()) === null) return refusedProblems.sessionExpired
    const documents = await listDocuments()
    return documents.some((document) => document.id === documentId) ? null : refusedProblems.documentNotAvailable
  } catch {
    return null
  }
}
