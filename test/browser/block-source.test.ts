/**
 * [LIBRARY-11] A block copied from one plan into another keeps its 来源, in Debian's chromium against
 * the real server: 李老师 copies a line of plan 甲 with Ctrl+C (the editor's own copy handler fills the
 * clipboard), pastes it into plan 乙 (a paste event carrying that clipboard), sees 「来源：…《甲》…」 above
 * it, 张老师 sees it live, 李老师 types into the line with a 拼音 input method and the source stays;
 * the source opens plan 甲. A line copied within 乙 carries no source. A line copied from the read-only
 * page of a 定稿 keeps that version as its source, which opens the version's page; one copied from 张老师's
 * reflection on the lesson page keeps the reflection, which opens it. Screenshots go to
 * test-results/browser/block-source-*.
 */
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { documentUpdateOf } from '../../server/template/new-lesson-plan.ts'
import { apiClientFor } from '../helpers/api-client.ts'
import { demoGroupId, userId } from '../helpers/lesson-fixtures.ts'
import { finishedPlan } from '../helpers/library-fixtures.ts'
import type { TestServer } from '../helpers/test-server.ts'
import { browserSuitesEnabled } from './helpers/chromium.ts'
import { ImeComposer } from './helpers/ime.ts'
import { createDraftInDemoGroup, pasteHtml, writeSection } from './helpers/lesson-structure.ts'
import { startServedApp, stopServedApp } from './helpers/served-app.ts'
import { skipStepsAfterAFailure } from './helpers/story-steps.ts'
import { blockWith, clickAtEdge, eventually, logIn, screenshot, selectionSettled } from './helpers/teacher-page.ts'

const enabled = browserSuitesEnabled()
const copiedLine = '找出实际问题中的相等关系，列出方程'
const ownLine = '先独立思考，再小组讨论'
const sourceLabel = /^来源：七年级数学备课组《3\.1\.1 一元一次方程 甲》导学案/
/** A line of the demo's sample 导学案, which the 定稿 below holds. */
const finishedLine = '小组讨论：列方程的关键是什么？你们组是怎样找相等关系的？'
const versionLabel = /^来源：2025 秋 七年级数学备课组《3\.1\.1 一元一次方程 丙》定稿 v1，张老师/
const reflectionLine = '学生列方程时常把相等关系找反，下次先让他们说清等量。'
const reflectionLabel = /^来源：2025 秋 七年级数学备课组《3\.1\.1 一元一次方程 丙》课后反思，张老师/

describe.runIf(enabled)('browser: the 来源 of a copied block', { timeout: 60_000 }, () => {
  let server: TestServer
  let browser: Browser
  let teacher1: Page
  let teacher2: Page
  let planA = ''
  let planB = ''
  let finishedVersion = ''
  let finishedLesson = ''
  let reflection = ''
  let clipboard = ''

  beforeAll(async () => {
    ;({ server, browser } = await startServedApp())
    planA = await createDraftInDemoGroup(server, '3.1.1 一元一次方程 甲', { subject: '数学' })
    planB = await createDraftInDemoGroup(server, '3.1.1 一元一次方程 乙', { subject: '数学' })
    const { lesson, version } = await finishedPlan(server, {
      groupId: await demoGroupId(await apiClientFor(server.url, 'leader')),
      title: '3.1.1 一元一次方程 丙',
      scheduledDate: '2025-11-20',
      semester: '2025-2026学年第一学期',
      leadPreparerId: await userId(server, 'teacher2'),
    })
    finishedVersion = version.id
    finishedLesson = lesson.id
    reflection = (
      await server.store.adaptations.createLessonDocument(
        {
          lessonId: lesson.id,
          schoolId: lesson.schoolId,
          groupId: lesson.groupId,
          kind: 'reflection',
          title: `${lesson.title}（张老师的课后反思）`,
          createdBy: lesson.leadPreparerId,
          initialState: documentUpdateOf({
            type: 'doc',
            content: [{ type: 'paragraph', content: [{ type: 'text', text: reflectionLine }] }],
          }),
        },
        null,
      )
    ).id
    ;[teacher1, teacher2] = await Promise.all([
      logIn(browser, server.url, 'teacher1'),
      logIn(browser, server.url, 'teacher2'),
    ])
  }, 120_000)

  afterAll(() => stopServedApp({ server, browser }))

  skipStepsAfterAFailure()

  const sources = (page: Page) => page.getByTestId('editor').getByTestId('block-source')

  /** Keeps the HTML the next copy puts on the clipboard, for `copiedHtml`. */
  async function captureNextCopy(page: Page): Promise<void> {
    await page.evaluate(() => {
      document.addEventListener(
        'copy',
        (event) => {
          ;(window as unknown as { copied: string }).copied = event.clipboardData?.getData('text/html') ?? ''
        },
        { once: true },
      )
    })
  }

  /** Selects the whole line as Home, Shift+End would, then copies it with Ctrl+C; returns the clipboard's HTML. */
  async function copyLine(page: Page, text: string): Promise<string> {
    await captureNextCopy(page)
    await clickAtEdge(blockWith(page, text), 'start')
    await page.keyboard.press('Home')
    await page.keyboard.press('Shift+End')
    await selectionSettled(page)
    await page.keyboard.press('Control+C')
    return page.evaluate(() => (window as unknown as { copied: string }).copied)
  }

  /** Selects a line of a read-only page from first to last character, as a drag does; copies it with Ctrl+C. */
  async function copyReadOnlyLine(page: Page, body: Locator, text: string): Promise<string> {
    await captureNextCopy(page)
    await body.locator('p', { hasText: text }).evaluate((line) => {
      const texts = document.createTreeWalker(line, NodeFilter.SHOW_TEXT)
      const first = texts.nextNode()!
      let last = first
      for (let next = texts.nextNode(); next; next = texts.nextNode()) last = next
      window.getSelection()!.setBaseAndExtent(first, 0, last, last.textContent!.length)
    })
    await page.keyboard.press('Control+C')
    return page.evaluate(() => (window as unknown as { copied: string }).copied)
  }

  it('1. Ctrl+C in plan 甲 puts the plan into the clipboard as the line’s source', async () => {
    await teacher1.goto(`${server.url}/#/documents/${planA}`)
    await teacher1.getByTestId('editor').waitFor()
    await writeSection(teacher1, 'inquiry', [copiedLine])
    clipboard = await copyLine(teacher1, copiedLine)
    expect(clipboard).toContain(`data-block-source="document:${planA}"`)
    expect(clipboard).toContain(copiedLine)
    // Copying marks nothing in plan 甲 itself.
    expect(await sources(teacher1).count()).toBe(0)
  })

  it('2. pasted into plan 乙, the line shows its 来源, for 张老师 too', async () => {
    await Promise.all(
      [teacher1, teacher2].map(async (page) => {
        await page.goto(`${server.url}/#/documents/${planB}`)
        await page.getByTestId('editor').waitFor()
      }),
    )
    await writeSection(teacher1, 'inquiry', [ownLine])
    await clickAtEdge(blockWith(teacher1, ownLine), 'end')
    await selectionSettled(teacher1)
    await pasteHtml(teacher1, clipboard)
    for (const page of [teacher1, teacher2]) {
      await expect.poll(() => sources(page).allTextContents(), eventually).toEqual([expect.stringMatching(sourceLabel)])
      await expect.poll(() => blockWith(page, copiedLine).count(), eventually).toBe(1)
    }
    // The copied line arrived as a line of its own, not merged into 李老师's.
    expect(await blockWith(teacher2, ownLine).textContent()).toBe(ownLine)
    await screenshot(teacher2, 'block-source-pasted')
  })

  it('3. typing into the copied line keeps its source, in both editors', async () => {
    await clickAtEdge(blockWith(teacher1, copiedLine), 'end')
    await selectionSettled(teacher1)
    const ime = await ImeComposer.of(teacher1)
    await ime.compose('bing')
    await ime.commit('并检验')
    for (const page of [teacher1, teacher2]) {
      await expect.poll(() => blockWith(page, `${copiedLine}并检验`).count(), eventually).toBe(1)
      await expect.poll(() => sources(page).allTextContents(), eventually).toEqual([expect.stringMatching(sourceLabel)])
    }
  })

  it('4. a line copied within plan 乙 carries no source', async () => {
    const own = await copyLine(teacher1, ownLine)
    expect(own).toContain(`data-block-source="document:${planB}"`)
    await clickAtEdge(blockWith(teacher1, `${copiedLine}并检验`), 'end')
    await selectionSettled(teacher1)
    await pasteHtml(teacher1, own)
    await expect.poll(() => blockWith(teacher2, ownLine).count(), eventually).toBe(1)
    await expect
      .poll(() => teacher2.getByTestId('editor').locator('p', { hasText: ownLine }).count(), eventually)
      .toBe(2)
    expect(await sources(teacher2).count()).toBe(1)
  })

  it('5. the 来源 opens plan 甲', async () => {
    await sources(teacher2).click()
    await expect.poll(() => teacher2.url(), eventually).toContain(`#/documents/${planA}`)
    await expect.poll(() => blockWith(teacher2, copiedLine).count(), eventually).toBe(1)
  })
  it('6. Ctrl+C on a 定稿’s read-only page puts the version into the clipboard as the line’s source', async () => {
    await teacher1.goto(`${server.url}/#/versions/${finishedVersion}`)
    const body = teacher1.getByTestId('read-only-content')
    await body.waitFor()
    clipboard = await copyReadOnlyLine(teacher1, body, finishedLine)
    expect(clipboard).toContain(`data-block-source="version:${finishedVersion}"`)
    expect(clipboard).toContain(finishedLine)
  })

  it('7. pasted into plan 乙, the line shows the 定稿 as its 来源, which opens the version', async () => {
    await Promise.all(
      [teacher1, teacher2].map(async (page) => {
        await page.goto(`${server.url}/#/documents/${planB}`)
        await page.getByTestId('editor').waitFor()
      }),
    )
    await clickAtEdge(blockWith(teacher1, `${copiedLine}并检验`), 'end')
    await selectionSettled(teacher1)
    await pasteHtml(teacher1, clipboard)
    const fromVersion = sources(teacher2).filter({ hasText: versionLabel })
    await expect.poll(() => fromVersion.count(), eventually).toBe(1)
    // A line of its own, not merged into the line the caret was on.
    await expect.poll(() => blockWith(teacher2, finishedLine).textContent(), eventually).toBe(finishedLine)
    await screenshot(teacher2, 'block-source-from-version')
    await fromVersion.click()
    await expect.poll(() => teacher2.url(), eventually).toContain(`#/versions/${finishedVersion}`)
  })

  it('8. a line copied from 张老师’s reflection on the lesson page names it as its 来源, which opens it', async () => {
    await teacher1.goto(`${server.url}/#/lessons/${finishedLesson}`)
    const body = teacher1
      .getByTestId('reflection')
      .and(teacher1.locator('[data-teacher="张老师"]'))
      .getByTestId('read-only-content')
    await body.waitFor()
    const copied = await copyReadOnlyLine(teacher1, body, reflectionLine)
    expect(copied).toContain(`data-block-source="document:${reflection}"`)
    await teacher1.goto(`${server.url}/#/documents/${planB}`)
    await teacher1.getByTestId('editor').waitFor()
    await clickAtEdge(blockWith(teacher1, finishedLine), 'end')
    await selectionSettled(teacher1)
    await pasteHtml(teacher1, copied)
    const fromReflection = sources(teacher1).filter({ hasText: reflectionLabel })
    await expect.poll(() => fromReflection.count(), eventually).toBe(1)
    await expect.poll(() => blockWith(teacher1, reflectionLine).textContent(), eventually).toBe(reflectionLine)
    await fromReflection.click()
    await expect.poll(() => teacher1.url(), eventually).toContain(`#/documents/${reflection}`)
    await expect.poll(() => blockWith(teacher1, reflectionLine).count(), eventually).toBe(1)
  })
})
