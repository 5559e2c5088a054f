/**
 * A new version of the app reaches teachers through the service worker without taking an open page
 * away from them: it waits, the app says 有新版本，刷新即可使用, and only the tab where the teacher
 * clicks 刷新 reloads into it.
 *
 * The two versions are copies of the built client served by a small static server: B differs from A
 * in index.html, as after a deploy. The API is not what is tested here; that server answers the two
 * requests the app needs to show a signed-in page.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { type Server, createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Me } from '../../shared/api.ts'
import { buildClient } from './helpers/build-client.ts'
import { browserSuitesEnabled, launchChromium } from './helpers/chromium.ts'
import { eventually } from './helpers/teacher-page.ts'

const enabled = browserSuitesEnabled()
const versionMarker = '<meta name="gongbei-version" content="B" />'
const teacher: Me = {
  id: 'u1',
  username: 'teacher1',
  displayName: '李老师',
  role: 'teacher',
  color: '#2f6f5e',
  schoolId: 's1',
  groups: [],
}
const contentTypes: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }

/** Version B: another index.html, and the worker that lists it (a new revision makes a new worker). */
function makeVersionB(dir: string): void {
  const indexPath = join(dir, 'index.html')
  writeFileSync(indexPath, readFileSync(indexPath, 'utf8').replace('</head>', `${versionMarker}</head>`))
  const workerPath = join(dir, 'sw.js')
  const worker = readFileSync(workerPath, 'utf8')
  const updated = worker.replace(/(url:"index\.html",revision:")([0-9a-f]+)"/, '$1$2b"')
  if (updated === worker) throw new Error('sw.js does not list index.html as expected')
  writeFileSync(workerPath, updated)
}

function serveVersions(root: { current: string }): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname
    const json = path === '/api/me' ? teacher : path === '/api/documents' ? [] : undefined
    if (json !== undefined) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(json))
      return
    }
    try {
      const body = readFileSync(join(root.current, normalize(path === '/' ? 'index.html' : path)))
      response.writeHead(200, { 'content-type': contentTypes[extname(path)] ?? 'text/html' }).end(body)
    } catch {
      response.writeHead(404).end()
    }
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      resolve({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` })
    }),
  )
}

function servedVersion(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('meta[name="gongbei-version"]')?.getAttribute('content') ?? 'A')
}

describe.runIf(enabled)('browser: a new version of the app', () => {
  let browser: Browser
  let server: Server
  let url = ''
  let versionsDir = ''
  const root = { current: '' }

  beforeAll(async () => {
    const distDir = await buildClient()
    versionsDir = mkdtempSync(join(tmpdir(), 'gongbei-versions-'))
    cpSync(distDir, join(versionsDir, 'a'), { recursive: true })
    cpSync(distDir, join(versionsDir, 'b'), { recursive: true })
    makeVersionB(join(versionsDir, 'b'))
    root.current = join(versionsDir, 'a')
    ;[{ server, url }, browser] = await Promise.all([serveVersions(root), launchChromium()])
  })

  afterAll(async () => {
    await browser?.close()
    server?.close()
    if (versionsDir) rmSync(versionsDir, { recursive: true, force: true })
  })

  it('waits until the teacher reloads for it, and reloads only that tab', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' })
    const [editing, other] = [await context.newPage(), await context.newPage()]
    for (const page of [editing, other]) {
      await page.goto(url)
      await page.getByTestId('current-user').waitFor()
    }
    await expect
      .poll(() => editing.evaluate(() => navigator.serviceWorker.controller?.state), eventually)
      .toBe('activated')

    root.current = join(versionsDir, 'b')
    await other.evaluate(() => Object.assign(window, { keptOpen: true }))
    await editing.reload()
    // The browser looks for a new worker after a navigation, but takes its time; the app's own hourly
    // check does the same at once.
    await editing.evaluate(() =>
      navigator.serviceWorker.getRegistration().then((registration) => registration?.update()),
    )
    for (const page of [editing, other]) {
      await expect
        .poll(() => page.getByTestId('update-banner').textContent(), eventually)
        .toBe('有新版本，刷新即可使用刷新')
    }
    expect(await servedVersion(editing)).toBe('A')

    await editing.getByRole('button', { name: '刷新' }).click()
    await expect.poll(() => servedVersion(editing), eventually).toBe('B')
    await editing.getByTestId('current-user').waitFor()
    expect(await editing.getByTestId('update-banner').count()).toBe(0)

    // The other tab keeps its page until its own teacher reloads; its 刷新 still works.
    expect(await other.evaluate(() => 'keptOpen' in window)).toBe(true)
    await other.getByRole('button', { name: '刷新' }).click()
    await expect.poll(() => servedVersion(other), eventually).toBe('B')
    await context.close()
  })
})
