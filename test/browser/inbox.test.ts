/**
 * The inbox in Debian's chromium against the real server: a colleague's thread on 张老师's plan and
 * the leader's stage moves reach her bell live; opening a notification goes to the thread and marks it
 * read; 全部标为已读 clears the rest. Screenshots go to test-results/browser/inbox-*.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LessonSummary } from '../../shared/api/lessons.ts'
import { createThread } from '../../shared/threads/thread-edits.ts'
import { type ApiClient, apiClientFor } from '../helpers/api-client.ts'
import { type DraftWithPassage, draftWithPassage, passageOf } from '../helpers/draft-with-passage.ts'
import { userId } from '../helpers/lesson-fixtures.ts'
import type { TestServer } from '../helpers/test-server.ts'
import { browserSuitesEnabled } from './helpers/chromium.ts'
import { startServedApp, stopServedApp } from './helpers/served-app.ts'
import { eventually, logIn, screenshot } from './helpers/teacher-page.ts'

const enabled = browserSuitesEnabled()

describe.runIf(enabled)('browser: the inbox', { timeout: 60_000 }, () => {
  let server: TestServer
  let browser: Browser
  let zhang: Page
  let leader: ApiClient
  let lesson: LessonSummary
  /** 张老师's draft, with a passage she wrote. */
  let draft: DraftWithPassage

  beforeAll(async () => {
    ;({ server, browser } = await startServedApp({ demoPlan: false }))
    leader = await apiClientFor(server.url, 'leader')
    draft = await draftWithPassage(server, 'teacher2', '列方程解应用题的关键是找等量关系。', {
      title: '3.4 实际问题与一元一次方程',
    })
    lesson = draft.lesson
    zhang = await logIn(browser, server.url, 'teacher2')
  })

  afterAll(async () => {
    draft?.disconnectAll()
    await stopServedApp({ server, browser })
  })

  const unread = () => zhang.getByTestId('inbox-unread-count')

  it('shows a colleague’s new thread on her plan live, and opening it goes to the thread, read', async () => {
    await expect.poll(() => unread().textContent(), eventually).toBe('0')
    const liu = await draft.join('teacher3')
    const text = passageOf(liu.doc)
    createThread(liu.doc, {
      id: 'relation',
      kind: 'question',
      authorId: await userId(server, 'teacher3'),
      body: '等量关系怎么找，要不要给学生一个表格？',
      start: { text, offset: 0 },
      end: { text, offset: 6 },
    })
    await expect.poll(() => unread().textContent(), eventually).toBe('1')

    await zhang.getByTestId('inbox-bell').click()
    const item = zhang.getByTestId('inbox-item').first()
    expect(await item.textContent()).toContain('刘老师 在你的《')
    expect(await item.getAttribute('data-read')).toBe('false')
    await screenshot(zhang, 'inbox-1-thread')
    await item.click()
    await expect
      .poll(() => zhang.evaluate(() => window.location.hash), eventually)
      .toBe(`#/documents/${lesson.documentId}/threads/relation`)
    await expect.poll(() => unread().textContent(), eventually).toBe('0')
    await zhang.getByTestId('inbox-bell').click()
    expect(await zhang.getByTestId('inbox-item').first().getAttribute('data-read')).toBe('true')
    await zhang.keyboard.press('Escape')
  })

  it('counts the leader’s stage moves and clears them all with 全部标为已读', async () => {
    for (const to of ['review', 'draft']) {
      expect((await leader.post(`/api/lessons/${lesson.id}/stage`, { to })).status).toBe(200)
    }
    await expect.poll(() => unread().textContent(), eventually).toBe('2')
    await zhang.getByTestId('inbox-bell').click()
    const items = zhang.getByTestId('inbox-item')
    await expect.poll(() => items.count(), eventually).toBe(3)
    expect(await items.first().textContent()).toContain('王老师 将《3.4 实际问题与一元一次方程》退回修改')
    expect(await items.first().getAttribute('href')).toBe(`#/lessons/${lesson.id}`)
    await screenshot(zhang, 'inbox-2-stage-moves')
    await zhang.getByTestId('inbox-mark-all').click()
    await expect.poll(() => unread().textContent(), eventually).toBe('0')
    await expect
      .poll(() => items.evaluateAll((all) => all.map((item) => item.getAttribute('data-read'))), eventually)
      .toEqual(['true', 'true', 'true'])
  })
})
