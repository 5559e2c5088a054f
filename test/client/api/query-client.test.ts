import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../../client/src/api/http.ts'
import { createQueryClient, maxRetries, retryDelay, worthRetrying } from '../../../client/src/api/query-client.ts'

describe('worthRetrying', () => {
  it('tries again when no answer came or the server failed, while the browser is online', () => {
    expect(worthRetrying(new ApiError(0, 'network', '无法连接服务器，请检查网络'), true)).toBe(true)
    expect(worthRetrying(new ApiError(502, 'internal', '服务器出错了，请稍后再试'), true)).toBe(true)
  })

  it('never tries again offline: the link is known to be down', () => {
    expect(worthRetrying(new ApiError(0, 'network', '无法连接服务器，请检查网络'), false)).toBe(false)
  })

  it('takes a refusal as final, and a server that cannot print as its answer', () => {
    for (const [status, code] of [
      [400, 'invalid_request'],
      [401, 'unauthorized'],
      [403, 'forbidden'],
      [404, 'not_found'],
    ] as const) {
      expect(worthRetrying(new ApiError(status, code, '没有权限进行此操作'), true)).toBe(false)
    }
    expect(worthRetrying(new ApiError(503, 'pdf_unavailable', '服务器暂时无法生成 PDF'), true)).toBe(false)
    expect(worthRetrying(new TypeError('x is undefined'), true)).toBe(false)
  })

  it('waits longer each time, so a dead link is not asked every second', () => {
    expect(retryDelay(0)).toBeGreaterThanOrEqual(1_000)
    expect(retryDelay(1)).toBeGreaterThan(retryDelay(0))
  })
})

describe('createQueryClient', () => {
  it('asks a failing link at most three times in all, then shows the failure', async () => {
    vi.useFakeTimers()
    try {
      const client = createQueryClient(() => true)
      const queryFn = vi.fn(async () => Promise.reject(new ApiError(0, 'network', '无法连接服务器，请检查网络')))
      const result = client.fetchQuery({ queryKey: ['x'], queryFn }).catch((error: unknown) => error)
      await vi.runAllTimersAsync()
      expect(await result).toMatchObject({ code: 'network' })
      expect(queryFn).toHaveBeenCalledTimes(1 + maxRetries)
    } finally {
      vi.useRealTimers()
    }
  })

  it('asks once when the browser is offline, and still runs the request (it may answer from this device)', async () => {
    const client = createQueryClient(() => false)
    const queryFn = vi.fn(async () => Promise.reject(new ApiError(0, 'network', '无法连接服务器，请检查网络')))
    await expect(client.fetchQuery({ queryKey: ['y'], queryFn })).rejects.toMatchObject({ code: 'network' })
    expect(queryFn).toHaveBeenCalledTimes(1)
  })

  it('never repeats a change by itself', async () => {
    const client = createQueryClient(() => true)
    const mutationFn = vi.fn(async () => Promise.reject(new ApiError(502, 'internal', '服务器出错了，请稍后再试')))
    const mutation = client.getMutationCache().build(client, { mutationFn })
    await expect(mutation.execute(undefined)).rejects.toMatchObject({ status: 502 })
    expect(mutationFn).toHaveBeenCalledTimes(1)
  })
})
