/**
 * Requests that answer from the remembered session when the server cannot be reached, and keep it up
 * to date when it can. A 401 is the server speaking, not the network failing: it forgets the session,
 * so the login page shows and stays shown, also offline.
 */
import type { z } from 'zod'
import type { Me } from '../../../shared/api.ts'
import { ApiError } from '../api/http.ts'
import { type ServerReachability, serverReachability } from './offline-mode.ts'
import { type KeyValueStorage, RememberedSession } from './remembered-session.ts'

export interface OfflineFallback {
  session: RememberedSession
  reachability: ServerReachability
}

/** `localStorage` itself throws in some locked-down browsers, so it is only touched inside each call. */
const browserStorage: KeyValueStorage = {
  getItem: (key) => localStorage.getItem(key),
  setItem: (key, value) => localStorage.setItem(key, value),
  removeItem: (key) => localStorage.removeItem(key),
}

export const browserFallback: OfflineFallback = {
  session: new RememberedSession(browserStorage),
  reachability: serverReachability,
}

/** No network, or the gateway in front of our server says it cannot reach it. */
export function isUnreachable(error: unknown): boolean {
  return error instanceof ApiError && [0, 502, 503, 504].includes(error.status)
}

function isUnauthorized(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401
}

/** `null` when nobody is signed in; the remembered user when the server cannot be reached. */
export async function meOrRemembered(request: () => Promise<Me>, fallback = browserFallback): Promise<Me | null> {
  const { session, reachability } = fallback
  try {
    const user = await request()
    session.rememberUser(user)
    reachability.reached()
    return user
  } catch (error) {
    if (isUnauthorized(error)) {
      session.forget()
      return null
    }
    const remembered = isUnreachable(error) ? session.user() : null
    if (!remembered) throw error
    reachability.unreachable()
    return remembered
  }
}

/** The server's answer, remembered under `key`; the remembered one when the server cannot be reached. */
export async function answerOrRemembered<T>(
  key: string,
  schema: z.ZodType<T>,
  request: () => Promise<T>,
  fallback = browserFallback,
): Promise<T> {
  const { session, reachability } = fallback
  try {
    const answer = await request()
    session.rememberAnswer(key, answer)
    reachability.reached()
    return answer
  } catch (error) {
    if (isUnauthorized(error)) session.forget()
    const remembered = isUnreachable(error) ? session.answer(key, schema) : undefined
    if (remembered === undefined) throw error
    reachability.unreachable()
    return remembered
  }
}

/** The server said this session is over (a 401 from any request): offline, nobody is signed in either. */
export function forgetRememberedSession(): void {
  browserFallback.session.forget()
}

/** The user this device remembers, to show the app before the server answers; null when none. */
export function rememberedUser(): Me | null {
  return browserFallback.session.user()
}
