import { describe, expect, it } from 'vitest'
import { shrunkLongSide, shrunkSize } from '../../../shared/images/image-shrink.ts'
import { limits } from '../../../shared/limits.ts'

describe('shrinking a phone photo before the upload', () => {
  it('[EXPORT-11] keeps the aspect, brings the long side to the print size, and never enlarges', () => {
    expect(shrunkSize(4032, 3024)).toEqual({ width: shrunkLongSide, height: 1500 })
    expect(shrunkSize(3024, 4032)).toEqual({ width: 1500, height: shrunkLongSide })
    expect(shrunkSize(800, 600)).toEqual({ width: 800, height: 600 })
    const panorama = shrunkSize(20_000, 1000)
    expect(panorama).toEqual({ width: shrunkLongSide, height: 100 })
    for (const [width, height] of [
      [12_000, 9_000],
      [8001, 8001],
      [1, 30_000],
    ] as const) {
      const size = shrunkSize(width, height)
      expect(Math.max(size.width, size.height)).toBeLessThanOrEqual(limits.maxImageSide)
      expect(size.width * size.height).toBeLessThanOrEqual(limits.maxImagePixels)
      expect(Math.min(size.width, size.height)).toBeGreaterThanOrEqual(1)
    }
  })
})
