/**
 * The whole 集体备课 loop in Debian's chromium against the real server (port 0, SQLite, the demo school
 * without its 备课计划), every step through the pages as the teachers would take it, each in their own
 * browser: the leader plans a lesson, the 主备人 drafts it from the template, the leader finalizes it,
 * a teacher adapts it, the plan is revised and finalized again, the teacher pulls the new version in
 * and keeps the personal edits, writes a reflection, and the group page counts it all. Along the way a
 * refused move is explained on the page, and the same move through the API is a 403 that changes
 * nothing. Screenshots go to test-results/browser/lesson-loop-*.
 *
 * The steps share one lesson and run in order; each `it` is one step of the story.
 */
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestServer } from '../helpers/test-server.ts'
import { browserSuitesEnabled } from './helpers/chromium.ts'
import { headerText, sectionBlocks, writeSection } from './helpers/lesson-structure.ts'
import { startServedApp, stopServedApp } from './helpers/served-app.ts'
import { skipStepsAfterAFailure } from './helpers/story-steps.ts'
import {
  blockWith,
  clickAtEdge,
  eventually,
  expectAccess,
  expectSaveStatus,
  logIn,
  screenshot,
  selectionSettled,
} from './helpers/teacher-page.ts'

const enabled = browserSuitesEnabled()

const title = '3.3 解一元一次方程（二）——去括号'
const goal = '会用移项解一元一次方程。'
const keyPoint = '重点：理解移项的依据，会移项。'
const difficulty = '难点：移项时要变号。'
const inquiry = '探究：把 3x + 2 = 8 中的 2 移到等号右边。'
const exercise = '练习：解方程 5x - 3 = 2x + 6。'
/** 张老师's 个人加减: a line added under 合作探究, and the end of the key point cut. */
const zhangAddition = '（张老师）先让学生用天平演示移项。'
const zhangKeyPoint = '重点：理解移项的依据'
/** 王老师's revision for 定稿 v2: 当堂检测 gets a time limit, and the key point (which 张老师 cut) a remark. */
const timeLimit = '（限时3分钟）'
const leaderRemark = '（组长：补充去括号的情形）'
const reflectionText = '学生用天平理解了移项，但去括号时符号仍常出错。'

// A step is several pages and editors; on a busy machine one can take longer than the default 30 s.
describe.runIf(enabled)('browser: the 集体备课 loop of one lesson', { timeout: 60_000 }, () => {
  let server: TestServer
  let browser: Browser
  let leader: Page
  let teacher1: Page
  let teacher2: Page
  let lessonId = ''

  beforeAll(async () => {
    ;({ server, browser } = await startServedApp({ demoPlan: false }))
    ;[leader, teacher1, teacher2] = await Promise.all([
      logIn(browser, server.url, 'leader'),
      logIn(browser, server.url, 'teacher1'),
      logIn(browser, server.url, 'teacher2'),
    ])
    // 定稿 asks for a confirmation first.
    leader.on('dialog', (dialog) => void dialog.accept())
  })

  afterAll(() => stopServedApp({ server, browser }))

  skipStepsAfterAFailure()

  it('1. the leader adds the lesson to the 备课计划 with 李老师 as 主备人', async () => {
    await leader.getByTestId('plan-link').click()
    await leader.getByTestId('plan-add').click()
    await leader.getByTestId('plan-title').fill(title)
    await leader.getByTestId('plan-place').fill('数学教研室')
    await leader.getByTestId('plan-lead-preparer').selectOption({ label: '李老师' })
    await leader.getByTestId('plan-submit').click()
    const row = leader.getByTestId('plan-row').filter({ hasText: title })
    await row.waitFor()
    expect(await row.getByTestId('plan-lead-preparer-name').textContent()).toBe('李老师')
    expect(await row.getByTestId('stage-badge').getAttribute('data-stage')).toBe('draft')
    lessonId = (await row.getAttribute('data-lesson-id'))!
    await screenshot(leader, 'lesson-loop-1-plan')
  })

  it('2. 李老师 finds it in 我的任务 and drafts the shared 导学案 made from the template', async () => {
    await teacher1.getByTestId('assignments-link').click()
    const assignment = teacher1.getByTestId('assignment').filter({ hasText: title })
    expect(await assignment.getByTestId('stage-badge').textContent()).toBe('主备')
    await assignment.getByTestId('assignment-document').click()
    await expectAccess(teacher1, 'edit')
    expect(await headerText(teacher1, 'topic')).toBe(title)
    expect(await headerText(teacher1, 'leadPreparer')).toBe('李老师')
    await writeSection(teacher1, 'objectives', [goal])
    await writeSection(teacher1, 'keyPoints', [keyPoint, difficulty])
    await writeSection(teacher1, 'inquiry', [inquiry])
    await writeSection(teacher1, 'classCheck', [exercise])
    await expectSaveStatus(teacher1, '已保存')
    await screenshot(teacher1, 'lesson-loop-2-draft', { fullPage: true })
  })

  it('3. 李老师 submits it for 研讨, 刘老师 may not finalize it, the leader finalizes 定稿 v1, and the 导学案 is read-only for everyone', async () => {
    // 李老师 keeps the 导学案 open in one tab and moves the lesson on in another.
    const teacher1Lesson = await teacher1.context().newPage()
    await teacher1Lesson.goto(server.url)
    await teacher1Lesson.getByTestId('assignments-link').click()
    await teacher1Lesson.getByTestId('assignment-link').filter({ hasText: title }).click()
    await moveTo(teacher1Lesson, 'review')
    await expectAccess(teacher1, 'edit')

    // 刘老师 is in the group but neither leads it nor prepares this lesson: the page says why not.
    const teacher3 = await logIn(browser, server.url, 'teacher3')
    await openLessonFromPlan(teacher3)
    const finalize = teacher3.getByTestId('stage-move').and(teacher3.locator('[data-to="finalized"]'))
    expect(await finalize.isDisabled()).toBe(true)
    expect(await finalize.getAttribute('title')).toBe('只有备课组长可以定稿')
    expect(await teacher3.getByTestId('stage-move-reason').allTextContents()).toContain('只有备课组长可以定稿')
    await screenshot(teacher3, 'lesson-loop-3-refused-teacher3')
    // The server refuses the same move with the same reason, and nothing changes.
    const refused = await apiAs(teacher3, 'POST', `/api/lessons/${lessonId}/stage`, { to: 'finalized' })
    expect(refused).toEqual({ status: 403, body: { error: { code: 'forbidden', message: '只有备课组长可以定稿' } } })
    expect(await stageOf(teacher3, lessonId)).toBe('review')
    expect(await apiAs(teacher3, 'GET', `/api/lessons/${lessonId}/versions`)).toEqual({ status: 200, body: [] })
    await teacher3.context().close()

    await openLessonFromPlan(leader)
    await moveTo(leader, 'finalized')
    await expect.poll(() => versionNames(leader), eventually).toEqual(['定稿 v1'])
    // The open editor follows the stage at once: 李老师 can no longer type.
    await expectAccess(teacher1, 'comment')
    expect(await teacher1.getByTestId('editor').getAttribute('contenteditable')).toBe('false')
    await screenshot(teacher1, 'lesson-loop-3-finalized-teacher1')
    // 李老师's other tab, open on the lesson page, follows the 定稿 by itself (CLIENT-12): it no longer
    // offers the moves of 研讨.
    await expect
      .poll(() => teacher1Lesson.getByTestId('lesson-page').getAttribute('data-stage'), eventually)
      .toBe('finalized')
    expect(await teacher1Lesson.locator('[data-testid="stage-move"][data-to="finalized"]').count()).toBe(0)
    await screenshot(teacher1Lesson, 'lesson-loop-3-other-tab-follows')
    await teacher1Lesson.close()

    for (const page of [leader, teacher2]) {
      await openLessonFromPlan(page)
      await page.getByTestId('open-shared-plan').click()
      await expectAccess(page, 'comment')
      expect(await page.getByTestId('editor').getAttribute('contenteditable')).toBe('false')
    }
    expect(await sectionBlocks(teacher2, 'keyPoints')).toEqual([keyPoint, difficulty])
  })

  it('4. 张老师 starts a 二次备课 from 定稿 v1 and makes personal edits', async () => {
    await teacher2.getByTestId('back-to-lesson').click()
    await teacher2.getByTestId('start-adaptation').click()
    await expectAccess(teacher2, 'edit')
    await teacher2.getByTestId('adaptation-bar').waitFor()
    expect(await sectionBlocks(teacher2, 'inquiry')).toEqual([inquiry])
    await clickInto(teacher2, blockWith(teacher2, inquiry), 'end')
    await teacher2.keyboard.press('Enter')
    await teacher2.keyboard.type(zhangAddition)
    await clickInto(teacher2, blockWith(teacher2, keyPoint), 'end')
    for (let i = keyPoint.length - zhangKeyPoint.length; i > 0; i -= 1) await teacher2.keyboard.press('Backspace')
    expect(await sectionBlocks(teacher2, 'inquiry')).toEqual([inquiry, zhangAddition])
    expect(await sectionBlocks(teacher2, 'keyPoints')).toEqual([zhangKeyPoint, difficulty])
    await expectSaveStatus(teacher2, '已保存')
    // The bar above the editor keeps the count in sight as she types.
    await expect
      .poll(() => teacher2.getByTestId('adaptation-bar-count').textContent(), eventually)
      .toBe('个人加减 2 处')
    await screenshot(teacher2, 'lesson-loop-4-adaptation-editor', { fullPage: true })

    await teacher2.getByTestId('adaptation-bar-count').click()
    await teacher2.getByTestId('adaptation-page').waitFor()
    expect(await teacher2.getByTestId('adaptation-change-count').textContent()).toBe('个人加减 2 处')
    expect(await changedBlocks(teacher2)).toEqual([
      ['changed', zhangKeyPoint],
      ['added', zhangAddition],
    ])
    await screenshot(teacher2, 'lesson-loop-4-adaptation-changes', { fullPage: true })
  })

  it('5. the leader reopens the plan, revises it and finalizes 定稿 v2', async () => {
    await leader.getByTestId('back-to-lesson').click()
    await moveTo(leader, 'review')
    await leader.getByTestId('open-shared-plan').click()
    await expectAccess(leader, 'edit')
    await clickInto(leader, blockWith(leader, exercise), 'end')
    await leader.keyboard.type(timeLimit)
    await clickInto(leader, blockWith(leader, keyPoint), 'end')
    await leader.keyboard.type(leaderRemark)
    expect(await sectionBlocks(leader, 'keyPoints')).toEqual([keyPoint + leaderRemark, difficulty])
    await expectSaveStatus(leader, '已保存')
    await screenshot(leader, 'lesson-loop-5-revision', { fullPage: true })
    await leader.getByTestId('back-to-lesson').click()
    await moveTo(leader, 'finalized')
    await expect.poll(() => versionNames(leader), eventually).toEqual(['定稿 v1', '定稿 v2'])
    await screenshot(leader, 'lesson-loop-5-finalized-v2', { fullPage: true })

    // The two versions compared: exactly the two revised passages.
    for (const row of await leader.getByTestId('version-row').all()) await row.locator('input[type="checkbox"]').check()
    await leader.getByTestId('compare-versions').click()
    await leader.getByTestId('version-compare-page').waitFor()
    expect(await leader.getByTestId('compare-count').textContent()).toBe('2 处改动')
    expect(await changedBlocks(leader)).toEqual([
      ['changed', keyPoint + leaderRemark],
      ['changed', exercise + timeLimit],
    ])
    await screenshot(leader, 'lesson-loop-5-compare')
  })

  it('6. [ADAPT-3] 张老师 pulls 定稿 v2 in: the revision arrives, the personal edits stay, the passage both changed stays hers until she decides', async () => {
    // She has her 二次备课 open in the editor in a second tab: what the server changes arrives there live.
    await teacher2.reload()
    const editorTab = await teacher2.context().newPage()
    await editorTab.goto(`${server.url}/${await teacher2.getByTestId('edit-adaptation').getAttribute('href')}`)
    await expectAccess(editorTab, 'edit')
    expect(await editorTab.getByTestId('adaptation-bar-newer').textContent()).toContain('定稿 v2')

    const pull = teacher2.getByTestId('pull-version')
    expect(await pull.textContent()).toBe('更新到定稿 v2（保留我的修改）')
    await pull.click()
    const conflict = teacher2.getByTestId('conflict')
    await conflict.waitFor()
    expect(await conflict.count()).toBe(1)
    expect(await conflict.getAttribute('data-status')).toBe('open')
    expect(await conflict.textContent()).toContain('重点难点')
    expect(await conflict.textContent()).toContain(zhangKeyPoint)
    expect(await conflict.textContent()).toContain(keyPoint + leaderRemark)
    expect(await teacher2.getByTestId('pull-version').count()).toBe(0)
    expect(await teacher2.getByTestId('adaptation-change-count').textContent()).toMatch(/^个人加减 [1-9]\d* 处$/)
    await screenshot(teacher2, 'lesson-loop-6-pulled', { fullPage: true })

    await expect.poll(() => sectionBlocks(editorTab, 'classCheck'), eventually).toEqual([exercise + timeLimit])
    expect(await sectionBlocks(editorTab, 'inquiry')).toEqual([inquiry, zhangAddition])
    expect(await sectionBlocks(editorTab, 'objectives')).toEqual([goal])
    // Both changed the key point: hers stays in her text as she wrote it, the leader's waits beside it.
    expect(await sectionBlocks(editorTab, 'keyPoints')).toEqual([zhangKeyPoint, difficulty])
    expect(await conflict.getByTestId('conflict-mine').locator('mark').allTextContents()).toEqual([])
    expect(await conflict.getByTestId('conflict-shared').locator('mark').allTextContents()).toEqual([
      '，会移项。' + leaderRemark,
    ])
    await screenshot(editorTab, 'lesson-loop-6-pulled-editor', { fullPage: true })

    await teacher2.getByTestId('keep-mine').click()
    await expect.poll(() => conflict.getAttribute('data-status'), eventually).toBe('mine')
    expect(await conflict.textContent()).toContain('已保留我的')
    expect(await teacher2.getByTestId('adaptation-change-count').textContent()).toBe('个人加减 2 处')
    expect(await changedBlocks(teacher2)).toEqual([
      ['changed', zhangKeyPoint],
      ['added', zhangAddition],
    ])
    await screenshot(teacher2, 'lesson-loop-6-kept-mine', { fullPage: true })
    await expect.poll(() => sectionBlocks(editorTab, 'keyPoints'), eventually).toEqual([zhangKeyPoint, difficulty])
    expect(await sectionBlocks(editorTab, 'classCheck')).toEqual([exercise + timeLimit])
    await editorTab.close()
  })

  it('7. the lesson moves on to 二次备课, 张老师 writes her reflection, and it shows on the lesson page', async () => {
    // Before class there is nothing to reflect on yet, and the page says so.
    await teacher2.getByTestId('back-to-lesson').click()
    const write = teacher2.getByTestId('write-reflection')
    expect(await write.isDisabled()).toBe(true)
    expect(await teacher2.getByTestId('reflect-refusal').textContent()).toBe('进入二次备课或课后反思阶段后才能写反思')

    await openLessonFromPlan(leader)
    await moveTo(leader, 'adapting')
    await teacher2.reload()
    await write.click()
    await expectAccess(teacher2, 'edit')
    await clickInto(teacher2, teacher2.getByTestId('editor').locator('h3:has-text("成功之处") + p'), 'start')
    await teacher2.keyboard.type(reflectionText)
    await expectSaveStatus(teacher2, '已保存')
    await teacher2.getByTestId('back-to-lesson').click()
    const own = teacher2.getByTestId('reflection').and(teacher2.locator('[data-teacher="张老师"]'))
    await expect.poll(() => own.textContent(), eventually).toContain(reflectionText)
    // It points at the line she added to her 二次备课.
    await teacher2.getByTestId('pick-passage').click()
    await teacher2.getByTestId('passage').filter({ hasText: zhangAddition }).click()
    await expect
      .poll(() => own.getByTestId('reflection-quote').textContent(), eventually)
      .toBe(`${zhangAddition}引自「合作探究」`)
    await screenshot(teacher2, 'lesson-loop-7-reflection', { fullPage: true })

    // 多人一课多反思: the group reads it on the lesson page too.
    await leader.reload()
    const seen = leader.getByTestId('reflection').and(leader.locator('[data-teacher="张老师"]'))
    await expect.poll(() => seen.textContent(), eventually).toContain(reflectionText)
    expect(await seen.getByTestId('reflection-quote').textContent()).toBe(`${zhangAddition}引自「合作探究」`)
    // Every move is on record, with who made it.
    const moves = await leader
      .getByTestId('stage-event')
      .evaluateAll((events) =>
        events.map((event) => [...event.querySelectorAll('span')].map((span) => span.textContent).join(' ')),
      )
    expect(moves).toEqual([
      '李老师 主备 → 研讨',
      '王老师 研讨 → 定稿',
      '王老师 定稿 → 研讨',
      '王老师 研讨 → 定稿',
      '王老师 定稿 → 二次备课',
    ])
  })

  it('8. the group page counts 李老师’s 主备 and 张老师’s 二次备课 and 反思', async () => {
    await leader.getByTestId('overview-link').click()
    await leader.getByTestId('group-overview').waitFor()
    const counts = async (teacher: string) => {
      const row = leader.getByTestId('teacher-row').and(leader.locator(`[data-teacher="${teacher}"]`))
      const cells = await row
        .locator('[data-column]')
        .evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-column') ?? '', td.textContent] as const))
      return Object.fromEntries(cells)
    }
    expect(await counts('李老师')).toMatchObject({ leadPrepared: '1', adaptations: '0', reflections: '0' })
    expect(await counts('张老师')).toMatchObject({
      leadPrepared: '0',
      adaptations: '1',
      adaptationChanges: '2',
      reflections: '1',
    })
    expect(
      await leader.getByTestId('stage-count').and(leader.locator('[data-stage="adapting"]')).getAttribute('data-count'),
    ).toBe('1')
    await screenshot(leader, 'lesson-loop-8-group-page', { fullPage: true })
  })

  it('9. [CHECK-6] a count on the group page opens the documents it counts: 张老师’s 二次备课, opened from there', async () => {
    const rowOf = (teacher: string) =>
      leader.getByTestId('teacher-row').and(leader.locator(`[data-teacher="${teacher}"]`))
    /** Clicks a count and returns the list it opens under the row, with each item's text. */
    const open = async (teacher: string, column: string) => {
      await rowOf(teacher).locator(`[data-column="${column}"]`).getByTestId('count-button').click()
      const list = leader.getByTestId('teacher-work').and(leader.locator(`[data-column="${column}"]`))
      await list.waitFor()
      return { list, items: await list.getByTestId('work-item').allTextContents() }
    }
    const leadPrepared = await open('李老师', 'leadPrepared')
    expect(await leadPrepared.list.getByRole('heading').textContent()).toBe('李老师主备的课（1）')
    expect(leadPrepared.items).toEqual([expect.stringContaining(title)])
    // One list at a time: the next count replaces it.
    const reflections = await open('张老师', 'reflections')
    expect(await leader.getByTestId('teacher-work').count()).toBe(1)
    expect(reflections.items).toEqual([expect.stringContaining(title)])
    const adaptations = await open('张老师', 'adaptations')
    expect(await adaptations.list.getByRole('heading').textContent()).toBe('张老师的二次备课（1）')
    expect(adaptations.items).toEqual([expect.stringMatching(new RegExp(`${escaped(title)}.*打开二次备课.*2 处`))])
    await screenshot(leader, 'lesson-loop-9-group-page-drill-down', { fullPage: true })

    await adaptations.list.getByTestId('work-open').click()
    await leader.getByTestId('adaptation-page').waitFor()
    expect(await leader.getByTestId('adaptation-change-count').textContent()).toBe('个人加减 2 处')
    expect(await changedBlocks(leader)).toEqual([
      ['changed', zhangKeyPoint],
      ['added', zhangAddition],
    ])
  })

  async function openLessonFromPlan(page: Page): Promise<void> {
    await page.getByTestId('plan-link').click()
    await page.getByTestId('lesson-link').filter({ hasText: title }).click()
    await page.getByTestId('lesson-page').waitFor()
  }
})

async function clickInto(page: Page, block: Locator, edge: 'start' | 'end'): Promise<void> {
  await clickAtEdge(block, edge)
  await selectionSettled(page)
}

/** Clicks the stage button on the lesson page and waits for the page to show the new stage. */
function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

async function moveTo(page: Page, stage: string): Promise<void> {
  await page
    .getByTestId('stage-move')
    .and(page.locator(`[data-to="${stage}"]`))
    .click()
  await expect.poll(() => page.getByTestId('lesson-page').getAttribute('data-stage'), eventually).toBe(stage)
  await screenshot(page, `lesson-loop-stage-${stage}`)
}

function versionNames(page: Page): Promise<string[]> {
  return page.getByTestId('version-row').locator('strong').allTextContents()
}

/** What the 个人加减 list marks: `[change, text now]` of each changed passage, in order. */
function changedBlocks(page: Page): Promise<string[][]> {
  return page.getByTestId('diff-block').evaluateAll((blocks) =>
    blocks
      .filter((block) => block.getAttribute('data-change') !== 'same')
      .map((block) => {
        // The text as it reads now: without what was deleted.
        const text = block.querySelector('.diff-text')!.cloneNode(true) as Element
        for (const deleted of text.querySelectorAll('del')) deleted.remove()
        return [block.getAttribute('data-change') ?? '', text.textContent ?? '']
      }),
  )
}

/** A request from the page's own session (its cookie), as a script in the page would send it. */
function apiAs(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      return { status: response.status, body: (await response.json()) as unknown }
    },
    { method, path, body },
  )
}

async function stageOf(page: Page, lessonId: string): Promise<string> {
  const { body } = await apiAs(page, 'GET', `/api/lessons/${encodeURIComponent(lessonId)}`)
  return (body as { lesson: { stage: string } }).lesson.stage
}
