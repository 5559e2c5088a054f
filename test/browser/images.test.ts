/**
 * Pictures in the editor, in Debian's chromium against the real server: 插入图片 uploads and inserts a
 * picture every colleague sees, a refused file or being offline inserts nothing and says why, a paste
 * uploads its data: pictures and lists the ones the browser cannot read, and a reader has no 插入图片.
 * Screenshots go to test-results/browser/images-*.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { imageRefusals } from '../../shared/images/image-check.ts'
import { storedImageId } from '../../shared/images/image-url.ts'
import { limits } from '../../shared/limits.ts'
import { noisePng, pngImage } from '../helpers/test-images.ts'
import { createDocumentInDemoGroup, type TestServer } from '../helpers/test-server.ts'
import { browserSuitesEnabled } from './helpers/chromium.ts'
import { pasteHtml } from './helpers/lesson-structure.ts'
import { startServedApp, stopServedApp } from './helpers/served-app.ts'
import { clickAtEndOfDocument, eventually, logIn, openDocument, screenshot } from './helpers/teacher-page.ts'

const enabled = browserSuitesEnabled()
const title = '数轴与图形'

describe.runIf(enabled)('browser: pictures', () => {
  let server: TestServer
  let browser: Browser
  let teacher: Page
  let colleague: Page

  beforeAll(async () => {
    ;({ server, browser } = await startServedApp({ demoPlan: false }))
    await createDocumentInDemoGroup(server, title)
    ;[teacher, colleague] = await Promise.all([
      logIn(browser, server.url, 'teacher1'),
      logIn(browser, server.url, 'teacher2'),
    ])
    await Promise.all([openDocument(teacher, title), openDocument(colleague, title)])
  })

  afterAll(async () => {
    await teacher?.context().close()
    await colleague?.context().close()
    await stopServedApp({ server, browser })
  })

  const pictures = (page: Page) => page.getByTestId('editor').locator('img.lesson-image')
  /** Width of each picture as loaded, 0 for one that did not load. */
  const loadedWidths = (page: Page) =>
    pictures(page).evaluateAll((images) => images.map((image) => (image as HTMLImageElement).naturalWidth))

  async function choose(page: Page, name: string, mimeType: string, buffer: Buffer): Promise<void> {
    await clickAtEndOfDocument(page)
    await page.getByTestId('toolbar-image-file').setInputFiles({ name, mimeType, buffer })
  }

  it('inserts a chosen picture that the colleague sees loaded too', async () => {
    await choose(teacher, '数轴.png', 'image/png', Buffer.from(pngImage(120, 40)))
    await expect.poll(() => loadedWidths(teacher), eventually).toEqual([120])
    await expect.poll(() => loadedWidths(colleague), eventually).toEqual([120])
    expect(await pictures(teacher).first().getAttribute('alt')).toBe('数轴')
    expect(storedImageId(await pictures(teacher).first().getAttribute('src'))).not.toBeNull()
    await screenshot(teacher, 'images-inserted')
  })

  it('inserts nothing for an SVG and says why', async () => {
    await choose(
      teacher,
      '图.svg',
      'image/svg+xml',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    )
    await expect.poll(() => teacher.getByTestId('image-notice').textContent(), eventually).toContain(imageRefusals.svg)
    expect(await pictures(teacher).count()).toBe(1)
    await teacher.getByTestId('image-notice').getByRole('button').click()
  })

  it('uploads the data: pictures of a paste and lists those the browser cannot read', async () => {
    await clickAtEndOfDocument(teacher)
    const dataUrl = `data:image/png;base64,${Buffer.from(pngImage(30, 30)).toString('base64')}`
    await pasteHtml(
      teacher,
      `<p>粘贴的图：</p><img src="${dataUrl}"><p><img src="file:///C:/Temp/clip_image001.png"></p>`,
    )
    await expect.poll(() => loadedWidths(teacher), eventually).toEqual([120, 30])
    await expect
      .poll(() => teacher.getByTestId('image-notice').textContent(), eventually)
      .toMatch(/1 张图片没有粘贴进来/)
    expect(await teacher.getByTestId('editor').textContent()).toContain('粘贴的图：')
    await teacher.getByTestId('image-notice').getByRole('button').click()
  })

  it('keeps a WebP as PNG, which Word can show', async () => {
    await clickAtEndOfDocument(teacher)
    const webp = await teacher.evaluate(() => {
      const canvas = document.createElement('canvas')
      canvas.width = 20
      canvas.height = 10
      canvas.getContext('2d')!.fillRect(0, 0, 20, 10)
      return canvas.toDataURL('image/webp')
    })
    expect(webp).toMatch(/^data:image\/webp;/)
    await pasteHtml(teacher, `<img src="${webp}">`)
    await expect.poll(() => loadedWidths(teacher), eventually).toEqual([120, 30, 20])
    const [stored] = await server.store.images.findImages([
      storedImageId(await pictures(teacher).last().getAttribute('src'))!,
    ])
    expect(stored).toMatchObject({ contentType: 'image/png', width: 20, height: 10 })
  })

  it('inserts nothing while offline and says so', async () => {
    await teacher.context().setOffline(true)
    try {
      await choose(teacher, '离线.png', 'image/png', Buffer.from(pngImage(8, 8)))
      await expect.poll(() => teacher.getByTestId('image-notice').textContent(), eventually).toMatch(/离线/)
      expect(await pictures(teacher).count()).toBe(3)
    } finally {
      await teacher.context().setOffline(false)
    }
  })

  it('shows the pictures in the print view', async () => {
    const documentId = (
      await server.store.documents.listDocumentsOfSchool(
        (await server.store.accounts.findUserByUsername('teacher1'))!.schoolId,
      )
    ).find((document) => document.title === title)!.id
    const print = await teacher.context().newPage()
    try {
      await print.goto(`${server.url}/#/print/documents/${documentId}/student`)
      const sheet = print.getByTestId('print-sheet').locator('img.export-image')
      await expect
        .poll(
          () => sheet.evaluateAll((images) => images.map((image) => (image as HTMLImageElement).naturalWidth)),
          eventually,
        )
        .toEqual([120, 30, 20])
      await screenshot(print, 'images-print-view')
    } finally {
      await print.close()
    }
  })

  it('gives a reader no 插入图片', async () => {
    const guest = await logIn(browser, server.url, 'guest')
    try {
      await openDocument(guest, title)
      await expect.poll(() => loadedWidths(guest), eventually).toEqual([120, 30, 20])
      expect(await guest.getByTestId('toolbar-insert-image').count()).toBe(0)
    } finally {
      await guest.context().close()
    }
  })

  it('makes a picture copied from another document this document’s own', async () => {
    const source = await createDocumentInDemoGroup(server, '去年的导学案')
    const uploaded = await teacher.evaluate(
      async ([documentId, base64]) => {
        const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0))
        const response = await fetch(`/api/documents/${documentId}/images`, { method: 'POST', body: bytes })
        return (await response.json()) as { id: string; url: string }
      },
      [source, Buffer.from(pngImage(16, 9)).toString('base64')] as const,
    )
    // The last block is a picture: a click selects it, Enter opens a line after it.
    await clickAtEndOfDocument(teacher)
    await teacher.keyboard.press('Enter')
    await teacher.keyboard.type('复制来的图：')
    await pasteHtml(teacher, `<img src="${uploaded.url}" width="16" height="9">`)
    await expect.poll(() => loadedWidths(teacher), eventually).toEqual([120, 30, 20, 16])
    const src = await pictures(teacher).last().getAttribute('src')
    expect(src).not.toBe(uploaded.url)
    const documentId = (await server.store.images.findImages([storedImageId(uploaded.url)!]))[0]!.documentId
    expect(documentId).toBe(source)
    const [copy] = await server.store.images.findImages([storedImageId(src)!])
    expect(copy!.documentId).not.toBe(source)
    expect(copy).toMatchObject({ width: 16, height: 9 })
  })

  it('[EXPORT-11] shrinks a phone photo over the size limit to print size instead of refusing it', async () => {
    const photo = Buffer.from(noisePng(2400, 800))
    expect(photo.length).toBeGreaterThan(limits.maxImageBytes)
    const before = await pictures(teacher).count()
    await choose(teacher, '手机照片.png', 'image/png', photo)
    await expect.poll(() => pictures(teacher).count(), eventually).toBe(before + 1)
    await expect.poll(async () => (await loadedWidths(teacher)).at(-1), eventually).toBe(2000)
    const [stored] = await server.store.images.findImages([
      storedImageId(await pictures(teacher).last().getAttribute('src'))!,
    ])
    expect(stored).toMatchObject({ width: 2000, height: 667, contentType: 'image/jpeg' })
  })
})
