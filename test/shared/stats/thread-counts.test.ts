import { describe, expect, it } from 'vitest'
import { commentsOf, firstWords, threadStateCounts } from '../../../shared/stats/thread-counts.ts'

const threads = [
  {
    id: 't1',
    authorId: 'wang',
    body: '这里的例题是不是太难了？',
    state: 'open' as const,
    replies: [
      { authorId: 'li', body: '换成课本第 83 页的例 2' },
      { authorId: 'wang', body: '好' },
    ],
  },
  { id: 't2', authorId: 'li', body: '补一道变式题', state: 'resolved' as const, replies: [] },
  { id: 't3', authorId: 'zhang', body: '时间够吗', state: 'open' as const, replies: [{ authorId: 'li', body: '够' }] },
]
const plan = { id: 'd1', kind: 'lesson-plan' as const, mayOpen: true }

describe('threadStateCounts', () => {
  it('counts open and resolved threads, replies aside', () => {
    expect(threadStateCounts(threads)).toEqual({ open: 2, resolved: 1 })
    expect(threadStateCounts([])).toEqual({ open: 0, resolved: 0 })
  })
})

describe('commentsOf', () => {
  it('gives one comment per thread and per reply, to its author, on the lesson', () => {
    const byAuthor = new Map<string, number>()
    for (const comment of commentsOf('l1', plan, threads)) {
      expect(comment.lessonId).toBe('l1')
      byAuthor.set(comment.authorId, (byAuthor.get(comment.authorId) ?? 0) + 1)
    }
    expect(Object.fromEntries(byAuthor)).toEqual({ wang: 2, li: 3, zhang: 1 })
  })

  it('[CHECK-6] lists each comment with its document, thread, first words and the thread’s state', () => {
    expect(commentsOf('l1', plan, threads).slice(0, 3)).toEqual([
      {
        lessonId: 'l1',
        authorId: 'wang',
        documentKind: 'lesson-plan',
        documentId: 'd1',
        threadId: 't1',
        reply: false,
        words: '这里的例题是不是太难了？',
        state: 'open',
      },
      expect.objectContaining({ authorId: 'li', threadId: 't1', reply: true, words: '换成课本第 83 页的例 2' }),
      expect.objectContaining({ authorId: 'wang', threadId: 't1', reply: true, words: '好' }),
    ])
  })

  it('[CHECK-6] names a document the reader may not open without its link or its words, and still counts it', () => {
    const hidden = commentsOf('l1', { id: 'd2', kind: 'reflection', mayOpen: false }, threads)
    expect(hidden).toHaveLength(6)
    for (const comment of hidden) {
      expect(comment).toMatchObject({ documentKind: 'reflection', documentId: null, words: '' })
    }
  })
})

describe('firstWords', () => {
  it('keeps a short comment whole, on one line', () => {
    expect(firstWords('  先复习\n等式的性质  ', 30)).toBe('先复习 等式的性质')
  })

  it('cuts a long one at a character, not inside one, and says so', () => {
    expect(firstWords('一二三四五六', 4)).toBe('一二三四…')
    expect(firstWords('看图𠀀𠀁𠀂', 3)).toBe('看图𠀀…')
  })
})
