/**
 * The 资源库 in Debian's chromium against the real server (port 0, SQLite, the demo school): 李老师
 * browses the library by 学科 → 年级 → 单元 → 课题, opens last year's 定稿 by 张老师, starts this year's
 * 初稿 from it (以此为底稿), and sees its 来源 on the lesson and in the editor's content; 张老师 sees
 * 被引用 on last year's lesson. Screenshots go to test-results/browser/library-*.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LessonRecord } from '../../server/store/lesson-records.ts'
import { apiClientFor } from '../helpers/api-client.ts'
import { addLesson, demoGroupId, planInput, userId } from '../helpers/lesson-fixtures.ts'
import { finishedPlan } from '../helpers/library-fixtures.ts'
import type { TestServer } from '../helpers/test-server.ts'
import { browserSuitesEnabled } from './helpers/chromium.ts'
import { startServedApp, stopServedApp } from './helpers/served-app.ts'
import { skipStepsAfterAFailure } from './helpers/story-steps.ts'
import { eventually, logIn, screenshot } from './helpers/teacher-page.ts'

const enabled = browserSuitesEnabled()
const title = '3.1.1 一元一次方程'
const label = '来源：2025 秋 七年级数学备课组 定稿 v2，张老师'
const unit = '第三章 一元一次方程'

describe.runIf(enabled)('browser: the 资源库 and 以此为底稿', { timeout: 60_000 }, () => {
  let server: TestServer
  let browser: Browser
  let teacher1: Page
  let teacher2: Page
  let lastYear: LessonRecord
  let draftId = ''
  let functionDraftId = ''

  beforeAll(async () => {
    ;({ server, browser } = await startServedApp())
    const leader = await apiClientFor(server.url, 'leader')
    const groupId = await demoGroupId(leader)
    ;({ lesson: lastYear } = await finishedPlan(server, {
      groupId,
      title,
      unit,
      scheduledDate: '2025-11-20',
      semester: '2025-2026学年第一学期',
      leadPreparerId: await userId(server, 'teacher2'),
      versions: 2,
    }))
    draftId = (await addLesson(leader, groupId, planInput(await userId(server, 'teacher1'), { title }))).id
    // Another group's plan of another year, for the picker on the draft's side.
    const admin = (await server.store.accounts.findUserByUsername('admin'))!
    const grade8 = await server.store.groups.createGroup(admin.schoolId, '八年级数学备课组')
    await finishedPlan(server, {
      groupId: grade8.id,
      title: '19.2.2 一次函数',
      scheduledDate: '2025-04-10',
      semester: '2024-2025学年第二学期',
      leadPreparerId: await userId(server, 'teacher2'),
    })
    functionDraftId = (
      await addLesson(leader, groupId, planInput(await userId(server, 'teacher1'), { title: '一次函数的图像' }))
    ).id
    ;[teacher1, teacher2] = await Promise.all([
      logIn(browser, server.url, 'teacher1'),
      logIn(browser, server.url, 'teacher2'),
    ])
  }, 120_000)

  afterAll(() => stopServedApp({ server, browser }))

  skipStepsAfterAFailure()

  it('1. 李老师 finds last year’s plan in the library by 学科, 年级 and 课题', async () => {
    await teacher1.getByTestId('library-link').click()
    await teacher1.getByTestId('library-page').waitFor()
    await teacher1.getByTestId('library-subject').selectOption('数学')
    await teacher1.getByTestId('library-grade').selectOption('七年级')
    await teacher1.getByTestId('library-topic-filter').fill('一元一次')
    const topic = teacher1.getByTestId('library-topic').filter({ hasText: title })
    await expect.poll(() => topic.count(), eventually).toBe(1)
    // [LIBRARY-12] filed under its 单元
    expect(
      await teacher1.getByTestId('library-unit').filter({ has: topic }).getByTestId('library-unit-name').textContent(),
    ).toBe(unit)
    // Lessons not yet finalized (the demo's own 3.1.1, in 研讨) are not in the library.
    await expect.poll(() => teacher1.getByTestId('library-plan').count(), eventually).toBe(1)
    await screenshot(teacher1, 'library-browse')
    await topic.getByTestId('library-plan-link').filter({ hasText: '2025 秋 七年级数学备课组 定稿 v2' }).click()
    await teacher1.getByTestId('version-page').waitFor()
    expect(await teacher1.getByTestId('version-page').textContent()).toContain('找出实际问题中的相等关系')
  })

  it('2. 以此为底稿 starts this year’s 初稿 from it, which shows its 来源', async () => {
    await teacher1.getByTestId('start-from').click()
    await teacher1.locator(`[data-testid="start-from-lesson"][data-lesson-id="${draftId}"]`).click()
    await teacher1.waitForURL((url) => url.hash === `#/lessons/${draftId}`)
    const source = teacher1.getByTestId('lineage-source')
    await source.waitFor()
    expect(await source.getByTestId('lineage-source-link').textContent()).toBe(label)
    await screenshot(teacher1, 'library-source')

    await teacher1.getByTestId('open-shared-plan').click()
    await teacher1.getByTestId('editor').waitFor()
    await expect
      .poll(() => teacher1.getByTestId('editor').textContent(), eventually)
      .toContain('找出实际问题中的相等关系')
  })

  it('3. the 来源 links back to the 定稿, and 张老师 sees 被引用 on last year’s lesson', async () => {
    await teacher1.goBack()
    await teacher1.getByTestId('lineage-source-link').click()
    await teacher1.getByTestId('version-page').waitFor()
    await expect.poll(() => teacher1.getByTestId('built-on-lesson').count(), eventually).toBe(1)

    await teacher2.goto(`${server.url}/#/lessons/${lastYear.id}`)
    const builtOn = teacher2.getByTestId('built-on-lesson')
    await builtOn.waitFor()
    expect(await builtOn.textContent()).toContain('李老师')
    expect(await builtOn.textContent()).toContain('定稿 v2')
    await screenshot(teacher2, 'library-built-on')
    await builtOn.getByRole('link').click()
    await expect.poll(() => teacher2.url(), eventually).toContain(draftId)
  })

  it('4. [LIBRARY-10] from her own 初稿 she picks another group’s 定稿 of another year by 学科 and 年级', async () => {
    await teacher1.goto(`${server.url}/#/lessons/${functionDraftId}`)
    await teacher1.getByTestId('pick-source-open').click()
    await teacher1.getByTestId('pick-source-subject').selectOption('数学')
    await teacher1.getByTestId('pick-source-grade').selectOption('八年级')
    await teacher1.getByTestId('pick-source-words').fill('函数')
    const plans = teacher1.getByTestId('pick-source-plan')
    await expect.poll(() => plans.count(), eventually).toBe(1)
    expect(await plans.textContent()).toContain('2025 春 八年级数学备课组 定稿 v1')
    await screenshot(teacher1, 'library-pick-source')
    await plans.getByTestId('pick-source-start').click()
    const source = teacher1.getByTestId('lineage-source-link')
    await source.waitFor()
    expect(await source.textContent()).toBe('来源：2025 春 八年级数学备课组 定稿 v1，张老师')
  })

  it('5. 李老师’s home page groups her own work: 我的任务, 我在写的, 我的二次备课, 我的反思', async () => {
    await teacher1.locator('.brand').click()
    const tasks = teacher1.getByTestId('my-tasks')
    await tasks.waitFor()
    await expect.poll(() => tasks.getByTestId('my-task-link').allTextContents(), eventually).toContain(title)
    expect(await teacher1.getByTestId('my-writing').getByTestId('my-work-link').allTextContents()).toContain(
      `${title} 导学案`,
    )
    // Nothing adapted or reflected yet: the sections are there, saying so.
    expect(await teacher1.getByTestId('my-adaptations').textContent()).toContain('还没有二次备课')
    expect(await teacher1.getByTestId('my-reflections').textContent()).toContain('还没有课后反思')
    await screenshot(teacher1, 'library-home')
  })
  it('6. [LIBRARY-12] [CLIENT-12] the library files 课题 under their 单元, 李老师 gives her draft its 单元, 张老师’s open page follows', async () => {
    await teacher1.getByTestId('library-link').click()
    await teacher1.getByTestId('library-page').waitFor()
    await teacher1.getByTestId('library-subject').selectOption('数学')
    await teacher1.getByTestId('library-grade').selectOption('七年级')
    // The demo's finalized lessons of 第二章, then last year's plan of 第三章.
    const unitNames = teacher1.getByTestId('library-unit-name')
    await expect.poll(() => unitNames.allTextContents(), eventually).toEqual(['第二章 整式的加减', unit])
    // Words of a 单元 find all its 课题, 2.1 整式 too, whose title does not hold them.
    await teacher1.getByTestId('library-topic-filter').fill('整式的加减')
    await expect.poll(() => unitNames.allTextContents(), eventually).toEqual(['第二章 整式的加减'])
    expect(await teacher1.getByTestId('library-topic').locator('.library-topic-title').allTextContents()).toContain(
      '2.1 整式',
    )
    await screenshot(teacher1, 'library-units')

    await teacher1.goto(`${server.url}/#/lessons/${draftId}`)
    const input = teacher1.getByTestId('lesson-unit-input')
    await input.waitFor()
    // The group's units are offered as she types.
    await expect
      .poll(
        () =>
          teacher1
            .locator('#lesson-page-units option')
            .evaluateAll((options) => options.map((o) => o.getAttribute('value'))),
        eventually,
      )
      .toEqual(['第二章 整式的加减', unit])
    await input.fill(unit)
    await teacher1.getByTestId('lesson-unit-save').click()
    await expect.poll(() => teacher1.getByTestId('lesson-unit').textContent(), eventually).toBe(unit)
    // 张老师 is not its 主备人: she reads the 单元 and cannot change it. Her page has shown this lesson
    // since step 3 and follows 李老师's change without a reload (CLIENT-12).
    expect(teacher2.url()).toContain(`#/lessons/${draftId}`)
    await expect.poll(() => teacher2.getByTestId('lesson-unit').textContent(), eventually).toBe(unit)
    expect(await teacher2.getByTestId('lesson-unit-form').count()).toBe(0)
  })
})
