/**
 * The 师徒结对 page in Debian's chromium against the real server: the leader pairs two teachers from the
 * people lists; the mentor's annotation (made by a y-websocket client) shows in the pair's counts with a
 * link to its thread; the mentor records a 听课 of a lesson of her plan, which the record links to, and
 * the count follows. Screenshots go to test-results/browser/mentorship-*.
 */
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentOf, textNodes } from '../../shared/threads/thread-anchor.ts'
import { createThread } from '../../shared/threads/thread-edits.ts'
import { apiClientFor } from '../helpers/api-client.ts'
import { connectClient, waitFor, waitForSync, wsToken } from '../helpers/collab-client.ts'
import { addLesson, demoGroupId, planInput, userId } from '../helpers/lesson-fixtures.ts'
import { type TestServer, startTestServer } from '../helpers/test-server.ts'
import { paragraph } from '../shared/threads/thread-fixtures.ts'
import { buildClient } from './helpers/build-client.ts'
import { browserSuitesEnabled, launchChromium } from './helpers/chromium.ts'
import { eventually, logIn, screenshot } from './helpers/teacher-page.ts'

const enabled = browserSuitesEnabled()

function pairRow(page: Page, mentor: string, apprentice: string): Locator {
  return page.locator(`[data-testid="pair-row"][data-mentor="${mentor}"][data-apprentice="${apprentice}"]`)
}

async function counts(row: Locator): Promise<number[]> {
  return Promise.all(['pair-annotations', 'pair-resolved', 'pair-observed'].map(async (id) => Number(await row.getByTestId(id).textContent())))
}

describe.runIf(enabled)('browser: 师徒结对', { timeout: 60_000 }, () => {
  let server: TestServer
  let browser: Browser
  let threadId = ''
  let lessonId = ''

  beforeAll(async () => {
    const clientDir = await buildClient()
    ;[server, browser] = await Promise.all([startTestServer({ serveClient: true, clientDir, demoPlan: false }), launchChromium()])
    // 陈老师 annotates a draft 赵老师 prepares, through a real editor connection.
    const leader = await apiClientFor(server.url, 'leader')
    const [mentorId, apprenticeId] = await Promise.all([userId(server, 'mentor'), userId(server, 'apprentice')])
    const lesson = await addLesson(leader, await demoGroupId(leader), planInput(apprenticeId, { title: '3.3 去括号' }))
    lessonId = lesson.id
    const apprentice = connectClient(server.url, lesson.documentId, await wsToken(server.url, 'apprentice'), { acks: true })
    await waitForSync(apprentice)
    contentOf(apprentice.doc).push([paragraph('先复习乘法分配律')])
    await waitFor(() => apprentice.frames.acked === apprentice.frames.sent, 'the paragraph is stored')
    apprentice.destroy()
    const mentor = connectClient(server.url, lesson.documentId, await wsToken(server.url, 'mentor'), { acks: true })
    await waitForSync(mentor)
    const text = textNodes(contentOf(mentor.doc)).at(-1)!
    threadId = createThread(mentor.doc, { kind: 'mentorNote', authorId: mentorId, body: '复习题太多', start: { text, offset: 0 }, end: { text, offset: 2 } })
    await waitFor(() => mentor.frames.acked === mentor.frames.sent, 'the thread is stored')
    mentor.destroy()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('the leader pairs two teachers of the group from the people lists', async () => {
    const page = await logIn(browser, server.url, 'leader')
    await page.getByTestId('mentorship-link').click()
    await page.getByTestId('mentorship-page').waitFor()
    await pairRow(page, '陈老师', '赵老师').waitFor()
    await page.getByTestId('pair-mentor').selectOption({ label: '张老师' })
    await page.getByTestId('pair-apprentice').selectOption({ label: '刘老师' })
    await page.getByTestId('pair-submit').click()
    await pairRow(page, '张老师', '刘老师').waitFor()
    expect(await counts(pairRow(page, '张老师', '刘老师'))).toEqual([0, 0, 0])
    await screenshot(page, 'mentorship-leader')
  })

  it('the mentor sees the annotation with a link to its thread, records a 听课 of her lesson and the count follows', async () => {
    const page = await logIn(browser, server.url, 'mentor')
    await page.getByTestId('mentorship-link').click()
    const row = pairRow(page, '陈老师', '赵老师')
    await row.waitFor()
    expect(await counts(row)).toEqual([1, 0, 0])
    await expect(pairRow(page, '张老师', '刘老师').count()).resolves.toBe(0)
    await row.getByRole('link', { name: '查看' }).click()
    const annotation = page.getByTestId('pair-annotation')
    await annotation.waitFor()
    expect(await annotation.getByRole('link').getAttribute('href')).toContain(`/threads/${threadId}`)

    const form = page.getByTestId('observation-form')
    // Her lesson of the plan is offered; picking it fills in the 课题.
    await expect.poll(() => form.getByTestId('observation-lesson').locator(`option[value="${lessonId}"]`).count(), eventually).toBe(1)
    await form.getByTestId('observation-lesson').selectOption(lessonId)
    expect(await form.getByTestId('observation-topic').inputValue()).toBe('3.3 去括号')
    await form.getByTestId('observation-strengths').fill('导入自然')
    await form.getByTestId('observation-suggestions').fill('练习再精简')
    await page.getByTestId('observation-submit').click()
    const recorded = page.getByTestId('observation').filter({ hasText: '陈老师听赵老师的课' })
    await recorded.waitFor()
    expect(await recorded.getByTestId('observation-lesson-link').getAttribute('href')).toBe(`#/lessons/${lessonId}`)
    await expect.poll(() => counts(row), eventually).toEqual([1, 0, 1])
    await screenshot(page, 'mentorship-mentor', { fullPage: true })
  })
})
