/**
 * The app over a slow link, in real chromium: how long a teacher waits until the 导学案's text shows in
 * the editor, on a first visit (cold: empty cache, no service worker) and on the next (warm), and how
 * many bytes each page transfers. The link is chromium's own emulation (CDP
 * `Network.emulateNetworkConditions`): 1.5 Mbit/s both ways and 150 ms added to every request, a
 * rural school's line. Targets (docs/CLIENT.md, CLIENT-4): under 3 s cold, under 1 s warm.
 *
 * The client is built for the run (production, precompressed) and served by our server with the demo
 * school; the teacher's session cookie is set directly, so the login page is measured on its own.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { DocumentSummary } from '../../shared/api.ts'
import { logger } from '../../server/log/logger.ts'
import { startServer } from '../../server/start.ts'
import { launchChromium } from '../browser/helpers/chromium.ts'
import { login } from '../helpers/collab-client.ts'
import { median } from './stats.ts'

export const slowLink = { downloadKbps: 1500, uploadKbps: 1500, latencyMs: 150 }
export const pageLoadTargets = { coldMs: 3000, warmMs: 1000 }

/** Words of the demo 导学案 that show once the editor has its text. */
const editorWords = '设未知数'

export interface PageBytes {
  page: string
  /** Bytes over HTTP (headers and bodies as sent, compressed), and over the collaboration WebSocket. */
  httpBytes: number
  webSocketBytes: number
  requests: number
}

export interface PageLoadResult {
  /** The machine's one-minute load average when the measuring began: a busy machine slows every figure. */
  loadAverage: number
  link: typeof slowLink
  targets: typeof pageLoadTargets
  /** Navigation start to the editor showing the text, each run. */
  coldMs: number[]
  warmMs: number[]
  medianColdMs: number
  medianWarmMs: number
  /**
   * One cold and one warm load without the link's emulation, on the same machine in the same run: what
   * the browser's own work (parsing, rendering) costs, apart from the link.
   */
  unthrottledColdMs: number
  unthrottledWarmMs: number
  /** From the first cold and the first warm run, and the pages before the editor. */
  pages: PageBytes[]
  met: boolean
}

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

async function buildClient(outDir: string): Promise<void> {
  const viteBin = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js')
  await promisify(execFile)(
    process.execPath,
    [viteBin, 'build', '--config', 'client/vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: repoRoot,
      env: { ...process.env, NODE_ENV: 'production' },
    },
  )
}

interface Counted {
  page: Page
  bytes: () => Omit<PageBytes, 'page'>
}

/** A page on the slow link (or, `throttled` false, on the machine's own), counting what it transfers. */
async function slowPage(context: BrowserContext, throttled = true): Promise<Counted> {
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  let httpBytes = 0
  let webSocketBytes = 0
  let requests = 0
  cdp.on('Network.loadingFinished', (event) => {
    httpBytes += event.encodedDataLength
    requests++
  })
  // Binary frames arrive base64-encoded: four characters for three bytes.
  cdp.on('Network.webSocketFrameReceived', (event) => {
    webSocketBytes +=
      event.response.opcode === 2
        ? Math.floor((event.response.payloadData.length * 3) / 4)
        : event.response.payloadData.length
  })
  await cdp.send('Network.enable')
  if (throttled)
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: slowLink.latencyMs,
      downloadThroughput: (slowLink.downloadKbps * 1000) / 8,
      uploadThroughput: (slowLink.uploadKbps * 1000) / 8,
    })
  return { page, bytes: () => ({ httpBytes, webSocketBytes, requests }) }
}

/** Milliseconds from the navigation's start until the editor shows the document's words. */
async function timeToEditorText(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' })
  const shown = await page.waitForFunction(
    (words) => {
      const editor = document.querySelector('[data-testid="editor"]')
      return editor?.textContent?.includes(words) ? performance.now() : null
    },
    editorWords,
    { polling: 'raf', timeout: 60_000 },
  )
  return (await shown.jsonValue()) as number
}

async function newContext(browser: Browser, baseUrl: string, sessionCookie: string | null): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, locale: 'zh-CN' })
  if (sessionCookie) {
    const [name, ...value] = sessionCookie.split(';')[0]!.split('=')
    await context.addCookies([{ name: name!, value: value.join('='), url: baseUrl }])
  }
  return context
}

/** Once the service worker has stored the app, as it has before a teacher's second visit. */
async function serviceWorkerReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
}

export async function measurePageLoad(runs: number): Promise<PageLoadResult> {
  const loadAverage = loadavg()[0]!
  const work = mkdtempSync(join(tmpdir(), 'gongbei-page-load-'))
  const clientDir = join(work, 'client')
  console.error('page load: building the client…')
  await buildClient(clientDir)
  // A log line per request would bury the results.
  logger.level = process.env.GONGBEI_LOG_LEVEL ?? 'warn'
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: join(work, 'data'),
    serveClient: true,
    clientDir,
    demoPlan: true,
  })
  const browser = await launchChromium()
  try {
    const cookie = await login(server.url, 'teacher1')
    const list = (await (
      await fetch(`${server.url}/api/documents`, { headers: { cookie } })
    ).json()) as DocumentSummary[]
    const plan = list.find((document) => document.title.includes('一元一次方程'))
    if (!plan) throw new Error('the demo 导学案 is missing')
    const editorUrl = `${server.url}/#/documents/${encodeURIComponent(plan.id)}`
    const pages: PageBytes[] = []

    for (const [name, hash, withCookie] of [
      ['login', '#/login', false],
      ['documents', '#/', true],
    ] as const) {
      const context = await newContext(browser, server.url, withCookie ? cookie : null)
      const { page, bytes } = await slowPage(context)
      await page.goto(`${server.url}/${hash}`, { waitUntil: 'load' })
      await page
        .getByTestId(withCookie ? 'document-link' : 'login-username')
        .first()
        .waitFor({ timeout: 60_000 })
      await page.waitForLoadState('networkidle')
      pages.push({ page: `${name} (cold)`, ...bytes() })
      await context.close()
    }

    const coldMs: number[] = []
    const warmMs: number[] = []
    for (let run = 0; run < runs; run++) {
      console.error(`page load: run ${run + 1} of ${runs}…`)
      const context = await newContext(browser, server.url, cookie)
      const cold = await slowPage(context)
      coldMs.push(await timeToEditorText(cold.page, editorUrl))
      await serviceWorkerReady(cold.page)
      await cold.page.waitForLoadState('networkidle')
      if (run === 0) pages.push({ page: 'editor (cold)', ...cold.bytes() })
      await cold.page.close()

      const warm = await slowPage(context)
      warmMs.push(await timeToEditorText(warm.page, editorUrl))
      await warm.page.waitForLoadState('networkidle')
      if (run === 0) pages.push({ page: 'editor (warm)', ...warm.bytes() })
      await context.close()
    }
    const unthrottled = await newContext(browser, server.url, cookie)
    const fastCold = await slowPage(unthrottled, false)
    const unthrottledColdMs = await timeToEditorText(fastCold.page, editorUrl)
    await serviceWorkerReady(fastCold.page)
    await fastCold.page.waitForLoadState('networkidle')
    await fastCold.page.close()
    const unthrottledWarmMs = await timeToEditorText((await slowPage(unthrottled, false)).page, editorUrl)
    await unthrottled.close()

    const medianColdMs = median(coldMs)
    const medianWarmMs = median(warmMs)
    return {
      loadAverage,
      link: slowLink,
      targets: pageLoadTargets,
      coldMs,
      warmMs,
      medianColdMs,
      medianWarmMs,
      unthrottledColdMs,
      unthrottledWarmMs,
      pages,
      met: medianColdMs < pageLoadTargets.coldMs && medianWarmMs < pageLoadTargets.warmMs,
    }
  } finally {
    await browser.close()
    await server.close()
    rmSync(work, { recursive: true, force: true })
  }
}

export function formatPageLoad(result: PageLoadResult): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
  const verdict = (ms: number, target: number) =>
    `${Math.round(ms)} ms (target < ${target} ms: ${ms < target ? 'met' : 'NOT met'})`
  return [
    `Page load over ${result.link.downloadKbps / 1000} Mbit/s and ${result.link.latencyMs} ms (chromium network emulation), load average ${result.loadAverage.toFixed(1)}`,
    `  editor text visible, cold: ${verdict(result.medianColdMs, result.targets.coldMs)}; runs ${result.coldMs.map(Math.round).join(', ')} ms`,
    `  editor text visible, warm: ${verdict(result.medianWarmMs, result.targets.warmMs)}; runs ${result.warmMs.map(Math.round).join(', ')} ms`,
    `  without the link's emulation (the browser's own work on this machine): cold ${Math.round(result.unthrottledColdMs)} ms, warm ${Math.round(result.unthrottledWarmMs)} ms`,
    '  transferred per page:',
    ...result.pages.map(
      (page) =>
        `    ${page.page.padEnd(16)} HTTP ${kb(page.httpBytes).padStart(10)} in ${String(page.requests).padStart(2)} requests, WebSocket ${kb(page.webSocketBytes)}`,
    ),
  ].join('\n')
}
