import { describe, expect, it } from 'vitest'
import { mentorAnnotations, pairCounts, pairObservations } from '../../../shared/mentorship/pair-counts.ts'
import type { ThreadState } from '../../../shared/threads/thread-model.ts'

const autumn = '2026-2027学年第一学期'
const pair = { mentorId: 'chen', apprenticeId: 'zhao' }

function thread(id: string, authorId: string, at: string, state: ThreadState = 'open') {
  // The mentor's reply on each thread shows that replies are not counted as annotations.
  return { id, authorId, createdAt: Date.parse(at), state, replies: [{ authorId: 'chen' }] }
}

const documents = [
  {
    documentId: 'plan',
    threads: [
      thread('b', 'chen', '2026-11-20T02:00:00Z', 'resolved'),
      thread('a', 'chen', '2026-09-01T02:00:00Z'),
      thread('mine', 'zhao', '2026-11-20T02:00:00Z'),
    ],
  },
  {
    documentId: 'reflection',
    threads: [
      thread('c', 'chen', '2026-12-01T02:00:00Z', 'resolved'),
      // 2026-07-31 23:30 in Shanghai: still the spring semester there, though UTC says the same day.
      thread('spring', 'chen', '2026-07-31T15:30:00Z'),
      // 2026-08-01 00:30 in Shanghai: already the autumn semester, though UTC still says July.
      thread('d', 'chen', '2026-07-31T16:30:00Z'),
    ],
  },
]

describe('mentorAnnotations', () => {
  it('keeps the mentor’s threads started in the semester, by the school’s clock, oldest first', () => {
    const found = mentorAnnotations('chen', documents, autumn).map(
      ({ documentId, thread }) => `${documentId}/${thread.id}`,
    )
    expect(found).toEqual(['reflection/d', 'plan/a', 'plan/b', 'reflection/c'])
  })
})

describe('pairCounts', () => {
  const observations = [
    { observerId: 'chen', observedId: 'zhao', date: '2026-10-09' },
    { observerId: 'zhao', observedId: 'chen', date: '2026-10-10' },
    { observerId: 'chen', observedId: 'zhao', date: '2027-01-15' },
    { observerId: 'chen', observedId: 'zhao', date: '2027-02-20' },
    { observerId: 'chen', observedId: 'li', date: '2026-10-09' },
    { observerId: 'li', observedId: 'zhao', date: '2026-10-09' },
  ]

  it('counts annotations, those resolved, and 听课 between the two in either direction', () => {
    const annotations = mentorAnnotations('chen', documents, autumn)
    expect(pairCounts(pair, annotations, observations, autumn)).toEqual({ annotations: 4, resolved: 2, observed: 3 })
  })

  it('counts nothing for a semester without work', () => {
    const spring = '2027-2028学年第二学期'
    expect(pairCounts(pair, mentorAnnotations('chen', documents, spring), observations, spring)).toEqual({
      annotations: 0,
      resolved: 0,
      observed: 0,
    })
  })

  it('lists the pair’s observations of the semester only', () => {
    expect(pairObservations(pair, observations, '2026-2027学年第二学期')).toEqual([observations[3]])
  })
})
