/**
 * Gives every HTTP request an id (`X-Request-Id`, echoed in the answer), carries it in every log line
 * written on the request's behalf, and logs the request once it is answered.
 */
import { createMiddleware } from 'hono/factory'
import { logger, withLogFields } from '../log/logger.ts'
import { requestIdFrom, requestIdHeader } from '../log/request-id.ts'

export const requestLog = createMiddleware(async (c, next) => {
  const requestId = requestIdFrom(c.req.header(requestIdHeader))
  c.header(requestIdHeader, requestId)
  const started = performance.now()
  await withLogFields({ requestId }, async () => {
    await next()
    logger.info(
      { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) },
      'request',
    )
  })
})
