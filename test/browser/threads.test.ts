/**
 * Threads and suggestions in Debian's chromium against the real server (port 0, SQLite, the demo
 * school with its 备课计划): on 赵老师's draft (she is its 主备人), her mentor 陈老师, who may only
 * comment while it is drafted, selects words in the read-only text and adds a 师徒批注; 赵老师 sees the
 * words highlighted, clicks them, replies and resolves. Then 陈老师 suggests a change in place and
 * 赵老师 accepts it; a forged change of 陈老师's is refused and undone on his page; a colleague opens a
 * link to the thread. Screenshots go to test-results/browser/threads-*.
 *
 * The steps share one document and run in order; each `it` is one step of the story.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestServer } from '../helpers/test-server.ts'
import { browserSuitesEnabled } from './helpers/chromium.ts'
import { firstBlockOf, sectionBlocks, selectWords, writeSection } from './helpers/lesson-structure.ts'
import { startServedApp, stopServedApp } from './helpers/served-app.ts'
import { skipStepsAfterAFailure } from './helpers/story-steps.ts'
import { eventually, expectAccess, expectSaveStatus, logIn, openDocument, screenshot } from './helpers/teacher-page.ts'

const enabled = browserSuitesEnabled()

/** A lesson of the demo plan still being drafted, with 赵老师 (apprentice) as 主备人. */
const title = '2.2 整式的加减——去括号 导学案'
const goal = '会用去括号法则化简整式，注意符号变化。'
const annotated = '去括号法则'
const note = '法则最好让学生自己归纳出来'
const answer = '好的，改成先让学生观察、再归纳'
const replaced = '注意符号变化'
const replacement = '括号前是负号时各项都要变号'

describe.runIf(enabled)('browser: threads on a draft, between a mentor and an apprentice', { timeout: 60_000 }, () => {
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

  it('1. 赵老师 writes a goal into her draft; 陈老师 opens it with comment access and sees it', async () => {
    await openDocument(apprentice, title)
    await expectAccess(apprentice, 'edit')
    await writeSection(apprentice, 'objectives', [goal])
    await expectSaveStatus(apprentice, '已保存')

    await openDocument(mentor, title)
    await expectAccess(mentor, 'comment')
    await expect.poll(() => sectionBlocks(mentor, 'objectives'), eventually).toEqual([goal])
    expect(await mentor.getByTestId('toolbar').count()).toBe(0)
  })

  it('2. 陈老师 selects words in the read-only text and adds a 师徒批注 mentioning 赵老师', async () => {
    await expect(mentor.getByTestId('add-thread').isDisabled()).resolves.toBe(true)
    await selectWords(mentor, firstBlockOf(mentor, 'objectives'), annotated)
    await mentor.getByTestId('add-thread').click()
    // The composer starts with the kind a mentor's remark on an apprentice's draft usually is.
    expect(await mentor.getByTestId('thread-kind-select').inputValue()).toBe('mentorNote')
    await mentor.getByTestId('thread-body-input').fill(note)
    await mentor.keyboard.type('@zhao')
    await mentor.getByTestId('mention-option').filter({ hasText: '赵老师' }).click()
    await mentor.getByTestId('thread-submit').click()

    const item = mentor.getByTestId('thread-item').filter({ hasText: note })
    await item.waitFor()
    expect(await item.getByTestId('thread-author').textContent()).toBe('陈老师')
    expect(await item.getByTestId('thread-quote').textContent()).toBe(annotated)
    expect(await item.textContent()).toContain('@赵老师')
    expect(await highlightTexts(mentor)).toEqual([annotated])
    await screenshot(mentor, 'threads-1-mentor-annotated')
  })

  it('3. 赵老师 sees the words highlighted, clicks them, and the thread opens; she replies', async () => {
    await expect.poll(() => highlightTexts(apprentice), eventually).toEqual([annotated])
    await apprentice.getByTestId('thread-highlight').first().click()
    const item = apprentice.getByTestId('thread-item').filter({ hasText: note })
    await expect.poll(() => item.getAttribute('aria-current'), eventually).toBe('true')
    expect(await apprentice.getByTestId('thread-highlight').first().getAttribute('class')).toContain('is-selected')
    expect(await item.getByTestId('thread-author').textContent()).toBe('陈老师')

    await item.getByTestId('thread-reply-input').fill(answer)
    await item.getByTestId('thread-reply-submit').click()
    await item.getByTestId('thread-reply').filter({ hasText: answer }).waitFor()
    await mentor.getByTestId('thread-reply').filter({ hasText: answer }).waitFor({ timeout: eventually.timeout })
    await screenshot(apprentice, 'threads-2-apprentice-replied')
  })

  it('4. 赵老师 resolves the thread: it is resolved for both, and stays in view while selected', async () => {
    const item = apprentice.getByTestId('thread-item').filter({ hasText: note })
    await item.getByTestId('thread-resolve').click()
    await expect.poll(() => item.getAttribute('data-state'), eventually).toBe('resolved')
    expect(await item.getByTestId('thread-resolve').textContent()).toBe('重新打开')
    const mentorsItem = mentor.getByTestId('thread-item').filter({ hasText: note })
    await expect.poll(() => mentorsItem.getAttribute('data-state'), eventually).toBe('resolved')
    // 陈老师 may not resolve or reopen a thread on 赵老师's draft... but he wrote this one.
    expect(await mentorsItem.getByTestId('thread-resolve').textContent()).toBe('重新打开')
    await mentor.getByTestId('thread-filter-state').selectOption('resolved')
    expect(await mentor.getByTestId('thread-item').count()).toBe(1)
    await mentor.getByTestId('thread-filter-state').selectOption('open')
  })

  it('5. 陈老师 suggests a change in place; 赵老师 sees it in his colour and accepts it', async () => {
    await selectWords(mentor, firstBlockOf(mentor, 'objectives'), replaced)
    await mentor.getByTestId('add-suggestion').click()
    await mentor.getByTestId('suggestion-replacement-input').fill(replacement)
    await mentor.getByTestId('thread-submit').click()

    // The new suggestion is selected now: the resolved thread is no longer drawn in the text.
    expect(await highlightTexts(mentor)).toEqual([])
    await expect.poll(() => apprentice.getByTestId('suggestion-insert').textContent(), eventually).toBe(replacement)
    expect(await apprentice.getByTestId('suggestion-delete').textContent()).toBe(replaced)
    // 陈老师's colour in the demo school.
    expect(
      await apprentice.getByTestId('suggestion-insert').evaluate((element) => getComputedStyle(element).color),
    ).toBe('rgb(156, 54, 181)')
    await screenshot(apprentice, 'threads-3-suggestion')

    const item = apprentice.getByTestId('thread-item').filter({ has: apprentice.getByTestId('suggestion') })
    await item.getByTestId('suggestion-accept').click()
    const accepted = goal.replace(replaced, replacement)
    await expect.poll(() => sectionBlocks(apprentice, 'objectives'), eventually).toEqual([accepted])
    await expect.poll(() => sectionBlocks(mentor, 'objectives'), eventually).toEqual([accepted])
    expect(await apprentice.getByTestId('suggestion-insert').count()).toBe(0)
    await mentor.getByTestId('thread-filter-state').selectOption('all')
    await expect
      .poll(() => mentor.getByTestId('suggestion-decision').textContent(), eventually)
      .toMatch(/^赵老师 接受了建议 · /)
    await Promise.all([expectSaveStatus(apprentice, '已保存'), expectSaveStatus(mentor, '已保存')])
    await screenshot(mentor, 'threads-4-accepted')
  })

  it("6. a change the server refuses (陈老师 rewriting 赵老师's reply) is explained, kept, and the server's copy comes back when he chooses it", async () => {
    // The panel offers no such thing: the change is made on the page's Y.Doc directly, as a tampered client would.
    await mentor.getByTestId('editor').evaluate((element) => {
      const view = (element as unknown as { editor: { view: { state: Record<string, { doc: YDocLike }> } } }).editor
        .view
      for (const thread of view.state['y-sync$']!.doc.getMap('threads').values()) {
        for (const reply of thread.get('replies').toArray()) reply.get('body').insert(0, '伪造：')
      }
    })
    const refusal = mentor.getByTestId('update-refused')
    await refusal.waitFor()
    expect(await refusal.textContent()).toContain('服务器没有保存你的修改')
    // Nothing is thrown away until he chooses the server's copy.
    expect((await mentor.getByTestId('thread-reply').allTextContents()).join()).toContain('伪造')
    await mentor.getByTestId('refused-start-over').click()
    // The panel opens afresh with the server's copy: both threads are resolved by now.
    await mentor.getByTestId('thread-filter-state').selectOption('all')
    await expect
      .poll(() => mentor.getByTestId('thread-reply').allTextContents(), eventually)
      .toEqual([expect.stringContaining(answer)])
    expect((await mentor.getByTestId('thread-reply').allTextContents()).join()).not.toContain('伪造')
    await expectSaveStatus(mentor, '已保存')
    expect((await apprentice.getByTestId('thread-reply').allTextContents()).join()).not.toContain('伪造')
    await screenshot(mentor, 'threads-5-refused')
  })

  it('7. a link to a thread opens the document at it, even a resolved one the filters would hide', async () => {
    const threadId = await apprentice
      .getByTestId('thread-item')
      .filter({ hasText: note })
      .getAttribute('data-thread-id')
    const documentId = /#\/documents\/([^/]+)/.exec(apprentice.url())![1]
    const colleague = await logIn(browser, server.url, 'teacher2')
    await colleague.goto(`${server.url}/#/documents/${documentId}/threads/${threadId}`)
    const item = colleague.getByTestId('thread-item').filter({ hasText: note })
    await expect.poll(() => item.getAttribute('aria-current'), eventually).toBe('true')
    expect(await colleague.getByTestId('thread-item').count()).toBe(1)
    // Its words are drawn while it is selected, though it is resolved.
    await expect.poll(() => highlightTexts(colleague), eventually).toEqual([annotated])
    await colleague.context().close()
  })
})

interface YDocLike {
  getMap(name: string): {
    values(): Iterable<{
      get(key: string): { toArray(): { get(key: string): { insert(index: number, text: string): void } }[] }
    }>
  }
}

/** The text of each highlighted passage, in document order. */
function highlightTexts(page: Page): Promise<string[]> {
  return page.getByTestId('thread-highlight').allTextContents()
}
