import { describe, expect, it } from 'vitest'
import { PersistQueue } from '../../../server/collab/persist-queue.ts'

function deferred() {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

describe('PersistQueue', () => {
  it('hands items on only after their write resolved, in order, batching what waited', async () => {
    const gate = deferred()
    const writes: number[][] = []
    const stored: number[] = []
    const queue = new PersistQueue<number, number>({
      async write(items) {
        writes.push([...items])
        if (writes.length === 1) await gate.promise
        return items.at(-1)!
      },
      stored: (items) => stored.push(...items),
      failed: () => {},
    })
    queue.push(1)
    queue.push(2)
    queue.push(3)
    await Promise.resolve()
    expect(stored).toEqual([])
    gate.resolve()
    await queue.drained()
    expect(writes).toEqual([[1], [2, 3]])
    expect(stored).toEqual([1, 2, 3])
  })

  it('reports a failed batch and goes on with the next', async () => {
    const failed: number[] = []
    const stored: number[] = []
    let calls = 0
    const queue = new PersistQueue<number, number>({
      async write(items) {
        calls++
        if (calls === 1) throw new Error('disk full')
        return items.length
      },
      stored: (items) => stored.push(...items),
      failed: (items) => failed.push(...items),
    })
    queue.push(1)
    queue.push(2)
    await queue.drained()
    expect(failed).toEqual([1])
    expect(stored).toEqual([2])
  })
})
