/**
 * The app without any network, in Debian's chromium against the real server serving the built client:
 * a teacher who opened a 导学案 once reloads it with the network gone entirely. The service worker
 * serves the app, the remembered session signs her in and lists her documents, the local copy in
 * IndexedDB fills the editor; what she types then reaches a colleague once the network is back.
 * Screenshots go to test-results/browser/offline-app-*.
 */
import type { Browser, BrowserContext, Page, Request } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type TestServer, createDocumentInDemoGroup } from '../helpers/test-server.ts'
import { browserSuitesEnabled } from './helpers/chromium.ts'
import { NetworkLink } from './helpers/network-link.ts'
import { startServedApp, stopServedApp } from './helpers/served-app.ts'
import {
  appendParagraph,
  documentText,
  eventually,
  expectConverged,
  expectSaveStatus,
  logIn,
  openDocument,
  pendingCount,
  screenshot,
} from './helpers/teacher-page.ts'

const enabled = browserSuitesEnabled()
const offlineBanner = '离线模式：修改保存在本机，联网后自动同步'

/**
 * Cuts every path out of the browser: it reports offline, the collab socket is cut (see NetworkLink),
 * and any HTTP request that reaches the network layer (the page's, or the service worker's own) fails.
 * Returns the requests that were answered by anything but the service worker meanwhile: none may be.
 */
async function cutEverything(context: BrowserContext, link: NetworkLink): Promise<Request[]> {
  const answeredFromNetwork: Request[] = []
  context.on('requestfinished', (request) => {
    void request.response().then((response) => {
      if (response && !response.fromServiceWorker()) answeredFromNetwork.push(request)
    })
  })
  await context.route('**/*', (route) => route.abort('internetdisconnected'))
  await link.goOffline()
  return answeredFromNetwork
}

async function restoreEverything(context: BrowserContext, link: NetworkLink): Promise<void> {
  await context.unrouteAll()
  await link.restore()
}

/** Not awaiting `navigator.serviceWorker.ready`: that never settles when installing fails. */
function serviceWorkerControls(page: Page): Promise<boolean> {
  return page.evaluate(() => navigator.serviceWorker.controller?.state === 'activated')
}

describe.runIf(enabled)('browser: the app opens and edits without network', () => {
  let server: TestServer
  let browser: Browser
  const pages: Page[] = []

  beforeAll(async () => {
    ;({ server, browser } = await startServedApp({ demoPlan: false }))
  })

  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.context().close()))
  })

  afterAll(() => stopServedApp({ server, browser }))

  async function openAs(username: string, title: string): Promise<Page> {
    const page = await logIn(browser, server.url, username)
    pages.push(page)
    await openDocument(page, title)
    await expectSaveStatus(page, '已保存')
    return page
  }

  async function storedText(documentId: string): Promise<string> {
    const stored = await server.store.updates.loadDocumentState(documentId)
    const doc = new Y.Doc()
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
    for (const update of stored.updates) Y.applyUpdate(doc, update)
    return doc.getXmlFragment('content').toString()
  }

  it('a teacher reloads a 导学案 with no network at all, edits it, and the edit reaches a colleague later', async () => {
    const title = '3.2 解一元一次方程（一）导学案'
    const documentId = await createDocumentInDemoGroup(server, title)
    const li = await openAs('teacher1', title)
    const goal = '学习目标：会用合并同类项解方程。'
    await appendParagraph(li, goal)
    // Stored on the server, so the page's own copy has every keystroke of it too, before the network goes.
    await expect.poll(() => storedText(documentId), eventually).toContain(goal)
    await expectSaveStatus(li, '已保存')
    // The app's files are in the cache once the worker is active; it controls this first page too.
    await expect.poll(() => serviceWorkerControls(li), eventually).toBe(true)

    const link = await NetworkLink.of(li, server.url)
    const answeredFromNetwork = await cutEverything(li.context(), link)
    await li.reload()
    await li.getByTestId('editor').waitFor()
    await expect(li.getByTestId('offline-banner').textContent()).resolves.toBe(offlineBanner)
    await expect(li.getByTestId('current-user').textContent()).resolves.toContain('李老师')
    await expect(li.locator('.editor-title h1').textContent()).resolves.toBe(title)
    await expect.poll(() => documentText(li), eventually).toContain(goal)
    await expectSaveStatus(li, '离线（0 处修改未同步）')
    await expect(li.getByTestId('access-badge').getAttribute('data-access')).resolves.toBe('edit')
    await screenshot(li, 'offline-app-1-reloaded-without-network')

    // Also the way back in, as after opening the laptop at home: the list, then the document.
    await li.getByRole('link', { name: '← 文档列表' }).click()
    await openDocument(li, title)
    const offlineText = '离线时补充：课堂练习改为四道。'
    await appendParagraph(li, offlineText)
    await expectSaveStatus(li, /^离线（[1-9]\d* 处修改未同步）$/)
    expect(await pendingCount(li)).toBeGreaterThan(0)
    await screenshot(li, 'offline-app-2-typed-without-network')
    expect(answeredFromNetwork.map((request) => request.url())).toEqual([])

    const zhang = await openAs('teacher2', title)
    expect(await documentText(zhang)).toContain(goal)
    expect(await documentText(zhang)).not.toContain(offlineText)

    await restoreEverything(li.context(), link)
    const blocks = await expectConverged([li, zhang])
    expect(blocks).toEqual(expect.arrayContaining([goal, offlineText]))
    await Promise.all([expectSaveStatus(li, '已保存'), expectSaveStatus(zhang, '已保存')])
    await li.getByTestId('offline-banner').waitFor({ state: 'detached' })
    await screenshot(li, 'offline-app-3-synced')
  })
})
