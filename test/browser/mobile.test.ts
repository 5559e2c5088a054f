/**
 * Teachers read, comment and write 反思 on phones and tablets: at 390×844 and 768×1024, with touch,
 * the page never scrolls sideways (a 填空 line of underscores wraps), the 批注 action of a selection is
 * on screen and works by tapping, the navigation folds into 菜单, and typing in the 课后反思 section
 * is kept (CLIENT-5, CLIENT-6 in docs/CLIENT.md).
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sampleLessonTitle } from '../../server/demo/sample-lesson.ts'
import { demoPassword } from '../helpers/collab-client.ts'
import type { TestServer } from '../helpers/test-server.ts'
import { browserSuitesEnabled } from './helpers/chromium.ts'
import { firstBlockOf, sectionBlocks, selectWords } from './helpers/lesson-structure.ts'
import { startServedApp, stopServedApp } from './helpers/served-app.ts'
import { eventually, expectSaveStatus, screenshot } from './helpers/teacher-page.ts'

const enabled = browserSuitesEnabled()

const screens = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet', width: 768, height: 1024 },
] as const

/** How far the page reaches past the screen's right edge, in CSS pixels (0: it fits). */
function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth,
  )
}

describe.runIf(enabled)('browser: phones and tablets, by touch', () => {
  let server: TestServer
  let browser: Browser

  beforeAll(async () => {
    ;({ server, browser } = await startServedApp())
  })
  afterAll(() => stopServedApp({ server, browser }))

  async function openOnTouchScreen(screen: (typeof screens)[number], username: string): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: screen.width, height: screen.height },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    })
    context.setDefaultTimeout(20_000)
    const page = await context.newPage()
    await page.goto(server.url)
    await page.getByTestId('login-username').fill(username)
    await page.getByTestId('login-password').fill(demoPassword)
    await page.getByTestId('login-submit').tap()
    await page.getByTestId('document-link').filter({ hasText: sampleLessonTitle }).tap()
    await page.getByTestId('editor').waitFor()
    await expectSaveStatus(page, '已保存')
    return page
  }

  for (const screen of screens) {
    it(`[CLIENT-5] ${screen.name} ${screen.width}×${screen.height}: the page fits, underscores wrap, the menu folds, 教师用 covers no text`, async () => {
      const page = await openOnTouchScreen(screen, 'teacher1')
      try {
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
        const blank = page.getByTestId('editor').locator('p', { hasText: '归纳：____' }).first()
        const box = (await blank.boundingBox())!
        expect(box.x + box.width).toBeLessThanOrEqual(screen.width)

        const planLink = page.getByTestId('plan-link').first()
        if (screen.width < 760) {
          expect(await planLink.isVisible()).toBe(false)
          await page.getByTestId('top-menu').tap()
          await planLink.waitFor()
          expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
          await page.getByTestId('top-menu').tap()
          await planLink.waitFor({ state: 'hidden' })
        } else {
          expect(await planLink.isVisible()).toBe(true)
        }

        // The 教师用 label covers none of the block's words: beside them in a margin, or above them.
        const teacherOnly = page.getByTestId('editor').locator('p[data-teacher-only]').first()
        const placement = await teacherOnly.evaluate((block) => {
          const label = getComputedStyle(block, '::after')
          const box = block.getBoundingClientRect()
          const left = box.left + parseFloat(label.left)
          const top = box.top + parseFloat(label.top)
          const labelBox = { left, top, right: left + parseFloat(label.width), bottom: top + parseFloat(label.height) }
          const range = document.createRange()
          range.selectNodeContents(block)
          const covered = [...range.getClientRects()].some(
            (line) =>
              line.left < labelBox.right &&
              labelBox.left < line.right &&
              line.top < labelBox.bottom &&
              labelBox.top < line.bottom,
          )
          return { shown: label.content !== 'none', covered }
        })
        expect(placement).toEqual({ shown: true, covered: false })
        await screenshot(page, `mobile-${screen.name}-editor`)
      } finally {
        await page.context().close()
      }
    })

    it(`[CLIENT-6] ${screen.name}: a teacher comments on selected words and writes in 课后反思, by touch`, async () => {
      const page = await openOnTouchScreen(screen, screen.name === 'phone' ? 'teacher2' : 'teacher3')
      try {
        const block = firstBlockOf(page, 'objectives')
        await block.scrollIntoViewIfNeeded()
        await selectWords(page, block, '设未知数')
        const comment = page.getByTestId('add-thread')
        await expect.poll(() => comment.isEnabled(), eventually).toBe(true)
        const button = (await comment.boundingBox())!
        expect(button.y + button.height).toBeLessThanOrEqual(screen.height)
        expect(button.x + button.width).toBeLessThanOrEqual(screen.width)
        await comment.tap()
        const body = page.getByTestId('thread-body-input')
        await body.waitFor()
        await body.tap()
        const words = `${screen.name}上的批注：先口述相等关系`
        await page.keyboard.insertText(words)
        await page.getByTestId('thread-submit').tap()
        await expect.poll(() => page.getByTestId('thread-item').filter({ hasText: words }).count(), eventually).toBe(1)
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)

        const reflection = firstBlockOf(page, 'reflection')
        await reflection.scrollIntoViewIfNeeded()
        await reflection.tap()
        await page.keyboard.press('End')
        const reflected = `${screen.name}反思：第3题学生设未知数较慢。`
        await page.keyboard.insertText(reflected)
        await expectSaveStatus(page, '已保存')
        await expect
          .poll(async () => (await sectionBlocks(page, 'reflection')).join('\n'), eventually)
          .toContain(reflected)
        await screenshot(page, `mobile-${screen.name}-commented`)
      } finally {
        await page.context().close()
      }
    })
  }
})
