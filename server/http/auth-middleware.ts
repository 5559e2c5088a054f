/**
 * Secure by default: every `/api/` route needs a signed-in user unless its route module declares it
 * public (`publicPaths` beside its routes, gathered in `app.ts`). A route added without a thought about
 * access is closed, not open.
 */
import { getCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import { type Authenticated, authenticate, sessionCookieName } from '../auth/sessions.ts'
import type { Store } from '../store/store.ts'
import { unauthorized } from './api-error.ts'

export interface AuthVariables {
  auth: Authenticated
}

export function signedInUnlessPublic(store: Store, publicPaths: ReadonlySet<string>) {
  return createMiddleware<{ Variables: AuthVariables }>(async (c, next) => {
    if (publicPaths.has(c.req.path)) return next()
    const token = getCookie(c, sessionCookieName)
    const auth = token ? await authenticate(store, token, 'cookie') : null
    if (!auth) throw unauthorized()
    c.set('auth', auth)
    await next()
  })
}
