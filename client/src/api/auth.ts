import { ApiError, apiRequest } from './http.ts'
import type { Me } from '../../../shared/api.ts'
import type { SsoStatus } from '../../../shared/api/sso.ts'
import { browserFallback, meOrRemembered } from '../offline/offline-fallback.ts'

export async function login(username: string, password: string): Promise<Me> {
  try {
    const { user } = await apiRequest<{ user: Me }>('/api/auth/login', { method: 'POST', body: { username, password } })
    browserFallback.session.rememberUser(user)
    return user
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      throw new ApiError(401, error.code, '用户名或密码不正确')
    }
    throw error
  }
}

/** Forgets the remembered session first: offline, the request fails, yet this computer must not stay signed in. */
export async function logout(): Promise<void> {
  browserFallback.session.forget()
  await apiRequest<void>('/api/auth/logout', { method: 'POST' })
}

/** `null` when nobody is logged in; the user remembered on this device when the server cannot be reached. */
export function fetchMe(): Promise<Me | null> {
  return meOrRemembered(() => apiRequest<Me>('/api/me'))
}

/** Whether the server offers 统一身份认证登录 (the login page shows the button only then). */
export async function ssoOffered(): Promise<boolean> {
  return (await apiRequest<SsoStatus>('/api/auth/oidc')).enabled
}

/** A full navigation, not a request: the school's provider takes over the page and sends it back. */
export const ssoStartPath = '/api/auth/oidc/start'
