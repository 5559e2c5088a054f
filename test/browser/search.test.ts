/**
 * Search in Debian's chromium against the real server (SEARCH-3, SEARCH-5, SEARCH-7, SEARCH-8): a
 * passage 李老师 wrote is found by 张老师 from the top bar's search box, the words found are marked and
 * what looks like markup stays text, a filter narrows the list, and the result opens the plan.
 * Screenshots go to test-results/browser/search-*.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DraftWithPassage, draftWithPassage } from '../helpers/draft-with-passage.ts'
import type { TestServer } from '../helpers/test-server.ts'
import { browserSuitesEnabled } from './helpers/chromium.ts'
import { startServedApp, stopServedApp } from './helpers/served-app.ts'
import { eventually, logIn, screenshot } from './helpers/teacher-page.ts'

const enabled = browserSuitesEnabled()

const title = '3.2 解一元一次方程（一）——合并同类项'
const passage = '用合并同类项解方程 <img src=x onerror=alert(1)>，方程两边相等。'

describe.runIf(enabled)('browser: search', { timeout: 60_000 }, () => {
  let server: TestServer
  let browser: Browser
  let zhang: Page
  let draft: DraftWithPassage

  beforeAll(async () => {
    // The index rests seconds between sweeps so typing never waits on it (SEARCH-8); here it need not.
    ;({ server, browser } = await startServedApp({ demoPlan: false, searchIndexDelayMs: 100 }))
    draft = await draftWithPassage(server, 'teacher1', passage, { title })
    zhang = await logIn(browser, server.url, 'teacher2')
  })

  afterAll(async () => {
    draft?.disconnectAll()
    await stopServedApp({ server, browser })
  })

  const result = () => zhang.getByTestId('search-result').filter({ hasText: title })

  it('finds 方程 from the top bar, with the words marked and the markup shown as text', async () => {
    await zhang.getByTestId('search-input').fill('方程')
    await zhang.getByTestId('search-input').press('Enter')
    await expect.poll(() => zhang.evaluate(() => window.location.hash), eventually).toMatch(/^#\/search\?q=/)
    // The passage was stored a moment ago: a search again finds it once the index has it.
    await expect
      .poll(async () => {
        if ((await result().count()) === 0) await zhang.getByTestId('search-input').press('Enter')
        return result().count()
      }, eventually)
      .toBe(1)
    const snippet = result().getByTestId('search-snippet')
    expect(await snippet.locator('mark').allTextContents()).toEqual(['方程', '方程'])
    expect(await snippet.textContent()).toContain('<img src=x onerror=alert(1)>')
    expect(await snippet.locator('img').count()).toBe(0)
    await screenshot(zhang, 'search-results')
  })

  it('narrows by kind, and opens the plan from the result', async () => {
    await zhang.getByTestId('search-filter-kind').selectOption('meeting')
    await expect.poll(() => zhang.getByTestId('search-summary').textContent(), eventually).toContain('没有找到')
    await zhang.getByTestId('search-filter-kind').selectOption('lesson-plan')
    await expect.poll(() => result().count(), eventually).toBe(1)
    expect(await zhang.getByTestId('search-input').inputValue()).toBe('方程')
    await result().getByTestId('search-result-link').click()
    await expect
      .poll(() => zhang.evaluate(() => window.location.hash), eventually)
      .toBe(`#/documents/${draft.lesson.documentId}`)
    await expect.poll(() => zhang.locator('.ProseMirror').textContent(), eventually).toContain('两边相等')
    await screenshot(zhang, 'search-opened')
  })
})
