import { describe, expect, it } from 'vitest'
import { loadPendingCount, savePendingCount } from '../../../client/src/collab/pending-changes-store.ts'

function memoryStorage() {
  const items = new Map<string, string>()
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
    items,
  }
}

describe('pending changes count across a reload', () => {
  it('keeps the count per user and document', () => {
    const storage = memoryStorage()
    savePendingCount(storage, 'u1:doc-1', 5)
    savePendingCount(storage, 'u2:doc-1', 1)
    expect(loadPendingCount(storage, 'u1:doc-1')).toBe(5)
    expect(loadPendingCount(storage, 'u2:doc-1')).toBe(1)
    expect(loadPendingCount(storage, 'u1:doc-2')).toBe(0)
  })

  it('removes the stored count once nothing is pending', () => {
    const storage = memoryStorage()
    savePendingCount(storage, 'u1:doc-1', 3)
    savePendingCount(storage, 'u1:doc-1', 0)
    expect(storage.items.size).toBe(0)
  })

  it('reads the list earlier versions stored as its length', () => {
    const storage = memoryStorage()
    storage.setItem(
      'gongbei:pending:u1:doc-1',
      JSON.stringify([
        [7, 3],
        [7, 0],
        [7, 5],
      ]),
    )
    expect(loadPendingCount(storage, 'u1:doc-1')).toBe(3)
  })

  it('counts a damaged value as one change rather than none', () => {
    const storage = memoryStorage()
    for (const damaged of ['{not json', '"x"', '-2', '1.5']) {
      storage.setItem('gongbei:pending:u1:doc-1', damaged)
      expect(loadPendingCount(storage, 'u1:doc-1')).toBe(1)
    }
  })
})
