/** The session cookie as every sign-in sets it: the login, and the first-run page's new account. */
import type { Context } from 'hono'
import { setCookie } from 'hono/cookie'
import { limits } from '../../shared/limits.ts'
import { sessionCookieName, startSession } from '../auth/sessions.ts'
import type { Store } from '../store/store.ts'

/** The browser's description as it sent it, kept short: it only helps a teacher tell sessions apart. */
export function userAgentOf(c: Context): string | null {
  return c.req.header('user-agent')?.slice(0, 300) ?? null
}

/** `secure`: the browser reached us over https (itself, or through a trusted proxy: `isHttps`). */
export async function signIn(
  c: Context,
  store: Pick<Store, 'sessions'>,
  userId: string,
  secure: boolean,
): Promise<void> {
  const session = await startSession(store, userId, 'cookie', new Date(), userAgentOf(c))
  setCookie(c, sessionCookieName, session.token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    // Behind a TLS proxy the request reaching us is plain http, yet the browser must keep the cookie to https.
    secure,
    maxAge: limits.sessionTtlSeconds,
  })
}
