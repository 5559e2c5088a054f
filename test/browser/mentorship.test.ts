/**
 * The 师徒结对 page in Debian's chromium against the real server: the leader pairs two teachers from the
 * people lists; the mentor's annotation (made by a y-websocket client) shows in the pair's counts with a
 * link to its thread; the mentor records a 听课 of a lesson of her plan, which the record links to, and
 * the count follows. Screenshots go to test-results/browser/mentorship-*.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createThread } from '../../shared/threads/thread-edits.ts'
import { waitForStored } from '../helpers/collab-client.ts'
import { draftWithPassage, passageOf } from '../helpers/draft-with-passage.ts'
import { userId } from '../helpers/lesson-fixtures.ts'
import type { TestServer } from '../helpers/test-server.ts'
import { browserSuitesEnabled } from './helpers/chromium.ts'
import { pairCounts, pairRow } from './helpers/mentorship-page.ts'
import { startServedApp, stopServedApp } from './helpers/served-app.ts'
import { eventually, logIn, screenshot } from './helpers/teacher-page.ts'

const enabled = browserSuitesEnabled()

describe.runIf(enabled)('browser: 师徒结对', { timeout: 60_000 }, () => {
  let server: TestServer
  let browser: Browser
  let threadId = ''
  let lessonId = ''

  beforeAll(async () => {
    ;({ server, browser } = await startServedApp({ demoPlan: false }))
    // 陈老师 annotates a draft 赵老师 prepares, through a real editor connection.
    const draft = await draftWithPassage(server, 'apprentice', '先复习乘法分配律', { title: '3.3 去括号' })
    lessonId = draft.lesson.id
    const mentor = await draft.join('mentor')
    const text = passageOf(mentor.doc)
    const authorId = await userId(server, 'mentor')
    threadId = createThread(mentor.doc, {
      kind: 'mentorNote',
      authorId,
      body: '复习题太多',
      start: { text, offset: 0 },
      end: { text, offset: 2 },
    })
    await waitForStored(mentor, 'the thread is stored')
    draft.disconnectAll()
  })

  afterAll(() => stopServedApp({ server, browser }))

  it('the leader pairs two teachers of the group from the people lists', async () => {
    const page = await logIn(browser, server.url, 'leader')
    await page.getByTestId('mentorship-link').click()
    await page.getByTestId('mentorship-page').waitFor()
    await pairRow(page, '陈老师', '赵老师').waitFor()
    await page.getByTestId('pair-mentor').selectOption({ label: '张老师' })
    await page.getByTestId('pair-apprentice').selectOption({ label: '刘老师' })
    await page.getByTestId('pair-submit').click()
    await pairRow(page, '张老师', '刘老师').waitFor()
    expect(await pairCounts(pairRow(page, '张老师', '刘老师'))).toEqual({
      annotations: '0',
      resolved: '0',
      observed: '0',
    })
    await screenshot(page, 'mentorship-leader')
  })

  it('the mentor sees the annotation with a link to its thread, records a 听课 of her lesson and the count follows', async () => {
    const page = await logIn(browser, server.url, 'mentor')
    await page.getByTestId('mentorship-link').click()
    const row = pairRow(page, '陈老师', '赵老师')
    await row.waitFor()
    expect(await pairCounts(row)).toEqual({ annotations: '1', resolved: '0', observed: '0' })
    await expect(pairRow(page, '张老师', '刘老师').count()).resolves.toBe(0)
    await row.getByRole('link', { name: '查看' }).click()
    const annotation = page.getByTestId('pair-annotation')
    await annotation.waitFor()
    expect(await annotation.getByRole('link').getAttribute('href')).toContain(`/threads/${threadId}`)

    const form = page.getByTestId('observation-form')
    // Her lesson of the plan is offered; picking it fills in the 课题.
    await expect
      .poll(() => form.getByTestId('observation-lesson').locator(`option[value="${lessonId}"]`).count(), eventually)
      .toBe(1)
    await form.getByTestId('observation-lesson').selectOption(lessonId)
    expect(await form.getByTestId('observation-topic').inputValue()).toBe('3.3 去括号')
    await form.getByTestId('observation-strengths').fill('导入自然')
    await form.getByTestId('observation-suggestions').fill('练习再精简')
    await page.getByTestId('observation-submit').click()
    const recorded = page.getByTestId('observation').filter({ hasText: '陈老师听赵老师的课' })
    await recorded.waitFor()
    expect(await recorded.getByTestId('observation-lesson-link').getAttribute('href')).toBe(`#/lessons/${lessonId}`)
    await expect.poll(() => pairCounts(row), eventually).toEqual({ annotations: '1', resolved: '0', observed: '1' })
    await screenshot(page, 'mentorship-mentor', { fullPage: true })
  })
})
