import { describe, expect, it } from 'vitest'
import { connectionProblemForClose } from '../../../client/src/collab/close-messages.ts'
import { limits } from '../../../shared/limits.ts'
import {
  CloseCode,
  rateLimitedReason,
  retryPauseMs,
  shouldReconnect,
  wsMessageTooBig,
} from '../../../shared/protocol/close-codes.ts'
import { match } from '../../helpers/match.ts'

describe('connectionProblemForClose', () => {
  it.each([
    [CloseCode.forbidden, '无权访问此文档'],
    [CloseCode.documentNotFound, '文档不存在'],
    [CloseCode.documentTooLarge, '文档过大'],
    [CloseCode.tooManyDeletions, '删除的地方太多'],
    [CloseCode.schemaMismatch, '客户端版本过旧，请刷新页面'],
    [CloseCode.unauthorized, '登录已过期'],
    [CloseCode.protocolError, '请刷新页面'],
    [wsMessageTooBig, '过大'],
  ])('stops reconnecting on %i and says so', (code, words) => {
    const problem = connectionProblemForClose(code)
    expect(problem?.permanent).toBe(true)
    expect(problem?.message).toContain(words)
  })

  it('asks to log in again only when the session is the problem', () => {
    expect(connectionProblemForClose(CloseCode.unauthorized)?.needsLogin).toBe(true)
    expect(connectionProblemForClose(CloseCode.forbidden)?.needsLogin).toBe(false)
  })

  it('names the code of an unknown refusal', () => {
    expect(connectionProblemForClose(4450)).toMatchObject({ permanent: true, message: match.stringContaining('4450') })
  })

  it.each([CloseCode.documentUnavailable, CloseCode.storageFailed, CloseCode.serverShuttingDown])(
    'keeps retrying on %i and says so',
    (code) => {
      expect(connectionProblemForClose(code)).toEqual({
        message: '服务器暂时无法打开此文档，正在重试',
        permanent: false,
        needsLogin: false,
      })
    },
  )

  it('[BOUNDS-7] keeps retrying after a rate limit, after a pause, and says nothing is lost', () => {
    expect(shouldReconnect(CloseCode.rateLimited)).toBe(true)
    expect(retryPauseMs(CloseCode.rateLimited)).toBeGreaterThan(2_500)
    expect(retryPauseMs(CloseCode.storageFailed)).toBe(0)
    expect(connectionProblemForClose(CloseCode.rateLimited)).toEqual({
      message: match.stringContaining('不会丢失'),
      permanent: false,
      needsLogin: false,
    })
  })

  it('[BOUNDS-11] waits as long as the server said it refuses the user, within the longest pause', () => {
    const reason = rateLimitedReason('too many updates', 20_000)
    expect(retryPauseMs(CloseCode.rateLimited, reason)).toBe(20_000)
    expect(retryPauseMs(CloseCode.rateLimited, rateLimitedReason('too many updates', 10))).toBe(
      limits.rateLimitCooldownMs,
    )
    expect(retryPauseMs(CloseCode.rateLimited, rateLimitedReason('too many updates', 1e9))).toBe(
      limits.maxRateLimitCooldownMs,
    )
    expect(retryPauseMs(CloseCode.rateLimited, 'too many connections of this user')).toBe(limits.rateLimitCooldownMs)
    expect(retryPauseMs(CloseCode.storageFailed, reason)).toBe(0)
  })

  it('[SCALE-6] keeps retrying while the database is down, after a pause, and says the changes stay here', () => {
    expect(shouldReconnect(CloseCode.storageUnavailable)).toBe(true)
    expect(retryPauseMs(CloseCode.storageUnavailable)).toBeGreaterThan(0)
    expect(connectionProblemForClose(CloseCode.storageUnavailable)).toEqual({
      message: match.stringContaining('留在本机'),
      permanent: false,
      needsLogin: false,
    })
  })

  it.each([1000, 1001, 1006, CloseCode.tooManyWaiting])(
    '[SYNC-3] leaves a plain network close or 4505 (%i) to the save status',
    (code) => {
      expect(connectionProblemForClose(code)).toBeNull()
    },
  )
})
