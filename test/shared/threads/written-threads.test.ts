import { describe, expect, it } from 'vitest'
import { threadsWrittenIn } from '../../../shared/threads/written-threads.ts'

describe('threadsWrittenIn', () => {
  it('leaves out the threads older than the document: copies it was created with', () => {
    const created = new Date('2026-11-20T02:00:00Z')
    const copied = { id: 'plan', createdAt: created.getTime() - 60_000 }
    const first = { id: 'first', createdAt: created.getTime() }
    const later = { id: 'later', createdAt: created.getTime() + 60_000 }
    expect(threadsWrittenIn(created, [copied, first, later])).toEqual([first, later])
  })
})
