/** Resolves the session cookie into the signed-in user; routes that need one use `requireUser`. */
import { getCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import { type Authenticated, authenticate, sessionCookieName } from '../auth/sessions.ts'
import type { Store } from '../store/store.ts'
import { unauthorized } from './api-error.ts'

export interface AuthVariables {
  auth: Authenticated
}

export function requireUser(store: Store) {
  return createMiddleware<{ Variables: AuthVariables }>(async (c, next) => {
    const token = getCookie(c, sessionCookieName)
    const auth = token ? await authenticate(store, token, 'cookie') : null
    if (!auth) throw unauthorized()
    c.set('auth', auth)
    await next()
  })
}
