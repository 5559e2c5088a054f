/**
 * Commented words in Debian's chromium against the real server: 张老师 opens her draft, on which 刘老师
 * asked about some words, and clicks into them first thing: the thread opens and the caret stays where
 * she clicked. She types there, and the thread shows its words as they read now and, beside them, the
 * words it was written about. The steps share one page and run in order.
 *
 * Regression (first step): selecting the clicked thread redrew its highlight with the editor's selection from before
 * the click, which ProseMirror had not read yet; on a freshly opened document that is its very start, so
 * the words she typed next landed in the 学科 header cell.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createThread } from '../../shared/threads/thread-edits.ts'
import { type DraftWithPassage, draftWithPassage, passageOf } from '../helpers/draft-with-passage.ts'
import { userId } from '../helpers/lesson-fixtures.ts'
import type { TestServer } from '../helpers/test-server.ts'
import { browserSuitesEnabled } from './helpers/chromium.ts'
import { headerText } from './helpers/lesson-structure.ts'
import { startServedApp, stopServedApp } from './helpers/served-app.ts'
import { skipStepsAfterAFailure } from './helpers/story-steps.ts'
import { blockWith, eventually, logIn, screenshot, selectionSettled } from './helpers/teacher-page.ts'

const enabled = browserSuitesEnabled()

const title = '3.4 实际问题与一元一次方程'
const passage = '列方程解应用题的关键是找等量关系。'
const commented = '应用题的关键'
/** Where in the commented words she clicks: before 关. */
const clickedAt = commented.indexOf('关')
const typed = '最'

describe.runIf(enabled)('browser: clicking and rewriting commented words', { timeout: 60_000 }, () => {
  let server: TestServer
  let browser: Browser
  let draft: DraftWithPassage
  let zhang: Page

  beforeAll(async () => {
    ;({ server, browser } = await startServedApp({ demoPlan: false }))
    draft = await draftWithPassage(server, 'teacher2', passage, { title })
    const liu = await draft.join('teacher3')
    const text = passageOf(liu.doc)
    const from = passage.indexOf(commented)
    createThread(liu.doc, {
      id: 'key-words',
      kind: 'question',
      authorId: await userId(server, 'teacher3'),
      body: '关键词要不要加粗？',
      start: { text, offset: from },
      end: { text, offset: from + commented.length },
    })
    draft.disconnectAll()
    zhang = await logIn(browser, server.url, 'teacher2')
  })

  afterAll(async () => {
    draft?.disconnectAll()
    await stopServedApp({ server, browser })
  })

  skipStepsAfterAFailure()

  const item = () => zhang.getByTestId('thread-item').filter({ hasText: '关键词要不要加粗' })

  it('[THREADS-1] the first click on highlighted words opens the thread and leaves the caret where clicked', async () => {
    await zhang.getByTestId('document-link').filter({ hasText: title }).click()
    const highlight = zhang.getByTestId('thread-highlight')
    await expect.poll(() => highlight.allTextContents(), eventually).toEqual([commented])
    const subjectBefore = await headerText(zhang, 'subject')

    await highlight.scrollIntoViewIfNeeded()
    const point = await characterPoint(zhang, clickedAt)
    await zhang.mouse.click(point.x, point.y)
    await expect.poll(() => item().getAttribute('aria-current'), eventually).toBe('true')
    await selectionSettled(zhang)
    await zhang.keyboard.type(typed)

    const at = passage.indexOf(commented) + clickedAt
    const expected = passage.slice(0, at) + typed + passage.slice(at)
    await expect.poll(() => blockWith(zhang, '等量关系').textContent(), eventually).toBe(expected)
    expect(await headerText(zhang, 'subject')).toBe(subjectBefore)
    await screenshot(zhang, 'thread-passage-1-typed-at-click')
  })

  it('[THREADS-2] the thread shows its words as they read now, and 原文 beside them', async () => {
    const now = commented.slice(0, clickedAt) + typed + commented.slice(clickedAt)
    await expect.poll(() => item().getByTestId('thread-quote').textContent(), eventually).toBe(now)
    expect(await item().getByTestId('thread-original').textContent()).toBe(`原文：${commented}`)
    await screenshot(zhang, 'thread-passage-2-original')
  })
})

/** The viewport point just inside the left edge of the `index`-th character of the highlighted words. */
function characterPoint(page: Page, index: number): Promise<{ x: number; y: number }> {
  return page
    .getByTestId('thread-highlight')
    .first()
    .evaluate((element, at) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
      let left = at
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent!.length
        if (left >= length) {
          left -= length
          continue
        }
        const range = document.createRange()
        range.setStart(node, left)
        range.setEnd(node, left + 1)
        const box = range.getBoundingClientRect()
        return { x: box.left + 2, y: box.top + box.height / 2 }
      }
      throw new Error(`the highlight has no character ${at}`)
    }, index)
}
