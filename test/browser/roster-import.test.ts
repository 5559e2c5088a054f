/**
 * The office imports the staff list in Debian's chromium against the real server with the demo school:
 * a GBK CSV as Chinese Excel saves it is checked row by row, a row with an error blocks the import,
 * the corrected sheet is imported, the one-time passwords are shown and downloadable, and a new teacher
 * signs in with hers and must change it first ([SCHOOL-13], [SCHOOL-14], [SCHOOL-8]).
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rosterCsv } from '../helpers/roster-files.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { buildClient } from './helpers/build-client.ts'
import { browserSuitesEnabled, launchChromium } from './helpers/chromium.ts'
import { logIn } from './helpers/teacher-page.ts'

const enabled = browserSuitesEnabled()

describe.runIf(enabled)('browser: the office imports the staff roster', () => {
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

  it('[SCHOOL-13] preview with errors → corrected sheet imported → passwords handed out → the new teacher signs in', async () => {
    const office = await logIn(browser, server.url, 'admin')
    await office.getByTestId('school-link').click()
    await office.getByTestId('school-tab-roster').click()
    const row = (name: string, username: string, role: string) => [
      name,
      username,
      role,
      '八年级历史备课组',
      '历史',
      '八年级',
      '',
    ]
    const withError = rosterCsv([row('冯老师', 'feng', '组长'), row('陈老师', 'chenls', '校长')], 'gbk')
    await office
      .getByTestId('roster-file')
      .setInputFiles({ name: '名单.csv', mimeType: 'text/csv', buffer: Buffer.from(withError) })
    await expect.poll(() => office.getByTestId('roster-summary').textContent()).toContain('1 行有错误')
    const errorRow = office.getByTestId('roster-row').filter({ hasText: 'chenls' })
    await expect.poll(() => errorRow.textContent()).toContain('角色“校长”不认识')
    expect(await office.getByTestId('roster-confirm').count()).toBe(0)

    const corrected = rosterCsv([row('冯老师', 'feng', '组长'), row('陈老师', 'chenls', '教师')], 'gbk')
    await office
      .getByTestId('roster-file')
      .setInputFiles({ name: '名单.csv', mimeType: 'text/csv', buffer: Buffer.from(corrected) })
    await expect.poll(() => office.getByTestId('roster-summary').textContent()).toContain('将新建 2 个账号')
    expect(await office.getByTestId('roster-summary').textContent()).toContain('八年级历史备课组')
    // Nothing is written before the office confirms.
    expect(await server.store.accounts.findUserByUsername('feng')).toBeNull()
    await office.getByTestId('roster-confirm').click()
    await expect.poll(() => office.getByTestId('roster-done').textContent()).toContain('新建 2 个账号')

    const password = (await office
      .getByTestId('roster-passwords')
      .locator('tr', { hasText: 'chenls' })
      .locator('code')
      .textContent())!
    expect(password).toMatch(/^[a-z2-9]{10}$/)
    const [download] = await Promise.all([
      office.waitForEvent('download'),
      office.getByTestId('roster-passwords-download').click(),
    ])
    expect(download.suggestedFilename()).toBe('初始密码.xlsx')

    await office.getByTestId('school-tab-accounts').click()
    await office
      .getByTestId('account-row')
      .filter({ hasText: '冯老师' })
      .filter({ hasText: '八年级历史备课组' })
      .waitFor()

    const context = await browser.newContext({ locale: 'zh-CN' })
    context.setDefaultTimeout(15_000)
    const teacher = await context.newPage()
    await teacher.goto(server.url)
    await teacher.getByTestId('login-username').fill('chenls')
    await teacher.getByTestId('login-password').fill(password)
    await teacher.getByTestId('login-submit').click()
    await teacher.getByTestId('forced-password-change').waitFor()
    await teacher.getByTestId('password-current').fill(password)
    await teacher.getByTestId('password-new').fill('chen-own-2026')
    await teacher.getByTestId('password-again').fill('chen-own-2026')
    await teacher.getByTestId('password-submit').click()
    await expect.poll(() => teacher.getByTestId('current-user').textContent()).toContain('陈老师')
  })
})
