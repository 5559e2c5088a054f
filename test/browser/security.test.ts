/**
 * The web surface in Debian's chromium against the real server and today's built client: the app works
 * under its content security policy, and a colleague's caret and the list of who is online show the
 * server's names, never the one a client claims (docs/SECURITY.md).
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { contentFragmentName } from '../../shared/schema/editor-schema.ts'
import { connectClient, type TestClient, waitFor, waitForSync, wsToken } from '../helpers/collab-client.ts'
import { pngImage } from '../helpers/test-images.ts'
import { createDocumentInDemoGroup, type TestServer } from '../helpers/test-server.ts'
import { browserSuitesEnabled } from './helpers/chromium.ts'
import { startServedApp, stopServedApp } from './helpers/served-app.ts'
import {
  appendParagraph,
  caretLabels,
  clickAtEndOfDocument,
  eventually,
  expectSaveStatus,
  logIn,
  openDocument,
  screenshot,
} from './helpers/teacher-page.ts'

const enabled = browserSuitesEnabled()
const title = '有理数的加法 安全检查'

describe.runIf(enabled)('browser: the web surface', () => {
  let server: TestServer
  let browser: Browser
  let documentId: string
  const pages: Page[] = []
  const clients: TestClient[] = []

  beforeAll(async () => {
    ;({ server, browser } = await startServedApp({ demoPlan: false }))
    documentId = await createDocumentInDemoGroup(server, title)
  })

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await Promise.all(pages.splice(0).map((page) => page.context().close()))
  })

  afterAll(() => stopServedApp({ server, browser }))

  async function logInAs(username: string): Promise<Page> {
    const page = await logIn(browser, server.url, username)
    pages.push(page)
    return page
  }

  it('[SEC-7] signs in, edits, shows a picture and installs its service worker with no policy violation', async () => {
    const page = await logInAs('teacher1')
    const violations: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
    })
    await page.context().addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const where = `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`
        console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI} at ${where}`)
      })
    })
    const response = await page.reload()
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'")
    await openDocument(page, title)
    await appendParagraph(page, '安全策略下照常输入。')
    await expectSaveStatus(page, '已保存')
    await clickAtEndOfDocument(page)
    await page
      .getByTestId('toolbar-image-file')
      .setInputFiles({ name: '数轴.png', mimeType: 'image/png', buffer: Buffer.from(pngImage(60, 20)) })
    const widths = () =>
      page
        .getByTestId('editor')
        .locator('img.lesson-image')
        .evaluateAll((images) => images.map((image) => (image as HTMLImageElement).naturalWidth))
    await expect.poll(widths, eventually).toEqual([60])
    const workerActive = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready
      return registration.active !== null
    })
    expect(workerActive).toBe(true)
    await screenshot(page, 'security-csp')
    expect(violations).toEqual([])
  })

  it('[SEC-3] shows a guest who claims to be 王老师 under its own name, on its caret and in the online list', async () => {
    const page = await logInAs('teacher1')
    await openDocument(page, title)
    await appendParagraph(page, '孙老师的光标会停在这里。')
    await expectSaveStatus(page, '已保存')

    const guest = connectClient(server.url, documentId, await wsToken(server.url, 'guest'))
    clients.push(guest)
    await waitForSync(guest)
    let text: Y.XmlText | null = null
    await waitFor(
      () => (text = firstText(guest.doc.getXmlFragment(contentFragmentName))) !== null,
      'the document’s text',
    )
    const at: unknown = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text!, 0))
    guest.provider.awareness.setLocalState({
      user: { name: '王老师', color: '#e03131' },
      cursor: { anchor: at, head: at },
    })

    await expect.poll(() => caretLabels(page.getByTestId('editor')), eventually).toEqual(['孙老师'])
    await expect
      .poll(() => page.getByTestId('online-user').allTextContents(), eventually)
      .toEqual(['李老师（我）', '孙老师'])
    await screenshot(page, 'security-spoofed-name')
  })
})

function firstText(fragment: Y.XmlFragment): Y.XmlText | null {
  for (const node of fragment.createTreeWalker((item) => item instanceof Y.XmlText)) return node as Y.XmlText
  return null
}
