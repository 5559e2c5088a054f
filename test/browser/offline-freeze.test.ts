/**
 * A 导学案 frozen while its author is offline, in Debian's chromium against the real server (port 0,
 * SQLite, the demo school without its 备课计划): 李老师, 主备人 of a lesson, types in its draft with no
 * network while the leader moves the lesson on. Back online her editor follows the lesson and the
 * server refuses what she typed; nothing of it is lost, and none of it reaches the server's copy.
 *
 * Two endings, as the rules give her two accesses. After 定稿 she may still comment: the page says the
 * plan was finalized and keeps what she typed, on the page and in the local copy, which she may download
 * or, by her choice, set aside to continue from the server's copy. After 归档 she may only read: what
 * she typed stays on the page and in the local copy, counted as unsynced, across a reload.
 * Screenshots go to test-results/browser/offline-freeze-*.
 */
import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import * as Y from 'yjs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { LessonDetail, LessonSummary } from '../../shared/api/lessons.ts'
import { contentFragmentName } from '../../shared/schema/editor-schema.ts'
import type { LessonStage } from '../../shared/workflow/stages.ts'
import { type ApiClient, apiClientFor } from '../helpers/api-client.ts'
import { addLesson, demoGroupId, planInput, userId } from '../helpers/lesson-fixtures.ts'
import type { TestServer } from '../helpers/test-server.ts'
import { browserSuitesEnabled } from './helpers/chromium.ts'
import { NetworkLink } from './helpers/network-link.ts'
import { startServedApp, stopServedApp } from './helpers/served-app.ts'
import {
  appendParagraph,
  documentText,
  eventually,
  expectAccess,
  expectSaveStatus,
  logIn,
  pendingCount,
  screenshot,
} from './helpers/teacher-page.ts'

const enabled = browserSuitesEnabled()
const onlineText = '情境导入：用配套问题引出方程。'
const offlineText = '离线时补充：配套问题先画表格，再找相等关系，学生分组讨论五分钟。'

describe.runIf(enabled)('browser: a draft frozen while its author is offline', { timeout: 60_000 }, () => {
  let server: TestServer
  let browser: Browser
  let leader: ApiClient
  const pages: Page[] = []

  beforeAll(async () => {
    ;({ server, browser } = await startServedApp({ demoPlan: false }))
    leader = await apiClientFor(server.url, 'leader')
  })

  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.context().close()))
  })

  afterAll(() => stopServedApp({ server, browser }))

  async function openAs(username: string, documentId: string): Promise<Page> {
    const page = await logIn(browser, server.url, username)
    pages.push(page)
    await page.goto(`${server.url}/#/documents/${encodeURIComponent(documentId)}`)
    await page.getByTestId('editor').waitFor()
    return page
  }

  /**
   * 李老师 drafts a new lesson, loses the network and types `offlineText`; the leader, through the API,
   * moves the lesson through `stages`; then her network comes back.
   */
  async function typeOfflineWhileTheLeaderMoves(
    title: string,
    stages: readonly LessonStage[],
  ): Promise<{ li: Page; lesson: LessonSummary }> {
    const lesson = await addLesson(
      leader,
      await demoGroupId(leader),
      planInput(await userId(server, 'teacher1'), { title }),
    )
    const li = await openAs('teacher1', lesson.documentId)
    await expectAccess(li, 'edit')
    await appendParagraph(li, onlineText)
    await expectSaveStatus(li, '已保存')

    const network = await NetworkLink.of(li, server.url)
    await network.goOffline()
    await expectSaveStatus(li, /^离线/)
    await appendParagraph(li, offlineText)
    await expectSaveStatus(li, /^离线（[1-9]\d* 处修改未同步）$/)

    for (const to of stages) {
      const { status, body } = await leader.post<LessonDetail>(`/api/lessons/${encodeURIComponent(lesson.id)}/stage`, {
        to,
      })
      expect([status, body.lesson.stage]).toEqual([200, to])
    }
    await network.restore()
    return { li, lesson }
  }

  /** What any colleague opening the document gets, in their browser and in the server's store. */
  async function expectOnlyOnlineTextOnServer(documentId: string): Promise<Page> {
    const zhang = await openAs('teacher2', documentId)
    await expect.poll(() => documentText(zhang), eventually).toContain(onlineText)
    expect(await documentText(zhang)).not.toContain(offlineText)
    const { snapshot, updates } = await server.store.updates.loadDocumentState(documentId)
    const doc = new Y.Doc()
    for (const update of snapshot ? [snapshot, ...updates] : updates) Y.applyUpdate(doc, update)
    const stored = doc.getXmlFragment(contentFragmentName).toString()
    expect([stored.includes(onlineText), stored.includes(offlineText)]).toEqual([true, false])
    return zhang
  }

  const onlineNames = (page: Page) => page.getByTestId('online-user').allTextContents()

  it('[SYNC-7] an open editor turns read-only at 定稿 and says why', async () => {
    const lesson = await addLesson(
      leader,
      await demoGroupId(leader),
      planInput(await userId(server, 'teacher1'), { title: '3.4 实际问题与一元一次方程（三）' }),
    )
    const li = await openAs('teacher1', lesson.documentId)
    await expectAccess(li, 'edit')
    expect(await li.getByTestId('read-only-notice').count()).toBe(0)
    for (const to of ['review', 'finalized'] as const) {
      const { status } = await leader.post<LessonDetail>(`/api/lessons/${encodeURIComponent(lesson.id)}/stage`, { to })
      expect(status).toBe(200)
    }
    await expectAccess(li, 'comment')
    await expect
      .poll(() => li.getByTestId('read-only-notice').textContent(), eventually)
      .toBe('组长已定稿（v1），正文已锁定；要修改请在二次备课中进行')
    await screenshot(li, 'offline-freeze-0-finalized-notice')
  })

  it('[SYNC-5] [SYNC-7] 定稿 meanwhile: told it was finalized; what she typed stays, to download or to set aside by choice', async () => {
    const { li, lesson } = await typeOfflineWhileTheLeaderMoves('3.4 实际问题与一元一次方程（一）', [
      'review',
      'finalized',
    ])
    const finalized = '组长已定稿（v1），正文已锁定；要修改请在二次备课中进行'
    await expectAccess(li, 'comment')
    await expect
      .poll(() => li.getByTestId('update-refused').textContent(), eventually)
      .toMatch(
        new RegExp(`^服务器没有保存你的修改：${finalized}。这些修改仍在这台电脑上（[1-9]\\d* 处未同步），没有丢失。`),
      )
    // Nothing thrown away: the text stays on the page, counted as unsynced, and never reaches the server.
    expect(await documentText(li)).toContain(offlineText)
    expect(await pendingCount(li)).toBeGreaterThan(0)
    expect(await li.getByTestId('rescued-copy').count()).toBe(0)
    await screenshot(li, 'offline-freeze-1-finalized-kept')
    await expectOnlyOnlineTextOnServer(lesson.documentId)

    // The local copy keeps it across a reload.
    await li.reload()
    await li.getByTestId('editor').waitFor()
    await expect.poll(() => documentText(li), eventually).toContain(offlineText)
    await li.getByTestId('update-refused').waitFor()
    const [download] = await Promise.all([li.waitForEvent('download'), li.getByTestId('refused-download').click()])
    expect(download.suggestedFilename()).toBe(`${lesson.title} 导学案（未保存的副本）.html`)
    const copy = readFileSync(await download.path(), 'utf8')
    expect([copy.includes(onlineText), copy.includes(offlineText)]).toEqual([true, true])

    // Continuing from the server's version is her choice, and keeps a copy first.
    await li.getByTestId('refused-start-over').click()
    await li.getByTestId('rescued-copy').waitFor()
    await expect.poll(() => documentText(li), eventually).not.toContain(offlineText)
    expect(await documentText(li)).toContain(onlineText)
    await expectSaveStatus(li, '已保存')
    expect(await li.getByTestId('update-refused').count()).toBe(0)
    await expect.poll(() => li.getByTestId('read-only-notice').textContent(), eventually).toBe(finalized)
    await screenshot(li, 'offline-freeze-2-finalized-started-over')
  })

  it('归档 meanwhile: read-only, what she typed stays on the page and in the local copy, also after a reload', async () => {
    const stages: LessonStage[] = ['review', 'finalized', 'adapting', 'reflecting', 'archived']
    const { li, lesson } = await typeOfflineWhileTheLeaderMoves('3.4 实际问题与一元一次方程（二）', stages)
    await expectAccess(li, 'read')
    await expectSaveStatus(li, '只读')
    await expect
      .poll(() => li.getByTestId('read-only-notice').textContent(), eventually)
      .toBe('这节课已归档，正文已锁定')
    const zhang = await expectOnlyOnlineTextOnServer(lesson.documentId)
    // 张老师 joined long after the server answered what Li's page sent on reconnecting, and her arrival
    // comes down the same socket after that answer: a page that reacted to it has done so by now.
    await expect.poll(() => onlineNames(li), eventually).toContain('张老师')
    expect(await li.getByTestId('update-refused').count()).toBe(0)
    expect(await li.getByTestId('rescued-copy').count()).toBe(0)
    expect(await documentText(li)).toContain(offlineText)
    const pending = await pendingCount(li)
    expect(pending).toBeGreaterThan(0)
    await screenshot(li, 'offline-freeze-3-archived-kept')

    await li.reload()
    await li.getByTestId('editor').waitFor()
    await expectAccess(li, 'read')
    await expect.poll(() => documentText(li), eventually).toContain(offlineText)
    await expect.poll(() => onlineNames(li), eventually).toContain('张老师')
    // Her departure is relayed after the answer to the reloaded page's sync, on the same socket.
    await zhang.context().close()
    await expect.poll(() => onlineNames(li), eventually).not.toContain('张老师')
    expect(await documentText(li)).toContain(offlineText)
    expect(await pendingCount(li)).toBe(pending)
    expect(await li.getByTestId('update-refused').count()).toBe(0)
    await screenshot(li, 'offline-freeze-4-archived-reloaded')
  })
})
