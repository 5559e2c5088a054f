/**
 * Secure by default: every `/api/` route needs a signed-in user unless its route module declares it
 * public (`publicPaths` beside its routes, gathered in `app.ts`). A route added without a thought about
 * access is closed, not open.
 */
import { getCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import { type Authenticated, authenticate, sessionCookieName } from '../auth/sessions.ts'
import type { Store } from '../store/store.ts'
import { ApiError, unauthorized } from './api-error.ts'

/** What a teacher whose password the office reset may still do: see who they are, and change it. */
const passwordChangePaths: ReadonlySet<string> = new Set(['/api/me', '/api/me/password'])

export interface AuthVariables {
  auth: Authenticated
}

export function signedInUnlessPublic(
  store: Pick<Store, 'accounts' | 'groups' | 'sessions'>,
  publicPaths: ReadonlySet<string>,
) {
  return createMiddleware<{ Variables: AuthVariables }>(async (c, next) => {
    if (publicPaths.has(c.req.path)) return next()
    const token = getCookie(c, sessionCookieName)
    const auth = token ? await authenticate(store, token, 'cookie') : null
    if (!auth) throw unauthorized()
    if (auth.user.mustChangePassword && !passwordChangePaths.has(c.req.path)) {
      throw new ApiError(403, 'password_change_required', '请先修改密码')
    }
    c.set('auth', auth)
    await next()
  })
}
