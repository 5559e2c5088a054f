/** Small pieces the lesson and plan routes share. */
import type { Actor } from '../../../shared/access.ts'
import type { LessonRecord } from '../../store/lesson-records.ts'
import type { Store } from '../../store/store.ts'
import type { Outcome, Refusal } from '../../workflow/outcome.ts'
import { noSuchLesson } from '../../workflow/stage-change.ts'
import { ApiError, forbidden, notFound } from '../api-error.ts'

/** `/api/lessons/{id}` (OpenAPI) as Hono writes it, `/api/lessons/:id`, for `app.use`. */
export function honoPath(openApiPath: string): string {
  return openApiPath.replace(/\{(\w+)\}/g, ':$1')
}

export function refusalError(refusal: Refusal): ApiError {
  switch (refusal.kind) {
    case 'forbidden':
      return forbidden(refusal.message)
    case 'notFound':
      return notFound(refusal.message)
    case 'invalid':
      return new ApiError(400, 'invalid_request', refusal.message)
    default:
      return refusal.kind satisfies never
  }
}

/** The lesson, or 404: lessons of other schools do not exist for this user. */
export async function visibleLesson(store: Pick<Store, 'lessons'>, actor: Actor, id: string): Promise<LessonRecord> {
  const lesson = await store.lessons.findLesson(id)
  if (!lesson || lesson.schoolId !== actor.schoolId) throw refusalError(noSuchLesson())
  return lesson
}

/** A workflow step's result, or its refusal thrown as the matching HTTP error. */
export function unwrap<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw refusalError(outcome)
  return outcome.value
}
