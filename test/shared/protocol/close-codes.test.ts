import { describe, expect, it } from 'vitest'
import { CloseCode, shouldReconnect, wsMessageTooBig } from '../../../shared/protocol/close-codes.ts'

describe('shouldReconnect', () => {
  it('gives up on every 44xx code: retrying would be refused the same way', () => {
    for (const code of [
      CloseCode.protocolError,
      CloseCode.unauthorized,
      CloseCode.forbidden,
      CloseCode.documentNotFound,
      CloseCode.schemaMismatch,
      CloseCode.documentTooLarge,
    ]) {
      expect(shouldReconnect(code)).toBe(false)
    }
  })

  it('gives up when a frame was too big for the server', () => {
    expect(shouldReconnect(wsMessageTooBig)).toBe(false)
  })

  it('retries 45xx codes and ordinary network closes', () => {
    for (const code of [
      CloseCode.documentUnavailable,
      CloseCode.storageFailed,
      CloseCode.tooSlow,
      CloseCode.serverShuttingDown,
      1000,
      1001,
      1006,
    ]) {
      expect(shouldReconnect(code)).toBe(true)
    }
  })

  it('keeps every code in the private-use range', () => {
    for (const code of Object.values(CloseCode)) {
      expect(code).toBeGreaterThanOrEqual(4000)
      expect(code).toBeLessThan(5000)
    }
  })
})
