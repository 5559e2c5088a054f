/**
 * Refuses requests that change something when a browser says another site sent them (SEC-6): the
 * session cookie would otherwise let any page a teacher visits fetch a ws token or upload a picture in
 * her name. `Sec-Fetch-Site` is decisive where a browser sends it; else `Origin` must be ours. A request
 * with neither comes from no browser page (curl, a script with a ws token) and carries no cookie by
 * accident.
 */
import { createMiddleware } from 'hono/factory'
import { forbidden } from './api-error.ts'
import { type ProxyTrust, requestedHost } from './client-request.ts'

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

export function refuseCrossSite(trust: ProxyTrust) {
  return createMiddleware(async (c, next) => {
    if (!safeMethods.has(c.req.method)) {
      const fetchSite = c.req.header('sec-fetch-site')
      const origin = c.req.header('origin')
      const allowed =
        fetchSite !== undefined
          ? fetchSite === 'same-origin' || fetchSite === 'none'
          : origin === undefined || hostOf(origin) === requestedHost(c, trust)
      if (!allowed) throw forbidden('不接受来自其他网站的请求')
    }
    await next()
  })
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host
  } catch {
    // `Origin: null` (a sandboxed frame, a file) is not ours.
    return null
  }
}
