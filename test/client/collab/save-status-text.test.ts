import { describe, expect, it } from 'vitest'
import { saveStatusText } from '../../../client/src/collab/save-status-text.ts'

describe('saveStatusText', () => {
  it('uses the words of the editor header', () => {
    expect(saveStatusText('saved', 0, 'edit')).toBe('已保存')
    expect(saveStatusText('saving', 3, 'edit')).toBe('保存中')
    expect(saveStatusText('offline', 12, 'edit')).toBe('离线（12 处修改未同步）')
  })

  it('says 只读 for read access, whatever the connection', () => {
    expect(saveStatusText('saved', 0, 'read')).toBe('只读')
    expect(saveStatusText('offline', 0, 'read')).toBe('只读')
  })
})
