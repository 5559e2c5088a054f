import { describe, expect, it } from 'vitest'
import { KeyedMutex } from '../../../server/collab/keyed-mutex.ts'

const tick = () => new Promise((resolve) => setTimeout(resolve, 1))

describe('KeyedMutex', () => {
  it('runs work on one key one at a time, in order, and other keys alongside', async () => {
    // Guards against server-made document changes interleaving and being applied twice.
    const mutex = new KeyedMutex()
    const log: string[] = []
    const step = (key: string, name: string) =>
      mutex.run(key, async () => {
        log.push(`${name} start`)
        await tick()
        log.push(`${name} end`)
        return name
      })
    const results = await Promise.all([step('a', 'a1'), step('a', 'a2'), step('b', 'b1')])
    expect(results).toEqual(['a1', 'a2', 'b1'])
    expect(log.indexOf('a1 end')).toBeLessThan(log.indexOf('a2 start'))
    expect(log.indexOf('b1 start')).toBeLessThan(log.indexOf('a1 end'))
  })

  it('lets the next work run after one that failed, and passes the failure to its caller', async () => {
    const mutex = new KeyedMutex()
    const failed = mutex.run('a', async () => {
      throw new Error('storage failed')
    })
    const next = mutex.run('a', async () => 'ran')
    await expect(failed).rejects.toThrow('storage failed')
    expect(await next).toBe('ran')
  })
})
