/**
 * Which code each page loads, in Debian's chromium against the real server serving the built client:
 * the list of documents none of the editor's or the other pages' (CLIENT-3), and a document's address
 * the editor's chunk before the server has said who is signed in (CLIENT-10). Each test is a first
 * visit: a fresh browser context holding only the session cookie, so nothing comes from a cache.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { login } from '../helpers/collab-client.ts'
import { type TestServer, createDocumentInDemoGroup } from '../helpers/test-server.ts'
import { browserSuitesEnabled } from './helpers/chromium.ts'
import { startServedApp, stopServedApp } from './helpers/served-app.ts'

const enabled = browserSuitesEnabled()
/** The chunks named after the pages they hold, as the build names them. */
const otherPageChunk =
  /\/assets\/(EditorPage|PrintPage|SchoolPage|TemplatePage|MentorshipPage|MeetingPages|SearchPage|LibraryPage|LessonPages|VersionPages)-[^/]+\.js$/
const editorChunk = /\/assets\/EditorPage-[^/]+\.js$/

describe.runIf(enabled)('browser: what each page loads', () => {
  let server: TestServer
  let browser: Browser
  const contexts: BrowserContext[] = []

  beforeAll(async () => {
    ;({ server, browser } = await startServedApp({ demoPlan: false }))
  })

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()))
  })

  afterAll(() => stopServedApp({ server, browser }))

  async function firstVisit(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, locale: 'zh-CN' })
    contexts.push(context)
    const [name, value] = (await login(server.url, 'teacher1')).split('=')
    await context.addCookies([{ name: name!, value: value!, url: server.url }])
    return { context, page: await context.newPage() }
  }

  it('[CLIENT-3] the list of documents runs none of the editor (Tiptap, ProseMirror) and none of the other pages', async () => {
    const { page } = await firstVisit()
    const scripts: Promise<{ url: string; body: string }>[] = []
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script')
        scripts.push(response.text().then((body) => ({ url: response.url(), body })))
    })
    await page.goto(`${server.url}/#/`)
    await page.getByTestId('document-link').first().waitFor()
    await page.waitForLoadState('networkidle')

    const loaded = await Promise.all(scripts)
    expect(loaded.length).toBeGreaterThan(0)
    expect(loaded.map(({ url }) => url).filter((url) => otherPageChunk.test(url))).toEqual([])
    expect(loaded.filter(({ body }) => body.includes('ProseMirror')).map(({ url }) => url)).toEqual([])
  })

  it('[CLIENT-10] a document’s address starts the editor’s chunk while /api/me is still unanswered', async () => {
    const documentId = await createDocumentInDemoGroup(server, '早加载')
    const { context, page } = await firstVisit()
    let answerMe!: () => void
    const meHeld = new Promise<void>((resolve) => (answerMe = resolve))
    let meAnswered = false
    await context.route('**/api/me', async (route) => {
      await meHeld
      meAnswered = true
      await route.continue()
    })
    const editorChunkRequested = page.waitForRequest((request) => editorChunk.test(request.url()))

    await page.goto(`${server.url}/#/documents/${encodeURIComponent(documentId)}`)
    await editorChunkRequested
    expect(meAnswered).toBe(false)

    answerMe()
    await page.getByTestId('editor').waitFor()
  })

  it('[CLIENT-11] a document’s address fetches the editor’s chunk while the entry is still arriving', async () => {
    const documentId = await createDocumentInDemoGroup(server, '随入口加载')
    const { context, page } = await firstVisit()
    let sendEntry!: () => void
    const entryHeld = new Promise<void>((resolve) => (sendEntry = resolve))
    await context.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
      await entryHeld
      await route.continue()
    })
    const editorChunkRequested = page.waitForRequest((request) => editorChunk.test(request.url()), { timeout: 10_000 })

    await page.goto(`${server.url}/#/documents/${encodeURIComponent(documentId)}`, { waitUntil: 'commit' })
    try {
      await editorChunkRequested
    } finally {
      sendEntry()
    }
    await page.getByTestId('editor').waitFor()
  })
})
