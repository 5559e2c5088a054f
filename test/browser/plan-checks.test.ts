/**
 * 教案检查 in Debian's chromium against the real server with the demo school: the office grades a
 * teacher and writes a comment (typed through an input method), the teacher finds it on 我的账号, and
 * the office's Excel sheet holds it ([CHECK-2], [CHECK-4], [CHECK-5]).
 */
import { readFile } from 'node:fs/promises'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { buildClient } from './helpers/build-client.ts'
import { browserSuitesEnabled, launchChromium } from './helpers/chromium.ts'
import { ImeComposer } from './helpers/ime.ts'
import { logIn } from './helpers/teacher-page.ts'

const enabled = browserSuitesEnabled()

describe.runIf(enabled)('browser: the office checks a teacher’s plans', () => {
  let server: TestServer
  let browser: Browser

  beforeAll(async () => {
    const clientDir = await buildClient()
    ;[server, browser] = await Promise.all([startTestServer({ serveClient: true, clientDir }), launchChromium()])
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('[CHECK-2] [CHECK-4] [CHECK-5] the office records 良好 with a comment; the teacher sees it; the sheet holds it', async () => {
    const office = await logIn(browser, server.url, 'admin')
    await office.getByTestId('school-link').click()
    await office.getByTestId('school-tab-checks').click()
    const semester = await office.getByTestId('check-semester').inputValue()
    const row = office.getByTestId('check-row').filter({ hasText: '李老师' })
    await expect.poll(() => row.getByTestId('check-grade').textContent()).toBe('未检查')
    await row.getByRole('button', { name: '检查' }).click()
    await row.getByLabel('良好').check()
    await row.getByTestId('check-comment').click()
    const ime = await ImeComposer.of(office)
    await ime.compose('erci')
    await ime.commit('二次备课')
    await office.keyboard.type('写得具体')
    await row.getByTestId('check-save').click()
    await expect.poll(() => row.getByTestId('check-grade').textContent()).toBe('良好')
    expect(await row.textContent()).toContain('二次备课写得具体')

    const [download] = await Promise.all([office.waitForEvent('download'), office.getByTestId('check-export').click()])
    expect(download.suggestedFilename()).toBe(`教案检查_${semester}.xlsx`)
    const { default: ExcelJS } = await import('exceljs')
    const workbook = new ExcelJS.Workbook()
    const bytes = await readFile(await download.path())
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))
    const rows = (name: string) => {
      const sheet = workbook.getWorksheet(name)!
      return Array.from({ length: sheet.rowCount }, (_, index) =>
        (sheet.getRow(index + 1).values as unknown[]).slice(1),
      )
    }
    const checked = rows('教案检查').find((cells) => cells[0] === '李老师')
    expect(checked?.slice(1, 5)).toEqual([semester, '良好', '二次备课写得具体', '周主任'])
    expect(rows('统计')[0]).toEqual(['姓名', '备课组', '主备', '二次备课', '反思', '批注'])

    const teacher = await logIn(browser, server.url, 'teacher1')
    await teacher.getByTestId('current-user').click()
    const own = teacher.getByTestId('own-check')
    await expect.poll(() => own.textContent()).toContain('良好')
    expect(await own.textContent()).toContain('二次备课写得具体')
    expect(await own.textContent()).toContain(semester)
  })
})
