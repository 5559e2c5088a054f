import { describe, expect, it } from 'vitest'
import { commentsOf, threadStateCounts } from '../../../shared/stats/thread-counts.ts'

const threads = [
  { authorId: 'wang', state: 'open' as const, replies: [{ authorId: 'li' }, { authorId: 'wang' }] },
  { authorId: 'li', state: 'resolved' as const, replies: [] },
  { authorId: 'zhang', state: 'open' as const, replies: [{ authorId: 'li' }] },
]

describe('threadStateCounts', () => {
  it('counts open and resolved threads, replies aside', () => {
    expect(threadStateCounts(threads)).toEqual({ open: 2, resolved: 1 })
    expect(threadStateCounts([])).toEqual({ open: 0, resolved: 0 })
  })
})

describe('commentsOf', () => {
  it('gives one comment per thread and per reply, to its author, on the lesson', () => {
    const byAuthor = new Map<string, number>()
    for (const comment of commentsOf('l1', threads)) {
      expect(comment.lessonId).toBe('l1')
      byAuthor.set(comment.authorId, (byAuthor.get(comment.authorId) ?? 0) + 1)
    }
    expect(Object.fromEntries(byAuthor)).toEqual({ wang: 2, li: 3, zhang: 1 })
  })
})
