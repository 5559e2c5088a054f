/**
 * PDFs printed by Debian's chromium through playwright-core. One browser, launched on the first PDF
 * and closed with the server; each PDF gets its own context with JavaScript off and every request
 * refused, so the page is exactly the HTML it was given. At most `maxConcurrent` pages render at once
 * and at most `maxWaiting` wait; beyond that the answer is "busy", not an ever longer queue.
 */
import { existsSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { logger } from '../../log/logger.ts'

export const defaultChromiumPath = '/usr/bin/chromium'

export class PdfUnavailableError extends Error {}

export const noChromiumMessage = '服务器未安装 Chromium，请使用打印预览中的“打印/另存为 PDF”'
const busyMessage = '正在生成的 PDF 较多，请稍后再试，或使用打印预览中的“打印/另存为 PDF”'
const failedMessage = '生成 PDF 失败，请使用打印预览中的“打印/另存为 PDF”'

export interface PdfRendererOptions {
  executablePath?: string
  maxConcurrent?: number
  maxWaiting?: number
}

export class PdfRenderer {
  private readonly executablePath: string
  private readonly maxConcurrent: number
  private readonly maxWaiting: number
  private browser: Promise<Browser> | null = null
  private running = 0
  private readonly waiting: (() => void)[] = []
  private closed = false

  constructor(options: PdfRendererOptions = {}) {
    this.executablePath = options.executablePath ?? defaultChromiumPath
    this.maxConcurrent = options.maxConcurrent ?? 2
    this.maxWaiting = options.maxWaiting ?? 16
  }

  available(): boolean {
    return !this.closed && existsSync(this.executablePath)
  }

  /** A4 PDF of `html`; throws `PdfUnavailableError` with a message for the teacher. */
  async render(html: string): Promise<Uint8Array> {
    if (!this.available()) throw new PdfUnavailableError(noChromiumMessage)
    await this.takeTurn()
    try {
      const browser = await this.launched()
      const context = await browser.newContext({ javaScriptEnabled: false })
      try {
        const page = await context.newPage()
        await page.route('**/*', (route) => route.abort())
        await page.setContent(html, { waitUntil: 'load' })
        return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }))
      } finally {
        await context.close()
      }
    } catch (error) {
      if (error instanceof PdfUnavailableError) throw error
      logger.error({ err: error }, 'pdf rendering failed')
      throw new PdfUnavailableError(failedMessage)
    } finally {
      this.endTurn()
    }
  }

  async close(): Promise<void> {
    this.closed = true
    const browser = this.browser
    this.browser = null
    if (browser) await browser.then((b) => b.close()).catch(() => {})
  }

  private async takeTurn(): Promise<void> {
    if (this.running < this.maxConcurrent) {
      this.running += 1
      return
    }
    if (this.waiting.length >= this.maxWaiting) throw new PdfUnavailableError(busyMessage)
    // The finishing render hands its turn over directly, so `running` stays counted.
    await new Promise<void>((resolve) => this.waiting.push(resolve))
  }

  private endTurn(): void {
    const next = this.waiting.shift()
    if (next) next()
    else this.running -= 1
  }

  private launched(): Promise<Browser> {
    if (!this.browser) {
      // playwright-core is a quarter of the heap of a server that has it loaded (27 MB): most servers
      // print no PDF for hours, so it is loaded with the first browser.
      const launching = import('playwright-core').then(({ chromium }) =>
        chromium.launch({
          executablePath: this.executablePath,
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        }),
      )
      this.browser = launching
      launching.then(
        (browser) =>
          browser.on('disconnected', () => {
            // A crashed browser is launched anew by the next PDF.
            if (this.browser === launching) this.browser = null
          }),
        () => {
          if (this.browser === launching) this.browser = null
        },
      )
    }
    return this.browser
  }
}
