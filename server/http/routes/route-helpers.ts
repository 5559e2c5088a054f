/** Small pieces the lesson and plan routes share. */
import type { Outcome, Refusal } from '../../workflow/outcome.ts'
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

/** A workflow step's result, or its refusal thrown as the matching HTTP error. */
export function unwrap<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw refusalError(outcome)
  return outcome.value
}
