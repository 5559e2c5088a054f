import { describe, expect, it } from 'vitest'
import { inDocumentOrder } from '../../../shared/adaptation/conflict-order.ts'

describe('inDocumentOrder', () => {
  it('lists flagged passages as they stand in the document, not as they were stored', () => {
    // Guards against the conflicts of one pull being listed in the random order of their ids.
    const blocks = ['h1', 'a', 'b', 'c', 'd']
    const stored = [
      { id: 'x', blockKey: 'd', afterKey: 'c' },
      { id: 'y', blockKey: 'gone-after-a', afterKey: 'a' },
      { id: 'z', blockKey: 'b', afterKey: 'gone-after-a' },
      { id: 'w', blockKey: 'gone-first', afterKey: null },
      { id: 'v', blockKey: 'nowhere', afterKey: 'also-gone' },
      { id: 'u', blockKey: 'a', afterKey: 'h1' },
    ]
    expect(inDocumentOrder(stored, blocks).map((conflict) => conflict.id)).toEqual(['w', 'u', 'y', 'z', 'x', 'v'])
  })
})
