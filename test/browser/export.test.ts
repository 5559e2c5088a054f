/**
 * Exports from the pages in Debian's chromium against the real server: a teacher opens a 定稿 version,
 * downloads its 学生版 and 教师版 Word files (read back with the independent .docx reader), opens the
 * print view, switches edition, and downloads the PDF; where the server has no chromium the print view
 * says how to print instead. Screenshots go to test-results/browser/export-*.
 */
import { readFileSync } from 'node:fs'
import type { Browser, Download, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { VersionSummary } from '../../shared/api/versions.ts'
import { apiClientFor } from '../helpers/api-client.ts'
import type { TestServer } from '../helpers/test-server.ts'
import { readDocx } from '../server/export/docx-reader.ts'
import { finalizedSampleLesson } from '../server/export/export-fixtures.ts'
import { browserSuitesEnabled } from './helpers/chromium.ts'
import { startAppServer, startServedApp, stopServedApp } from './helpers/served-app.ts'
import { logIn, screenshot } from './helpers/teacher-page.ts'

const enabled = browserSuitesEnabled()

async function saved(download: Promise<Download>): Promise<{ name: string; bytes: Uint8Array }> {
  const file = await download
  const path = await file.path()
  return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) }
}

describe.runIf(enabled)('browser: Word, print and PDF from the pages', () => {
  let server: TestServer
  let browser: Browser
  let teacher: Page
  let version: VersionSummary

  beforeAll(async () => {
    ;({ server, browser } = await startServedApp({ demoPlan: false }))
    ;({ version } = await finalizedSampleLesson(server, await apiClientFor(server.url, 'leader')))
    teacher = await logIn(browser, server.url, 'teacher2')
  })

  afterAll(async () => {
    await teacher?.context().close()
    await stopServedApp({ server, browser })
  })

  it('downloads the 学生版 and the 教师版 from the version page', async () => {
    await teacher.goto(`${server.url}/#/versions/${version.id}`)
    await teacher.getByTestId('version-page').waitFor()
    const student = await saved(
      Promise.all([teacher.waitForEvent('download'), teacher.getByTestId('download-docx-student').click()]).then(
        ([d]) => d,
      ),
    )
    const teacherEdition = await saved(
      Promise.all([teacher.waitForEvent('download'), teacher.getByTestId('download-docx-teacher').click()]).then(
        ([d]) => d,
      ),
    )
    expect(student.name).toBe('3.2 解一元一次方程（一）-学生版.docx')
    expect(teacherEdition.name).toBe('3.2 解一元一次方程（一）-教师版.docx')
    const studentText = readDocx(student.bytes).text
    const teacherText = readDocx(teacherEdition.bytes).text
    expect(studentText).toContain('班级')
    expect(studentText).not.toContain('参考答案')
    expect(teacherText).toContain('【教师用】参考答案')
    expect(teacherText).not.toMatch(/班级 _/)
  })

  it('prints: the 学生版 on an A4 sheet, the switch to the 教师版, and the PDF', async () => {
    await teacher.getByTestId('open-print-view').click()
    const sheet = teacher.getByTestId('print-sheet')
    await expect.poll(() => sheet.textContent()).toContain('一、学习目标')
    expect(await sheet.textContent()).not.toContain('参考答案')
    await screenshot(teacher, 'export-print-student', { fullPage: true })
    await teacher.getByTestId('edition-teacher').click()
    await expect.poll(() => sheet.textContent()).toContain('【教师用】参考答案')
    const pdf = await saved(
      Promise.all([teacher.waitForEvent('download'), teacher.getByTestId('download-pdf').click()]).then(([d]) => d),
    )
    expect(pdf.name).toBe('3.2 解一元一次方程（一）-教师版.pdf')
    expect(new TextDecoder().decode(pdf.bytes.slice(0, 5))).toBe('%PDF-')
    // Printing leaves the app's chrome off the paper.
    await teacher.emulateMedia({ media: 'print' })
    expect(await teacher.locator('.top-bar').isVisible()).toBe(false)
    expect(await teacher.getByTestId('print-now').isVisible()).toBe(false)
    await teacher.emulateMedia({ media: 'screen' })
  })

  it('says how to print where the server has no chromium', async () => {
    const bare = await startAppServer({ chromiumPath: '/nonexistent/chromium' })
    const page = await logIn(browser, bare.url, 'leader')
    try {
      await page.goto(`${bare.url}/#/print/documents/${bare.sampleDocumentId}/student`)
      await page.getByTestId('print-sheet').waitFor()
      await page.getByTestId('download-pdf').click()
      await expect
        .poll(() => page.getByTestId('pdf-message').textContent())
        .toBe('服务器未安装 Chromium，请使用打印预览中的“打印/另存为 PDF”')
      await screenshot(page, 'export-print-no-chromium')
    } finally {
      await page.context().close()
      await bare.stop()
    }
  })
})
