/**
 * 磨课 rounds in Debian's chromium against the real server (LIBRARY-8, LIBRARY-9): after 上课 and 评课,
 * 李老师 (the 主备人) starts 第二轮 from the finalized plan and types a change with a 拼音 IME; 张老师, a
 * colleague of the group, sees the rounds with who started them and opens the diff between the two
 * rounds, the change marked. Screenshots go to test-results/browser/rounds-*.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LessonRecord } from '../../server/store/lesson-records.ts'
import { apiClientFor } from '../helpers/api-client.ts'
import { demoGroupId, userId } from '../helpers/lesson-fixtures.ts'
import { finishedPlan } from '../helpers/library-fixtures.ts'
import type { TestServer } from '../helpers/test-server.ts'
import { browserSuitesEnabled } from './helpers/chromium.ts'
import { ImeComposer } from './helpers/ime.ts'
import { startServedApp, stopServedApp } from './helpers/served-app.ts'
import { skipStepsAfterAFailure } from './helpers/story-steps.ts'
import { clickAtEndOfDocument, eventually, expectSaveStatus, logIn, screenshot } from './helpers/teacher-page.ts'

const enabled = browserSuitesEnabled()
const change = '先用天平演示'

describe.runIf(enabled)('browser: 磨课 rounds (上课—磨课—上课)', { timeout: 60_000 }, () => {
  let server: TestServer
  let browser: Browser
  let li: Page
  let zhang: Page
  let lesson: LessonRecord

  beforeAll(async () => {
    ;({ server, browser } = await startServedApp())
    const leader = await apiClientFor(server.url, 'leader')
    ;({ lesson } = await finishedPlan(server, {
      groupId: await demoGroupId(leader),
      title: '3.1.2 等式的性质',
      scheduledDate: '2026-11-24',
      semester: '2026-2027学年第一学期',
      leadPreparerId: await userId(server, 'teacher1'),
    }))
    ;[li, zhang] = await Promise.all([logIn(browser, server.url, 'teacher1'), logIn(browser, server.url, 'teacher2')])
  }, 120_000)

  afterAll(() => stopServedApp({ server, browser }))

  skipStepsAfterAFailure()

  it('1. 李老师, the 主备人, starts 第二轮磨课 from the 定稿 she taught', async () => {
    await li.goto(`${server.url}/#/lessons/${lesson.id}`)
    const panel = li.getByTestId('rounds-panel')
    await panel.waitFor()
    await expect.poll(() => panel.getByTestId('round-row').count(), eventually).toBe(1)
    expect(await panel.getByTestId('round-version').textContent()).toContain('定稿 v1')
    li.once('dialog', (dialog) => void dialog.accept())
    await panel.getByTestId('start-round').click()
    await expect.poll(() => li.getByTestId('lesson-page').getAttribute('data-stage'), eventually).toBe('draft')
    await expect.poll(() => panel.getByTestId('round-row').count(), eventually).toBe(2)
    expect(await panel.locator('[data-round="2"]').textContent()).toContain('进行中')
    expect(await panel.getByTestId('start-round').count()).toBe(0)
    await screenshot(li, 'rounds-started')
  })

  it('2. she reworks the shared plan, typing with a 拼音 IME', async () => {
    await li.getByTestId('open-shared-plan').click()
    await li.getByTestId('editor').waitFor()
    await expect.poll(() => li.getByTestId('editor').getAttribute('contenteditable'), eventually).toBe('true')
    await clickAtEndOfDocument(li)
    await li.keyboard.press('Enter')
    const ime = await ImeComposer.of(li)
    for (const [pinyin, characters] of [
      ['xianyong', '先用'],
      ['tianping', '天平'],
      ['yanshi', '演示'],
    ] as const) {
      for (let length = 1; length <= pinyin.length; length++) await ime.compose(pinyin.slice(0, length))
      await ime.commit(characters)
    }
    await expect.poll(() => li.getByTestId('editor').textContent(), eventually).toContain(change)
    await expectSaveStatus(li, '已保存')
  })

  it('3. 张老师 sees both rounds, who started the second, and opens the diff between them', async () => {
    await zhang.goto(`${server.url}/#/lessons/${lesson.id}`)
    const panel = zhang.getByTestId('rounds-panel')
    await expect.poll(() => panel.getByTestId('round-row').count(), eventually).toBe(2)
    const rows = await panel.getByTestId('round-row').allTextContents()
    expect(rows[0]).toContain('第一轮')
    expect(rows[0]).toContain('定稿 v1')
    expect(rows[1]).toContain('第二轮')
    expect(rows[1]).toContain('李老师 开始于')
    expect(rows[1]).toContain('进行中')
    expect(await panel.getByTestId('start-round').count()).toBe(0)
    await screenshot(zhang, 'rounds-list')

    await panel.getByTestId('round-diff').click()
    const page = zhang.getByTestId('round-compare-page')
    await page.waitFor()
    expect(await page.locator('h1').textContent()).toBe('第一轮（定稿 v1） → 第二轮（进行中）')
    expect(await page.getByTestId('compare-count').textContent()).toBe('1 处改动')
    const added = page.locator('[data-testid="diff-block"][data-change="added"]')
    expect(await added.count()).toBe(1)
    expect(await added.locator('ins').textContent()).toBe(change)
    await screenshot(zhang, 'rounds-diff')
  })
})
