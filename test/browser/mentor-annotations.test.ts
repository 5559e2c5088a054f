/**
 * 师徒批注 in Debian's chromium against the real server (port 0, SQLite, the demo school with its 备课计划),
 * on 赵老师's draft (she is its 主备人), her mentor 陈老师, who may only comment while it is
 * drafted, adds a 师徒批注 and two suggestions (建议修改); her bell counts them live while she is away
 * from the draft; she opens it from the inbox, accepts one suggestion, rejects the other, answers the
 * 师徒批注 and resolves it; his bell hears of each; the 师徒结对 page then counts 3 annotations, 3
 * resolved, where it counted none. Screenshots go to test-results/browser/mentor-annotations-*.
 *
 * The steps share one document and run in order; each `it` is one step of the story.
 */
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestServer } from '../helpers/test-server.ts'
import { browserSuitesEnabled } from './helpers/chromium.ts'
import { firstBlockOf, sectionBlocks, selectWords, writeSection } from './helpers/lesson-structure.ts'
import { pairCounts, pairRow } from './helpers/mentorship-page.ts'
import { startServedApp, stopServedApp } from './helpers/served-app.ts'
import { skipStepsAfterAFailure } from './helpers/story-steps.ts'
import { eventually, expectAccess, expectSaveStatus, logIn, openDocument, screenshot } from './helpers/teacher-page.ts'

const enabled = browserSuitesEnabled()

/** A lesson of the demo plan still being drafted, with 赵老师 (apprentice) as 主备人. */
const title = '2.2 整式的加减——去括号 导学案'
const goal = '会用去括号法则化简整式，注意符号变化。'
const keyPoint = '重点：会去括号。难点：括号前是负号时的变号。'

const note = { words: '去括号法则', body: '法则最好让学生自己归纳出来，不要直接给出' }
const accepted = { words: '注意符号变化', replacement: '括号前是负号时，括号里各项都要变号' }
const rejected = { words: '会去括号', replacement: '去括号法则的推导' }
const answer = '好的，改成先让学生观察几组算式，再归纳法则'

describe.runIf(enabled)('browser: 师徒批注 from the annotation to the pair’s counts', { timeout: 60_000 }, () => {
  let server: TestServer
  let browser: Browser
  let apprentice: Page
  let mentor: Page

  beforeAll(async () => {
    ;({ server, browser } = await startServedApp())
    ;[apprentice, mentor] = await Promise.all([
      logIn(browser, server.url, 'apprentice'),
      logIn(browser, server.url, 'mentor'),
    ])
  })

  afterAll(() => stopServedApp({ server, browser }))

  skipStepsAfterAFailure()

  it('1. 陈老师’s 师徒结对 page counts nothing yet for him and 赵老师', async () => {
    await mentor.getByTestId('mentorship-link').click()
    await expect
      .poll(() => pairCounts(pairRow(mentor, '陈老师', '赵老师')), eventually)
      .toEqual({ annotations: '0', resolved: '0', observed: '0' })
  })

  it('2. 赵老师 drafts a goal and a key point, then leaves the draft; her bell shows nothing unread', async () => {
    await openDocument(apprentice, title)
    await expectAccess(apprentice, 'edit')
    await writeSection(apprentice, 'objectives', [goal])
    await writeSection(apprentice, 'keyPoints', [keyPoint])
    await expectSaveStatus(apprentice, '已保存')

    await apprentice.getByRole('link', { name: '共备', exact: true }).click()
    await apprentice.getByTestId('document-link').first().waitFor()
    await expect.poll(() => unread(apprentice), eventually).toBe('0')
  })

  it('3. 陈老师 opens her draft with comment access and adds a 师徒批注, the composer’s default; her bell counts it', async () => {
    await mentor.getByRole('link', { name: '共备', exact: true }).click()
    await openDocument(mentor, title)
    await expectAccess(mentor, 'comment')
    await expect.poll(() => sectionBlocks(mentor, 'objectives'), eventually).toEqual([goal])
    expect(await mentor.getByTestId('toolbar').count()).toBe(0)
    await expect(mentor.getByTestId('add-thread').isDisabled()).resolves.toBe(true)

    await selectWords(mentor, firstBlockOf(mentor, 'objectives'), note.words)
    await mentor.getByTestId('add-thread').click()
    expect(await mentor.getByTestId('thread-kind-select').inputValue()).toBe('mentorNote')
    await mentor.getByTestId('thread-body-input').fill(note.body)
    await mentor.getByTestId('thread-submit').click()
    await threadItem(mentor, note.body).waitFor()
    expect(await threadItem(mentor, note.body).getByTestId('thread-quote').textContent()).toBe(note.words)

    // Live: she stays on the documents page and reloads nothing.
    await expect.poll(() => unread(apprentice), eventually).toBe('1')
  })

  it('4. 陈老师 suggests two changes in place, 师徒批注 as well; her bell counts three', async () => {
    await suggest(mentor, 'objectives', accepted)
    await suggest(mentor, 'keyPoints', rejected)
    await expect
      .poll(() => mentor.getByTestId('suggestion-insert').allTextContents(), eventually)
      .toEqual([accepted.replacement, rejected.replacement])
    await screenshot(mentor, 'mentor-annotations-1-mentor-annotated')

    await expect.poll(() => unread(apprentice), eventually).toBe('3')
    await apprentice.getByTestId('inbox-bell').click()
    const items = apprentice.getByTestId('inbox-item')
    await expect.poll(() => items.count(), eventually).toBe(3)
    expect(await items.allTextContents()).toEqual([
      expect.stringContaining('陈老师 对你的《'),
      expect.stringContaining('陈老师 对你的《'),
      expect.stringContaining('陈老师 在你的《'),
    ])
    expect(await items.last().textContent()).toContain('写了师徒批注')
    expect(await items.evaluateAll((all) => all.map((item) => item.getAttribute('data-read')))).toEqual([
      'false',
      'false',
      'false',
    ])
    await screenshot(apprentice, 'mentor-annotations-2-apprentice-inbox')
  })

  it('5. 赵老师 opens the 师徒批注 from her inbox: the draft shows it selected, and the suggestions in place', async () => {
    await apprentice.getByTestId('inbox-item').last().click()
    await apprentice.getByTestId('editor').waitFor()
    await expectAccess(apprentice, 'edit')
    await expect.poll(() => threadItem(apprentice, note.body).getAttribute('aria-current'), eventually).toBe('true')
    await expect.poll(() => unread(apprentice), eventually).toBe('2')

    const drawn = (testId: string) => apprentice.getByTestId(testId).allTextContents()
    await expect.poll(() => drawn('thread-highlight'), eventually).toEqual([note.words])
    await expect.poll(() => drawn('suggestion-delete'), eventually).toEqual([accepted.words, rejected.words])
    await expect
      .poll(() => drawn('suggestion-insert'), eventually)
      .toEqual([accepted.replacement, rejected.replacement])
    await screenshot(apprentice, 'mentor-annotations-3-apprentice-draft')
  })

  it('6. 赵老师 accepts one suggestion: the text changes in both browsers; she rejects the other: it stays', async () => {
    await suggestionItem(apprentice, accepted.replacement).getByTestId('suggestion-accept').click()
    const revisedGoal = goal.replace(accepted.words, accepted.replacement)
    for (const page of [apprentice, mentor]) {
      await expect.poll(() => sectionBlocks(page, 'objectives'), eventually).toEqual([revisedGoal])
    }

    await suggestionItem(apprentice, rejected.replacement).getByTestId('suggestion-reject').click()
    for (const page of [apprentice, mentor]) {
      await expect.poll(() => page.getByTestId('suggestion-insert').count(), eventually).toBe(0)
      expect(await sectionBlocks(page, 'keyPoints')).toEqual([keyPoint])
    }

    await mentor.getByTestId('thread-filter-state').selectOption('all')
    for (const [change, decision] of [
      [accepted, '接受了建议'],
      [rejected, '拒绝了建议'],
    ] as const) {
      const decided = suggestionItem(mentor, change.replacement).getByTestId('suggestion-decision')
      await expect.poll(() => decided.textContent(), eventually).toMatch(new RegExp(`^赵老师 ${decision} · `))
    }
    // Accepting replaced the quoted words: the record above says so; nobody deleted them (原文已删除).
    expect(await suggestionItem(mentor, accepted.replacement).getByTestId('thread-quote').textContent()).toBe(
      accepted.words,
    )
    expect(await suggestionItem(mentor, rejected.replacement).getByTestId('thread-quote').textContent()).toBe(
      rejected.words,
    )
    await screenshot(mentor, 'mentor-annotations-4-mentor-sees-decisions')
  })

  it('7. 赵老师 answers the 师徒批注 and resolves it; 陈老师 sees both, and his bell heard of each decision', async () => {
    const item = threadItem(apprentice, note.body)
    await item.getByTestId('thread-quote').click()
    await expect.poll(() => item.getAttribute('aria-current'), eventually).toBe('true')
    await item.getByTestId('thread-reply-input').fill(answer)
    await item.getByTestId('thread-reply-submit').click()
    await item.getByTestId('thread-reply').filter({ hasText: answer }).waitFor()
    await item.getByTestId('thread-resolve').click()
    await expect.poll(() => item.getAttribute('data-state'), eventually).toBe('resolved')

    const mentorsItem = threadItem(mentor, note.body)
    await mentorsItem.getByTestId('thread-reply').filter({ hasText: answer }).waitFor()
    await expect.poll(() => mentorsItem.getAttribute('data-state'), eventually).toBe('resolved')
    await Promise.all([expectSaveStatus(apprentice, '已保存'), expectSaveStatus(mentor, '已保存')])

    await expect.poll(() => unread(mentor), eventually).toBe('4')
    await mentor.getByTestId('inbox-bell').click()
    const items = mentor.getByTestId('inbox-item')
    await expect.poll(() => items.count(), eventually).toBe(4)
    // In any order: two of her steps may be told in the same millisecond.
    expect(await items.allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringContaining('赵老师 将你在《'),
        expect.stringContaining('赵老师 回复了你在《'),
        expect.stringContaining('赵老师 没有采纳你对《'),
        expect.stringContaining('赵老师 采纳了你对《'),
      ]),
    )
    await screenshot(mentor, 'mentor-annotations-5-mentor-inbox')
    await mentor.keyboard.press('Escape')
  })

  it('8. 陈老师’s 师徒结对 page counts 3 annotations, all 3 resolved, and lists them with what became of each suggestion', async () => {
    await mentor.getByTestId('mentorship-link').click()
    await expect
      .poll(() => pairCounts(pairRow(mentor, '陈老师', '赵老师')), eventually)
      .toEqual({ annotations: '3', resolved: '3', observed: '0' })
    await pairRow(mentor, '陈老师', '赵老师').getByRole('link', { name: '查看' }).click()
    const annotations = mentor.getByTestId('pair-annotation')
    await expect.poll(() => annotations.count(), eventually).toBe(3)
    expect(await annotations.evaluateAll((all) => all.map((item) => item.getAttribute('data-state')))).toEqual([
      'resolved',
      'resolved',
      'resolved',
    ])
    expect(await annotations.first().textContent()).toContain(note.body)
    const suggestions = mentor.getByTestId('pair-suggestion')
    expect(await suggestions.allTextContents()).toEqual([
      `建议把「${accepted.words}」改为「${accepted.replacement}」 已接受`,
      `建议把「${rejected.words}」改为「${rejected.replacement}」 已拒绝`,
    ])
    await screenshot(mentor, 'mentor-annotations-6-pair-counts', { fullPage: true })
  })
})

function unread(page: Page): Promise<string | null> {
  return page.getByTestId('inbox-unread-count').textContent()
}

function threadItem(page: Page, body: string): Locator {
  return page.getByTestId('thread-item').filter({ has: page.getByTestId('thread-body').filter({ hasText: body }) })
}

function suggestionItem(page: Page, replacement: string): Locator {
  return page
    .getByTestId('thread-item')
    .filter({ has: page.getByTestId('suggestion').filter({ hasText: replacement }) })
}

async function suggest(page: Page, section: string, change: { words: string; replacement: string }): Promise<void> {
  await selectWords(page, firstBlockOf(page, section), change.words)
  await page.getByTestId('add-suggestion').click()
  // A mentor's proposal on an apprentice's draft is a 师徒批注 too.
  expect(await page.getByTestId('thread-kind-select').inputValue()).toBe('mentorNote')
  await page.getByTestId('suggestion-replacement-input').fill(change.replacement)
  await page.getByTestId('thread-submit').click()
  await suggestionItem(page, change.replacement).waitFor()
}
