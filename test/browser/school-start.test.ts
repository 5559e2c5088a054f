/**
 * A school from an empty database, in Debian's chromium against the real server without the demo: the
 * first-run page with the token start-up printed creates the school and its 教导处; the office creates a
 * group and a teacher on 学校管理 and plans a lesson for her; the teacher signs in with the one-time
 * password, must choose her own, and opens the lesson's 导学案; a second teacher of the new group opens
 * it too and sees her draft as she types it; she, the group's 组长, submits it for 研讨 and opens 集体研讨,
 * and the two type Chinese into it at once through an input method ([SCHOOL-1], [SCHOOL-6], [SCHOOL-8]).
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Account, SchoolGroup } from '../../shared/api/school.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { buildClient } from './helpers/build-client.ts'
import { browserSuitesEnabled, launchChromium } from './helpers/chromium.ts'
import { ImeComposer } from './helpers/ime.ts'
import {
  appendParagraph,
  blockWith,
  clickAtEdge,
  clickAtEndOfDocument,
  eventually,
  expectAccess,
  expectConverged,
  openDocument,
  selectionSettled,
} from './helpers/teacher-page.ts'

/** A sentence as a teacher types it with a 拼音 input method: each word's letters, then the word chosen. */
type ImeWords = readonly (readonly [pinyin: string, chosen: string])[]

async function typeThroughIme(page: Page, words: ImeWords): Promise<void> {
  const ime = await ImeComposer.of(page)
  for (const [pinyin, chosen] of words) {
    for (let length = 1; length <= pinyin.length; length++) await ime.compose(pinyin.slice(0, length))
    await ime.commit(chosen)
  }
}

/**
 * A first visit shows the editor before the server's copy arrives: until then its only block is the
 * header, and a click "after the last block" would put the caret there.
 */
async function templateArrived(page: Page): Promise<void> {
  await page.getByTestId('editor').locator(':scope > section').first().waitFor()
}

const sentenceOf = (words: ImeWords) => words.map(([, chosen]) => chosen).join('')

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

  it('[SCHOOL-1] first-run page → office creates a group and a teacher → the teacher signs in and opens a 导学案 → a colleague of the new group follows her draft live → in 研讨 both type Chinese into it at once', async () => {
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
    await office.getByTestId('new-account-role').selectOption('leader')
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
    // She leads the group ([SCHOOL-6]): in 研讨 she opens it to the whole group's editing.
    await office.getByTestId('school-tab-groups').click()
    const groupRow = office.getByTestId('group-row').filter({ hasText: '七年级数学备课组' })
    await groupRow.getByTestId('edit-group').click()
    await office.getByTestId('group-leader').selectOption({ label: '李老师' })
    await office.getByTestId('group-save').click()
    await groupRow.filter({ hasText: '组长：李老师' }).waitFor()

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
    await templateArrived(teacher)

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
    await templateArrived(colleague)

    // In the 主备 stage the draft is the 主备人's to write; the group reads it as it grows.
    await appendParagraph(teacher, '李老师：先复习等式的性质。')
    const draft = (await expectConverged([teacher, colleague])).join('\n')
    expect(draft).toContain('李老师：先复习等式的性质。')
    await expectAccess(colleague, 'comment')

    // On the lesson page, as the app offers it, she submits it for 研讨 and, as 组长, opens 集体研讨: now
    // the whole group edits the shared 导学案, and his open editor follows at once.
    const lessonId = ((await planned.json()) as { id: string }).id
    const liLesson = await teacher.context().newPage()
    await liLesson.goto(`${server.url}/#/lessons/${encodeURIComponent(lessonId)}`)
    await liLesson.getByTestId('lesson-page').waitFor()
    await liLesson.getByTestId('stage-move').and(liLesson.locator('[data-to="review"]')).click()
    await expect.poll(() => liLesson.getByTestId('lesson-page').getAttribute('data-stage'), eventually).toBe('review')
    await liLesson.getByTestId('live-review-toggle').click()
    await expect.poll(() => liLesson.getByTestId('live-review').getAttribute('data-open'), eventually).toBe('true')
    await expectAccess(colleague, 'edit')
    await expectAccess(teacher, 'edit')

    // Each puts the caret in a paragraph of their own, one after the other (a click while a colleague's
    // edit arrives may land on the older selection), then both type at the same time.
    await clickAtEndOfDocument(colleague)
    await colleague.keyboard.press('Enter')
    await colleague.keyboard.type('王老师：')
    await expectConverged([teacher, colleague])
    await clickAtEdge(blockWith(teacher, '李老师：先复习等式的性质。'), 'end')
    await selectionSettled(teacher)
    const liWords: ImeWords = [
      ['zai', '再'],
      ['jiang', '讲'],
      ['yixiang', '移项'],
      ['de', '的'],
      ['fangfa', '方法'],
    ]
    const wangWords: ImeWords = [
      ['qing', '请'],
      ['zhunbei', '准备'],
      ['tianping', '天平'],
      ['de', '的'],
      ['tupian', '图片'],
    ]
    await Promise.all([typeThroughIme(teacher, liWords), typeThroughIme(colleague, wangWords)])
    // Whole paragraphs, exactly: the 拼音 was only ever marked text, and neither sentence is cut by the other.
    const blocks = await expectConverged([teacher, colleague])
    expect(blocks).toContain(`李老师：先复习等式的性质。${sentenceOf(liWords)}`)
    expect(blocks).toContain(`王老师：${sentenceOf(wangWords)}`)
    // Four browsers and three first sign-ins: longer than one page's default on a busy machine.
  }, 180_000)
})
