/**
 * Gives every HTTP request an id (`X-Request-Id`, echoed in the answer) and a logger that carries it
 * (`requestLogger`), and logs the request once it is answered.
 */
import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { type Logger, logger } from '../log/logger.ts'
import { requestIdFrom, requestIdHeader } from '../log/request-id.ts'

const requestLoggers = new WeakMap<Request, Logger>()

/** The logger of the request `c` answers: its lines carry the request's id. */
export function requestLogger(c: Context): Logger {
  return requestLoggers.get(c.req.raw) ?? logger
}

export const requestLog = createMiddleware(async (c, next) => {
  const requestId = requestIdFrom(c.req.header(requestIdHeader))
  c.header(requestIdHeader, requestId)
  const log = logger.child({ requestId })
  requestLoggers.set(c.req.raw, log)
  const started = performance.now()
  await next()
  log.info(
    { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) },
    'request',
  )
})
