import { describe, expect, it } from 'vitest'
import { FairTurns } from '../../../server/collab/fair-turns.ts'

const nextTurn = () => new Promise((resolve) => setImmediate(resolve))

describe('fair turns', () => {
  it('[BOUNDS-12] a burst is read a few frames a turn, in order; another connection’s frame is read at once', async () => {
    const turns = new FairTurns<string>(4)
    const read: string[] = []
    for (let i = 0; i < 12; i++) turns.run('flooder', () => read.push(`flood ${i}`))
    turns.run('colleague', () => read.push('calm'))
    expect(read).toEqual(['flood 0', 'flood 1', 'flood 2', 'flood 3', 'calm'])
    // Work queued by others between turns runs before the rest of the burst.
    await nextTurn().then(() => read.push('other work'))
    expect(read).toContain('other work')
    expect(read).not.toContain('flood 11')
    for (let i = 0; i < 4; i++) await nextTurn()
    expect(read.filter((entry) => entry.startsWith('flood'))).toEqual(
      Array.from({ length: 12 }, (_, i) => `flood ${i}`),
    )
  })

  it('[BOUNDS-12] a frame arriving while its connection still has frames waiting waits behind them', async () => {
    const turns = new FairTurns<string>(2)
    const read: number[] = []
    for (let i = 0; i < 3; i++) turns.run('a', () => read.push(i))
    turns.run('a', () => read.push(3))
    expect(read).toEqual([0, 1])
    await nextTurn()
    await nextTurn()
    expect(read).toEqual([0, 1, 2, 3])
  })

  it('[BOUNDS-12] a failing frame does not drop the frames after it', async () => {
    const turns = new FairTurns<string>(1)
    const read: number[] = []
    const errors = console.error
    console.error = () => {}
    try {
      turns.run('a', () => read.push(0))
      turns.run('a', () => {
        throw new Error('broken')
      })
      turns.run('a', () => read.push(2))
      for (let i = 0; i < 3; i++) await nextTurn()
    } finally {
      console.error = errors
    }
    expect(read).toEqual([0, 2])
  })
})
