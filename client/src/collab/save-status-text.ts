/** What the editor header says about saving, in one place so tests and UI agree. */
import type { AccessLevel } from '../../../shared/access.ts'
import type { SaveStatus } from './save-tracker.ts'

/**
 * With read access nothing we send is stored or acknowledged: 保存中 would never end. A commenter's
 * threads are stored and acknowledged like an editor's text.
 */
export function saveStatusText(status: SaveStatus, pendingCount: number, access: AccessLevel | null): string {
  if (access === 'read') return '只读'
  switch (status) {
    case 'saved':
      return '已保存'
    case 'saving':
      return '保存中'
    case 'offline':
      return `离线（${pendingCount} 处修改未同步）`
  }
}

export const accessText: Record<AccessLevel, string> = {
  edit: '可编辑',
  comment: '可批注',
  read: '只读',
}

/**
 * A socket that drops while the browser is online usually comes back within a second (y-websocket
 * also recycles a socket that heard nothing for 30 s); saying 离线 for that would only alarm. Whatever
 * is typed meanwhile is still counted, so 保存中 stays true.
 */
export const reconnectGraceMs = 1500

export function saveStatusToShow(state: {
  status: SaveStatus
  pendingCount: number
  /** When a working connection dropped, or `null`. */
  droppedAt: number | null
  now: number
  browserOnline: boolean
}): SaveStatus {
  const { status, pendingCount, droppedAt, now, browserOnline } = state
  const briefDrop = status === 'offline' && droppedAt !== null && browserOnline && now - droppedAt < reconnectGraceMs
  if (!briefDrop) return status
  return pendingCount > 0 ? 'saving' : 'saved'
}
