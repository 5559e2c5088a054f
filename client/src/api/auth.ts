import { ApiError, apiRequest } from './http.ts'
import type { Me } from '../../../shared/api.ts'

export async function login(username: string, password: string): Promise<Me> {
  try {
    const { user } = await apiRequest<{ user: Me }>('/api/auth/login', { method: 'POST', body: { username, password } })
    return user
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      throw new ApiError(401, error.code, '用户名或密码不正确')
    }
    throw error
  }
}

export async function logout(): Promise<void> {
  await apiRequest<void>('/api/auth/logout', { method: 'POST' })
}

/** `null` when nobody is logged in. */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await apiRequest<Me>('/api/me')
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null
    throw error
  }
}
