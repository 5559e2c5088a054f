import { describe, expect, it } from 'vitest'
import { withinValueDepth } from '../../shared/value-depth.ts'

function nested(depth: number): unknown {
  let value: unknown = 'leaf'
  for (let level = 0; level < depth; level++) value = level % 2 === 0 ? [value] : { inner: value }
  return value
}

describe('withinValueDepth', () => {
  it('[BOUNDS-3] counts arrays and objects, not plain values', () => {
    expect(withinValueDepth('text', 0)).toBe(true)
    expect(withinValueDepth(null, 0)).toBe(true)
    expect(withinValueDepth(new Uint8Array(4), 0)).toBe(true)
    expect(withinValueDepth({ href: 'x' }, 0)).toBe(false)
    expect(withinValueDepth({ href: 'x' }, 1)).toBe(true)
    expect(withinValueDepth(nested(16), 16)).toBe(true)
    expect(withinValueDepth(nested(17), 16)).toBe(false)
  })

  it('[BOUNDS-3] walks a value nested far deeper than a stack would allow, without recursion', () => {
    expect(withinValueDepth(nested(50_000), 16)).toBe(false)
    expect(withinValueDepth(nested(50_000), 60_000)).toBe(true)
  })

  it('[BOUNDS-3] finds the deep branch among wide siblings', () => {
    expect(withinValueDepth([1, 2, { a: [3, nested(20)] }], 16)).toBe(false)
    expect(
      withinValueDepth(
        Array.from({ length: 10_000 }, () => ({ a: 1 })),
        2,
      ),
    ).toBe(true)
  })
})
