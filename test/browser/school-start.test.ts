/**
 * A school from an empty database, in Debian's chromium against the real server without the demo: the
 * first-run page with the token start-up printed creates the school and its 教导处; the office creates a
 * group and a teacher on 学校管理 and plans a lesson for her; the teacher signs in with the one-time
 * password, must choose her own, and opens the lesson's 导学案; a second teacher of the new group opens
 * it too and sees her draft as she types it ([SCHOOL-1], [SCHOOL-8]).
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Account, SchoolGroup } from '../../shared/api/school.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { buildClient } from './helpers/build-client.ts'
import { browserSuitesEnabled, launchChromium } from './helpers/chromium.ts'
import { appendParagraph, expectConverged, openDocument } from './helpers/teacher-page.ts'

const enabled = browserSuitesEnabled()

describe.runIf(enabled)('browser: a school starts from nothing', () => {
  let server: TestServer
  let browser: Browser

  beforeAll(async () => {
    const clientDir = await buildClient()
    ;[server, browser] = await Promise.all([
      startTestServer({ demo: false, serveClient: true, clientDir }),
      launchChromium(),
    ])
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('[SCHOOL-1] first-run page → office creates a group and a teacher → the teacher signs in and opens a 导学案 → a colleague of the new group follows her draft live', async () => {
    const office = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
    office.context().setDefaultTimeout(15_000)
    await office.goto(`${server.url}/#/setup/${server.firstRunToken}`)
    await office.getByTestId('setup-school').fill('花园实验中学')
    await office.getByTestId('setup-display-name').fill('周主任')
    await office.getByTestId('setup-username').fill('zhou')
    await office.getByTestId('setup-password').fill('qiuyue-2026')
    await office.getByTestId('setup-submit').click()
    await expect.poll(() => office.getByTestId('current-user').textContent()).toContain('周主任')

    await office.getByTestId('school-link').click()
    await office.getByTestId('school-tab-groups').click()
    await office.getByTestId('new-group-name').fill('七年级数学备课组')
    await office.getByTestId('new-group-subject').fill('数学')
    await office.getByTestId('new-group-submit').click()
    await office.getByTestId('group-row').filter({ hasText: '七年级数学备课组' }).waitFor()

    await office.getByTestId('school-tab-accounts').click()
    await office.getByTestId('new-account-name').fill('李老师')
    await office.getByTestId('new-account-username').fill('li')
    await office.getByTestId('new-account').getByLabel('七年级数学备课组').check()
    await office.getByTestId('new-account-submit').click()
    const handedOut = office.getByTestId('one-time-password').locator('code')
    await handedOut.waitFor()
    const oneTimePassword = (await handedOut.textContent())!
    await office
      .getByTestId('account-row')
      .filter({ hasText: '李老师' })
      .filter({ hasText: '七年级数学备课组' })
      .waitFor()

    // The office plans the first lesson, with 李老师 as 主备人, through the same API its plan page uses.
    const [group] = (await (await office.request.get(`${server.url}/api/admin/groups`)).json()) as SchoolGroup[]
    const accounts = (await (await office.request.get(`${server.url}/api/admin/accounts`)).json()) as Account[]
    const li = accounts.find((account) => account.username === 'li')!
    const planned = await office.request.post(`${server.url}/api/groups/${group!.id}/lessons`, {
      data: {
        title: '3.1.1 一元一次方程',
        lessonType: '新授',
        period: 1,
        scheduledDate: new Date().toISOString().slice(0, 10),
        scheduledTime: null,
        place: '数学组办公室',
        leadPreparerId: li.id,
      },
    })
    expect(planned.status()).toBe(201)

    const teacher = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
    teacher.context().setDefaultTimeout(15_000)
    await teacher.goto(server.url)
    await teacher.getByTestId('login-username').fill('li')
    await teacher.getByTestId('login-password').fill(oneTimePassword)
    await teacher.getByTestId('login-submit').click()
    await teacher.getByTestId('forced-password-change').waitFor()
    await teacher.getByTestId('password-current').fill(oneTimePassword)
    await teacher.getByTestId('password-new').fill('li-own-2026')
    await teacher.getByTestId('password-again').fill('li-own-2026')
    await teacher.getByTestId('password-submit').click()
    await expect.poll(() => teacher.getByTestId('current-user').textContent()).toContain('李老师')
    await openDocument(teacher, '3.1.1 一元一次方程')
    await teacher.getByTestId('editor').waitFor()

    // A colleague of the new group, added by the office, signs in for the first time and joins her.
    const created = await office.request.post(`${server.url}/api/admin/accounts`, {
      data: { username: 'wang', displayName: '王老师', role: 'teacher', groupIds: [group!.id] },
    })
    expect(created.status()).toBe(201)
    const { oneTimePassword: wangOneTime } = (await created.json()) as { oneTimePassword: string }
    const colleague = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
    colleague.context().setDefaultTimeout(15_000)
    await colleague.goto(server.url)
    await colleague.getByTestId('login-username').fill('wang')
    await colleague.getByTestId('login-password').fill(wangOneTime)
    await colleague.getByTestId('login-submit').click()
    await colleague.getByTestId('forced-password-change').waitFor()
    await colleague.getByTestId('password-current').fill(wangOneTime)
    await colleague.getByTestId('password-new').fill('wang-own-2026')
    await colleague.getByTestId('password-again').fill('wang-own-2026')
    await colleague.getByTestId('password-submit').click()
    await expect.poll(() => colleague.getByTestId('current-user').textContent()).toContain('王老师')
    await openDocument(colleague, '3.1.1 一元一次方程')
    await colleague.getByTestId('editor').waitFor()

    // In the 主备 stage the draft is the 主备人's to write; the group reads it as it grows.
    await appendParagraph(teacher, '李老师：先复习等式的性质。')
    const blocks = (await expectConverged([teacher, colleague])).join('\n')
    expect(blocks).toContain('李老师：先复习等式的性质。')
    // Four browsers and three first sign-ins: longer than one page's default on a busy machine.
  }, 120_000)
})
