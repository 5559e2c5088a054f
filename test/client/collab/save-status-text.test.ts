import { describe, expect, it } from 'vitest'
import { reconnectGraceMs, saveStatusText, saveStatusToShow } from '../../../client/src/collab/save-status-text.ts'

describe('saveStatusText', () => {
  it('uses the words of the editor header', () => {
    expect(saveStatusText('saved', 0, 'edit')).toBe('已保存')
    expect(saveStatusText('saving', 3, 'edit')).toBe('保存中')
    expect(saveStatusText('offline', 12, 'edit')).toBe('离线（12 处修改未同步）')
  })

  it('says 只读 with read access, whatever the connection: such frames are never acknowledged', () => {
    expect(saveStatusText('saved', 0, 'read')).toBe('只读')
    expect(saveStatusText('offline', 0, 'read')).toBe('只读')
    expect(saveStatusText('saving', 2, 'read')).toBe('只读')
  })

  it('tells a commenter whether their threads are saved: the server stores and acknowledges them', () => {
    expect(saveStatusText('saving', 2, 'comment')).toBe('保存中')
    expect(saveStatusText('saved', 0, 'comment')).toBe('已保存')
  })

  it('says nothing about access until it is known', () => {
    expect(saveStatusText('saving', 1, null)).toBe('保存中')
  })
})

describe('saveStatusToShow', () => {
  const dropped = { droppedAt: 1000, browserOnline: true }

  it('does not say 离线 for a connection that dropped a moment ago', () => {
    expect(saveStatusToShow({ status: 'offline', pendingCount: 0, now: 1000 + reconnectGraceMs - 1, ...dropped })).toBe(
      'saved',
    )
    expect(saveStatusToShow({ status: 'offline', pendingCount: 2, now: 1200, ...dropped })).toBe('saving')
  })

  it('says 离线 once the grace is over, or at once when the browser lost the network', () => {
    expect(saveStatusToShow({ status: 'offline', pendingCount: 2, now: 1000 + reconnectGraceMs, ...dropped })).toBe(
      'offline',
    )
    expect(
      saveStatusToShow({ status: 'offline', pendingCount: 2, now: 1001, droppedAt: 1000, browserOnline: false }),
    ).toBe('offline')
    expect(
      saveStatusToShow({ status: 'offline', pendingCount: 0, now: 1001, droppedAt: null, browserOnline: true }),
    ).toBe('offline')
  })

  it('passes a connected status through', () => {
    expect(saveStatusToShow({ status: 'saving', pendingCount: 1, now: 1001, ...dropped })).toBe('saving')
  })
})
