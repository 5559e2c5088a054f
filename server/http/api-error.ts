/** The one error type of the HTTP API, answered as `{error: {code, message}}`. */
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ApiErrorBody, ErrorCode } from '../../shared/api/error-codes.ts'

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
  }
}

export const unauthorized = (message = '请先登录') => new ApiError(401, 'unauthorized', message)
export const forbidden = (message: string) => new ApiError(403, 'forbidden', message)
export const notFound = (message = '找不到该资源') => new ApiError(404, 'not_found', message)

export function errorResponse(c: Context, error: ApiError) {
  const body: ApiErrorBody = { error: { code: error.code, message: error.message } }
  return c.json(body, error.status)
}
