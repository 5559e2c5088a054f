/** The words the editor header uses for the save state, in one place so tests and UI agree. */
import type { AccessLevel } from '../../../shared/access.ts'
import type { SaveStatus } from './save-tracker.ts'

export function saveStatusText(status: SaveStatus, pendingCount: number, access: AccessLevel): string {
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
