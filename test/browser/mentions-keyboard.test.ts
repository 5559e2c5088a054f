/**
 * @mentions and keyboard access in Debian's chromium against the real server (port 0, SQLite, the demo
 * school): 刘老师 types 「@」 in a 批注, narrows the list by 拼音, picks 李老师 with the keyboard, and
 * 李老师's bell rings; 李老师 replies on a phone, taps 刘老师 in the list, and his rings. 陈老师, who may
 * only comment on his apprentice's draft, reaches the text with Tab, selects words with Shift+arrows
 * and comments without the mouse. The 主备人 reaches the Word import with Tab; the login page starts in
 * 用户名. Screenshots go to test-results/browser/mentions-*.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClientFor } from '../helpers/api-client.ts'
import { demoPassword } from '../helpers/collab-client.ts'
import { type DraftWithPassage, draftWithPassage } from '../helpers/draft-with-passage.ts'
import type { TestServer } from '../helpers/test-server.ts'
import { browserSuitesEnabled } from './helpers/chromium.ts'
import { startServedApp, stopServedApp } from './helpers/served-app.ts'
import { eventually, expectAccess, screenshot } from './helpers/teacher-page.ts'

const enabled = browserSuitesEnabled()

const passage = '列方程解应用题的关键是找等量关系。'
const quoted = '列方程解应用题'

describe.runIf(enabled)('browser: @mentions and the keyboard', { timeout: 90_000 }, () => {
  let server: TestServer
  let browser: Browser
  const drafts: DraftWithPassage[] = []
  /** 刘老师's desktop page, signed in by the first test beside 李老师's. */
  let liuPage: Page | undefined

  beforeAll(async () => {
    ;({ server, browser } = await startServedApp({ demoPlan: false }))
  })

  afterAll(async () => {
    for (const draft of drafts) draft.disconnectAll()
    await stopServedApp({ server, browser })
  })

  /** Logs `username` in through the login page, in a context of its own (a phone's, with `touch`). */
  async function signIn(username: string, options: BrowserContextOptions = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, locale: 'zh-CN', ...options })
    context.setDefaultTimeout(eventually.timeout)
    const page = await context.newPage()
    await page.goto(server.url)
    await page.getByTestId('login-username').fill(username)
    await page.getByTestId('login-password').fill(demoPassword)
    await page.getByTestId('login-submit').click()
    await page.getByTestId('current-user').waitFor()
    return page
  }

  async function openEditor(page: Page, documentId: string): Promise<void> {
    await page.goto(`${server.url}/#/documents/${documentId}`)
    await page.getByTestId('editor').waitFor()
  }

  const activeTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)

  /** From the top of the page, presses Tab until the element with `testId` has the focus; fails after `most` presses. */
  async function tabFromTop(page: Page, testId: string, most = 80): Promise<number> {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    return tabTo(page, testId, most)
  }

  /** Presses Tab until the element with `testId` has the focus; fails after `most` presses. */
  async function tabTo(page: Page, testId: string, most = 80): Promise<number> {
    for (let presses = 1; presses <= most; presses++) {
      await page.keyboard.press('Tab')
      if ((await activeTestId(page)) === testId) return presses
    }
    throw new Error(`Tab never reached ${testId}`)
  }

  async function selectPassageStart(page: Page, words: string): Promise<void> {
    const block = page.getByTestId('editor').locator('p', { hasText: passage }).first()
    await block.evaluate((paragraph, length) => {
      const text = paragraph.firstChild!
      const range = document.createRange()
      range.setStart(text, 0)
      range.setEnd(text, length)
      document.getSelection()!.removeAllRanges()
      document.getSelection()!.addRange(range)
    }, words.length)
    await expect.poll(() => page.getByTestId('add-thread').isDisabled(), eventually).toBe(false)
  }

  it('[MENTION-1] 刘老师 types 「@」, narrows the list by 拼音, picks 李老师 by keyboard; 李老师 is told', async () => {
    const draft = await draftWithPassage(server, 'teacher2', passage, { title: '3.4 实际问题与一元一次方程' })
    drafts.push(draft)
    const leader = await apiClientFor(server.url, 'leader')
    expect((await leader.post(`/api/lessons/${draft.lesson.id}/stage`, { to: 'review' })).status).toBe(200)
    const [liu, li] = await Promise.all([signIn('teacher3'), signIn('teacher1')])
    liuPage = liu
    // 提交研讨 told the whole group already.
    await expect.poll(() => li.getByTestId('inbox-unread-count').textContent(), eventually).toBe('1')

    await openEditor(liu, draft.lesson.documentId)
    await selectPassageStart(liu, quoted)
    await liu.getByTestId('add-thread').click()
    const body = liu.getByTestId('thread-body-input')
    await body.click()
    await liu.keyboard.type('请')
    await liu.keyboard.type('@')
    const options = liu.getByTestId('mention-option')
    await expect
      .poll(() => options.allTextContents(), eventually)
      .toEqual(expect.arrayContaining(['李老师', '张老师', '王老师']))
    expect(await options.allTextContents()).not.toContain('刘老师')
    await liu.keyboard.type('ll')
    await liu.keyboard.type('s')
    // 「lls」: the initials of 李老师 and of no one else.
    await expect.poll(() => options.allTextContents(), eventually).toEqual(['李老师'])
    for (let step = 0; step < 3; step++) await liu.keyboard.press('Backspace')
    await liu.keyboard.type('李')
    await expect.poll(() => options.allTextContents(), eventually).toEqual(['李老师'])
    await liu.keyboard.press('ArrowDown')
    await liu.keyboard.press('ArrowUp')
    expect(await options.first().getAttribute('aria-selected')).toBe('true')
    await screenshot(liu, 'mentions-1-list')
    await liu.keyboard.press('Enter')
    await expect.poll(() => liu.getByTestId('mention-menu').count(), eventually).toBe(0)
    await liu.keyboard.type('看看这里。@全体')
    // Esc closes the list and keeps the words; words that only look like a mention tell nobody.
    await liu.keyboard.press('Escape')
    await expect.poll(() => liu.getByTestId('mention-menu').count(), eventually).toBe(0)
    expect(await liu.getByTestId('thread-composer').count()).toBe(1)
    expect(await liu.getByTestId('mentions-line').textContent()).toBe('发表后将提醒：李老师')
    await liu.getByTestId('thread-submit').click()

    const item = liu.getByTestId('thread-item').filter({ hasText: '看看这里' })
    await item.waitFor()
    expect(await item.getByTestId('thread-body').textContent()).toBe('请@李老师 看看这里。@全体')
    await expect.poll(() => li.getByTestId('inbox-unread-count').textContent(), eventually).toBe('2')
    await li.getByTestId('inbox-bell').click()
    expect(await li.getByTestId('inbox-item').first().textContent()).toContain(
      '刘老师 在《3.4 实际问题与一元一次方程 导学案》中@了你',
    )
    await li.keyboard.press('Escape')
  })

  it('[MENTION-1] 李老师 replies on a phone and taps 刘老师 in the list; 刘老师 is told of the mention', async () => {
    const draft = drafts[0]!
    const liu = liuPage!
    const phone = await signIn('teacher1', { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })
    await openEditor(phone, draft.lesson.documentId)
    const item = phone.getByTestId('thread-item').filter({ hasText: '看看这里' })
    await item.tap()
    const reply = item.getByTestId('thread-reply-input')
    await reply.tap()
    await phone.keyboard.type('好的，@liu')
    const option = phone.getByTestId('mention-option').filter({ hasText: '刘老师' })
    await option.tap()
    await phone.keyboard.type('我来改')
    expect(await item.getByTestId('mentions-line').textContent()).toBe('发表后将提醒：刘老师')
    await screenshot(phone, 'mentions-2-phone-reply')
    await item.getByTestId('thread-reply-submit').tap()
    await item.getByTestId('thread-reply').filter({ hasText: '我来改' }).waitFor()

    const told = '李老师 在《3.4 实际问题与一元一次方程 导学案》中@了你'
    const liuApi = await apiClientFor(server.url, 'teacher3')
    const newest = async () =>
      (await liuApi.get<{ notifications: { kind: string; text: string }[] }>('/api/notifications')).body
        .notifications[0]
    await expect.poll(newest, eventually).toMatchObject({ kind: 'mention', text: told })
    await liu.getByTestId('inbox-bell').click()
    // A reply that mentions the thread's author is one notification: the mention.
    await expect.poll(() => liu.getByTestId('inbox-item').first().textContent(), eventually).toContain(told)
    await liu.keyboard.press('Escape')
  })

  it('[KEYS-1] 陈老师, who may only comment, reaches the text by Tab, selects by Shift+arrows and comments by keyboard', async () => {
    const draft = await draftWithPassage(server, 'apprentice', passage, { title: '3.5 方程的应用' })
    drafts.push(draft)
    const mentor = await signIn('mentor')
    await openEditor(mentor, draft.lesson.documentId)
    await expectAccess(mentor, 'comment')

    await tabFromTop(mentor, 'editor')
    await mentor.keyboard.press('Control+End')
    await mentor.keyboard.press('Home')
    for (let step = 0; step < quoted.length; step++) await mentor.keyboard.press('Shift+ArrowRight')
    await expect.poll(() => mentor.evaluate(() => document.getSelection()?.toString()), eventually).toBe(quoted)
    await expect.poll(() => mentor.getByTestId('add-thread').isDisabled(), eventually).toBe(false)
    await screenshot(mentor, 'mentions-3-keyboard-selection')

    await mentor.keyboard.press('Control+Alt+KeyM')
    await mentor.getByTestId('thread-composer').waitFor()
    expect(await mentor.getByTestId('thread-composer').locator('blockquote').textContent()).toBe(quoted)
    await expect.poll(() => activeTestId(mentor), eventually).toBe('thread-body-input')
    await mentor.keyboard.type('这一步可以让学生先说')
    await mentor.keyboard.press('Control+Enter')
    const item = mentor.getByTestId('thread-item').filter({ hasText: '这一步可以让学生先说' })
    await item.waitFor()
    expect(await item.getByTestId('thread-quote').textContent()).toBe(quoted)
    expect(await mentor.getByTestId('update-refused').count()).toBe(0)

    // The same path by Tab: from the text to 批注, which opens the composer on the selection.
    await tabFromTop(mentor, 'editor')
    await mentor.keyboard.press('Control+End')
    await mentor.keyboard.press('End')
    for (let step = 0; step < 5; step++) await mentor.keyboard.press('Shift+ArrowLeft')
    await expect.poll(() => mentor.evaluate(() => document.getSelection()?.toString()), eventually).toBe('等量关系。')
    await tabTo(mentor, 'add-thread')
    await mentor.keyboard.press('Enter')
    expect(await mentor.getByTestId('thread-composer').locator('blockquote').textContent()).toBe('等量关系。')
    await expect.poll(() => activeTestId(mentor), eventually).toBe('thread-body-input')
    await mentor.keyboard.press('Escape')
    await expect.poll(() => mentor.getByTestId('thread-composer').count(), eventually).toBe(0)
  })

  it('[KEYS-2] the 主备人 reaches 从 Word 导入初稿 by Tab, its focus ring shown', async () => {
    const draft = drafts[1]!
    const apprentice = await signIn('apprentice')
    await apprentice.goto(`${server.url}/#/lessons/${draft.lesson.id}`)
    await apprentice.getByTestId('import-into-draft-file').waitFor({ state: 'attached' })
    await tabFromTop(apprentice, 'import-into-draft-file')
    const ring = await apprentice
      .getByTestId('import-into-draft-file')
      .evaluate((input) => getComputedStyle(input.parentElement!).outlineStyle)
    expect(ring).toBe('solid')
    await screenshot(apprentice, 'mentions-4-import-focus')
  })

  it('[KEYS-3] the login page starts in 用户名', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' })
    const page = await context.newPage()
    await page.goto(server.url)
    await page.getByTestId('login-username').waitFor()
    await expect.poll(() => activeTestId(page), eventually).toBe('login-username')
    await page.keyboard.type('teacher1')
    expect(await page.getByTestId('login-username').inputValue()).toBe('teacher1')
    await context.close()
  })
})
