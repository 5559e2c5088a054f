import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { type DocumentSummary, type Me, documentSummary } from '../../../shared/api.ts'
import { ApiError } from '../../../client/src/api/http.ts'
import {
  type OfflineFallback,
  answerOrRemembered,
  meOrRemembered,
} from '../../../client/src/offline/offline-fallback.ts'
import { RememberedSession } from '../../../client/src/offline/remembered-session.ts'

function memoryStorage() {
  const items = new Map<string, string>()
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
    items,
  }
}

function teacher(id: string, displayName: string): Me {
  return {
    id,
    username: id,
    displayName,
    role: 'teacher',
    color: '#2f6f5e',
    schoolId: 's1',
    groups: [{ id: 'g1', name: '初一数学组' }],
  }
}

const li = teacher('u-li', '李老师')
const zhang = teacher('u-zhang', '张老师')
const plan: DocumentSummary = {
  id: 'd1',
  title: '3.1.1 一元一次方程 导学案',
  kind: 'lesson-plan',
  access: 'edit',
  groupId: 'g1',
  groupName: '初一数学组',
  lessonId: null,
  ownedByMe: false,
  threadModerator: false,
  threadKind: 'proposal',
}
const documentList = z.array(documentSummary)

const networkDown = () => Promise.reject(new ApiError(0, 'network', '无法连接服务器，请检查网络'))
const gatewayDown = () => Promise.reject(new ApiError(502, 'unknown', '服务器出错了，请稍后再试'))
const unauthorized = () => Promise.reject(new ApiError(401, 'unauthorized', '请先登录'))
const forbidden = () => Promise.reject(new ApiError(403, 'forbidden', '没有权限进行此操作'))

function offlineFallback() {
  const storage = memoryStorage()
  const reachability = {
    reachedCount: 0,
    unreachableCount: 0,
    reached() {
      this.reachedCount++
    },
    unreachable() {
      this.unreachableCount++
    },
  }
  const fallback: OfflineFallback = { session: new RememberedSession(storage), reachability }
  return { storage, reachability, fallback }
}

describe('remembered session', () => {
  it('answers with the remembered user and documents when the network fails', async () => {
    const { fallback, reachability } = offlineFallback()
    expect(await meOrRemembered(async () => li, fallback)).toEqual(li)
    await answerOrRemembered('/api/documents', documentList, async () => [plan], fallback)
    expect(reachability.reachedCount).toBe(2)

    expect(await meOrRemembered(networkDown, fallback)).toEqual(li)
    expect(await answerOrRemembered('/api/documents', documentList, networkDown, fallback)).toEqual([plan])
    expect(await answerOrRemembered('/api/documents', documentList, gatewayDown, fallback)).toEqual([plan])
    expect(reachability.unreachableCount).toBe(3)
  })

  it('passes the failure on when nothing is remembered', async () => {
    const { fallback, reachability } = offlineFallback()
    await expect(meOrRemembered(networkDown, fallback)).rejects.toMatchObject({ status: 0 })
    await meOrRemembered(async () => li, fallback)
    await expect(answerOrRemembered('/api/documents', documentList, networkDown, fallback)).rejects.toMatchObject({
      status: 0,
    })
    expect(reachability.unreachableCount).toBe(0)
  })

  it('forgets everything on a 401, so that offline the login page stays', async () => {
    const { fallback, storage } = offlineFallback()
    await meOrRemembered(async () => li, fallback)
    await answerOrRemembered('/api/documents', documentList, async () => [plan], fallback)

    expect(await meOrRemembered(unauthorized, fallback)).toBeNull()
    expect(storage.items.size).toBe(0)
    await expect(meOrRemembered(networkDown, fallback)).rejects.toMatchObject({ status: 0 })

    await meOrRemembered(async () => li, fallback)
    await answerOrRemembered('/api/documents', documentList, async () => [plan], fallback)
    await expect(answerOrRemembered('/api/documents', documentList, unauthorized, fallback)).rejects.toMatchObject({
      status: 401,
    })
    expect(storage.items.size).toBe(0)
  })

  it('answers other refusals from the server with the refusal, not with what it remembered', async () => {
    const { fallback } = offlineFallback()
    await meOrRemembered(async () => li, fallback)
    await answerOrRemembered('/api/documents', documentList, async () => [plan], fallback)
    await expect(answerOrRemembered('/api/documents', documentList, forbidden, fallback)).rejects.toMatchObject({
      status: 403,
    })
    expect(fallback.session.answer('/api/documents', documentList)).toEqual([plan])
  })

  it("never shows one teacher's documents to the next teacher on a shared computer", async () => {
    const { fallback } = offlineFallback()
    await meOrRemembered(async () => li, fallback)
    await answerOrRemembered('/api/documents', documentList, async () => [plan], fallback)
    await meOrRemembered(async () => zhang, fallback)
    expect(fallback.session.user()).toEqual(zhang)
    await expect(answerOrRemembered('/api/documents', documentList, networkDown, fallback)).rejects.toMatchObject({
      status: 0,
    })
  })

  it('keeps no answer while nobody is signed in', async () => {
    const { fallback, storage } = offlineFallback()
    await answerOrRemembered('/api/documents', documentList, async () => [plan], fallback)
    expect(storage.items.size).toBe(0)
  })

  it('counts a damaged or outdated entry as nothing remembered', async () => {
    const { fallback, storage } = offlineFallback()
    await meOrRemembered(async () => li, fallback)
    fallback.session.rememberAnswer('/api/documents', [{ id: 'd1', title: 'from an older client' }])
    await expect(answerOrRemembered('/api/documents', documentList, networkDown, fallback)).rejects.toMatchObject({
      status: 0,
    })

    const [key] = [...storage.items.keys()]
    storage.items.set(key!, '{not json')
    expect(fallback.session.user()).toBeNull()
  })

  it('still works online when storage refuses to be written', async () => {
    const refusing = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
      removeItem: () => {},
    }
    const fallback: OfflineFallback = {
      session: new RememberedSession(refusing),
      reachability: { reached() {}, unreachable() {} },
    }
    expect(await meOrRemembered(async () => li, fallback)).toEqual(li)
    expect(await answerOrRemembered('/api/documents', documentList, async () => [plan], fallback)).toEqual([plan])
  })
})
