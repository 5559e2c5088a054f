import { describe, expect, it } from 'vitest'
import { limits } from '../../shared/limits.ts'

describe('limits', () => {
  it('lets a whole document travel in one frame only if it fits the document limit', () => {
    expect(limits.maxFrameBytes).toBeLessThanOrEqual(limits.maxDocumentBytes)
  })

  it('buffers at most about one frame per connection while a document loads', () => {
    expect(limits.maxPendingBytesWhileLoading).toBeGreaterThanOrEqual(limits.maxFrameBytes)
  })

  it('gives ws tokens a much shorter life than browser sessions', () => {
    expect(limits.wsTokenTtlSeconds).toBeLessThan(limits.sessionTtlSeconds / 100)
  })
})
