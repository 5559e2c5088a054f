/** The inbox over HTTP; live events come from `GET /api/notifications/stream` (see notifications/use-inbox.ts). */
import type { NotificationList, NotificationRead, UnreadCount } from '../../../shared/api/notifications.ts'
import { apiRequest } from './http.ts'

export function fetchNotifications(after?: string): Promise<NotificationList> {
  const query = after === undefined ? '' : `?${new URLSearchParams({ after })}`
  return apiRequest<NotificationList>(`/api/notifications${query}`)
}

export const markNotificationRead = (id: string) =>
  apiRequest<NotificationRead>(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST', body: {} })

export const markAllNotificationsRead = () =>
  apiRequest<UnreadCount>('/api/notifications/read-all', { method: 'POST', body: {} })

export const inboxStreamPath = '/api/notifications/stream'
