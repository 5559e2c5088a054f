/**
 * End to end in Debian's chromium against the real server (port 0, SQLite, the demo school) serving
 * the client built from today's sources: teachers log in through the login page, open a 导学案 from
 * the documents page and edit it together. Screenshots go to test-results/browser/.
 *
 * The client is built once per test run, shared with the other browser suites (helpers/build-client.ts).
 */
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { sampleLessonTitle } from '../../server/demo/sample-lesson.ts'
import { defaultLessonTemplate } from '../../shared/template/default-template.ts'
import { contentFragmentName } from '../../shared/schema/editor-schema.ts'
import { connectClient, type TestClient, waitFor, wsToken } from '../helpers/collab-client.ts'
import { type TestServer, createDocumentInDemoGroup } from '../helpers/test-server.ts'
import { browserSuitesEnabled } from './helpers/chromium.ts'
import { recordCollabFrames } from './helpers/collab-frames.ts'
import { ImeComposer, recordCompositionEvents } from './helpers/ime.ts'
import {
  createDraftInDemoGroup,
  headerText,
  headerValue,
  pageStructure,
  pasteHtml,
  sectionBlocks,
  sectionBody,
} from './helpers/lesson-structure.ts'
import { NetworkLink } from './helpers/network-link.ts'
import { startServedApp, stopServedApp } from './helpers/served-app.ts'
import {
  appendParagraph,
  blockWith,
  caretLabels,
  clickAtEdge,
  clickAtEndOfDocument,
  documentBlocks,
  documentText,
  eventually,
  expectConverged,
  expectSaveStatus,
  lastBlock,
  logIn,
  openDocument,
  pendingCount,
  screenshot,
  typeNewParagraph,
  selectionSettled,
} from './helpers/teacher-page.ts'

const enabled = browserSuitesEnabled()
/** For asserting that something did not arrive: far longer than a relay on localhost takes. */
function occurrences(text: string, part: string): number {
  return text.split(part).length - 1
}

describe.runIf(enabled)('browser: co-editing a 导学案', () => {
  let server: TestServer
  let browser: Browser
  const pages: Page[] = []
  const observers: TestClient[] = []

  beforeAll(async () => {
    ;({ server, browser } = await startServedApp({ demoPlan: false }))
  })

  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.context().close()))
    for (const observer of observers.splice(0)) observer.destroy()
  })

  afterAll(() => stopServedApp({ server, browser }))

  async function logInAs(username: string): Promise<Page> {
    const page = await logIn(browser, server.url, username)
    pages.push(page)
    return page
  }

  async function openAs(username: string, title: string): Promise<Page> {
    const page = await logInAs(username)
    await openDocument(page, title)
    await expectSaveStatus(page, '已保存')
    return page
  }

  it("two teachers type in the same 导学案 and see each other's text and carets", async () => {
    const [li, zhang] = await Promise.all([
      openAs('teacher1', sampleLessonTitle),
      openAs('teacher2', sampleLessonTitle),
    ])
    const difficulty = '难点：找出实际问题中的相等关系。'
    const liText = '李老师：先复习等式的性质，再引入方程。'
    const zhangText = '（张老师：用线段图帮学生找相等关系）'

    // One after the other (see clickAtEndOfDocument), each places a caret and the other sees it arrive.
    await clickAtEndOfDocument(li)
    await expect.poll(() => caretLabels(lastBlock(zhang)), eventually).toEqual(['李老师'])
    await clickAtEdge(blockWith(zhang, difficulty), 'end')
    await expect.poll(() => caretLabels(blockWith(li, difficulty)), eventually).toEqual(['张老师'])
    await Promise.all([typeNewParagraph(li, liText), zhang.keyboard.type(zhangText)])

    const blocks = await expectConverged([li, zhang])
    expect(blocks).toEqual(expect.arrayContaining([liText, difficulty + zhangText]))
    expect(blocks.at(-1)).toBe(liText)
    await expect.poll(() => caretLabels(blockWith(li, zhangText)), eventually).toEqual(['张老师'])
    await expect.poll(() => caretLabels(blockWith(zhang, liText)), eventually).toEqual(['李老师'])
    expect(await li.getByTestId('online-user').allTextContents()).toEqual(['李老师（我）', '张老师'])
    await Promise.all([expectSaveStatus(li, '已保存'), expectSaveStatus(zhang, '已保存')])
    await screenshot(li, 'co-editing-li', { fullPage: true })
    await screenshot(zhang, 'co-editing-zhang', { fullPage: true })
  })

  it("edits made offline survive a reload and merge with a colleague's when the network returns", async () => {
    const title = '3.1.2 等式的性质 导学案'
    const documentId = await createDocumentInDemoGroup(server, title)
    const [li, zhang] = await Promise.all([openAs('teacher1', title), openAs('teacher2', title)])
    // The group's leader has the document open elsewhere, online all along.
    const observer = connectClient(server.url, documentId, await wsToken(server.url, 'leader'))
    observers.push(observer)
    const observed = () => observer.doc.getXmlFragment(contentFragmentName).toString()
    const goal = '学习目标：会用等式的性质解简单的方程。'
    await appendParagraph(li, goal)
    await expectConverged([li, zhang])

    const network = await NetworkLink.of(li, server.url)
    await network.goOffline()
    await expectSaveStatus(li, /^离线/)
    const offlineText = '离线时补充：预习题改为三道。'
    const onlineText = '张老师同时修改：例题换成购物情境。'
    await Promise.all([appendParagraph(li, offlineText), appendParagraph(zhang, onlineText)])
    await expectSaveStatus(zhang, '已保存')
    await expectSaveStatus(li, /^离线（[1-9]\d* 处修改未同步）$/)
    const pendingOffline = await pendingCount(li)
    // The server relays an edit to every socket open on the document in the same turn: once the leader's
    // copy has 张老师's edit, it has gone to any socket the server holds for Li's page.
    await waitFor(() => observed().includes(onlineText), "the leader's copy has 张老师's edit")
    expect(observed()).not.toContain(offlineText)
    expect(await documentText(li)).not.toContain(onlineText)
    expect(await documentText(zhang)).not.toContain(offlineText)
    await screenshot(li, 'offline-1-typed-while-offline')

    // A page without a service worker cannot load with no network at all, so it reloads once pages
    // load again but the collab socket still cannot connect: what it shows can only come from this
    // browser's IndexedDB, and the unsynced count from its localStorage.
    await network.comeBackWithoutCollab()
    await li.reload()
    await li.getByTestId('editor').waitFor()
    await expect.poll(() => documentText(li), eventually).toContain(offlineText)
    await expectSaveStatus(li, `离线（${pendingOffline} 处修改未同步）`)
    expect(await documentText(li)).not.toContain(onlineText)
    await screenshot(li, 'offline-2-reloaded-not-yet-synced')

    await network.restore()
    const blocks = await expectConverged([li, zhang])
    expect(blocks).toEqual(expect.arrayContaining([goal, offlineText, onlineText]))
    await Promise.all([expectSaveStatus(li, '已保存'), expectSaveStatus(zhang, '已保存')])
    await screenshot(li, 'offline-3-converged-li')
    await screenshot(zhang, 'offline-3-converged-zhang')
  })

  it('Chinese typed through an input method survives a colleague typing in the same paragraph', async () => {
    const title = '3.1.1 方程的解 导学案'
    await createDocumentInDemoGroup(server, title)
    const li = await logInAs('teacher1')
    const liReceived = recordCollabFrames(li)
    await openDocument(li, title)
    const zhang = await openAs('teacher2', title)
    await expectSaveStatus(li, '已保存')
    const question = '第1题：'
    await appendParagraph(li, question)
    await expect.poll(() => documentBlocks(zhang), eventually).toContain(question)
    await expect.poll(() => caretLabels(blockWith(zhang, question)), eventually).toEqual(['李老师'])
    await clickAtEdge(blockWith(zhang, question), 'start')

    const compositionEvents = await recordCompositionEvents(li)
    const ime = await ImeComposer.of(li)
    await ime.compose('f')
    await ime.compose('fang')
    // 张老师 types at the start of the paragraph 李老师 is composing in, and it reaches 李老师's browser
    // before the composition ends.
    const remark = '（张老师补充）'
    await zhang.keyboard.type(remark)
    await expect.poll(() => liReceived.carries(remark.at(-1)!), eventually).toBe(true)
    await ime.compose('fangc')
    await ime.compose('fangcheng')
    await ime.commit('方程')

    const blocks = await expectConverged([li, zhang])
    expect(blocks).toContain(`${remark}${question}方程`)
    expect(occurrences(blocks.join('\n'), '方程')).toBe(1)
    expect(occurrences(blocks.join('\n'), remark)).toBe(1)
    expect(await compositionEvents()).toEqual(['compositionstart:', 'compositionend:方程'])
    await Promise.all([expectSaveStatus(li, '已保存'), expectSaveStatus(zhang, '已保存')])
    await screenshot(li, 'ime-converged-li')
  })

  it('typing, Enter, Backspace, deleting across sections and pasting keep the header and the sections; 教师用 is undone and redone and reaches the colleague', async () => {
    const title = '3.2 解一元一次方程（一） 导学案'
    await createDraftInDemoGroup(server, title, {
      subject: '数学',
      topic: '3.2 解一元一次方程（一）',
      leadPreparer: '李老师',
    })
    const [li, zhang] = await Promise.all([openAs('teacher1', title), openAs('teacher2', title)])
    const sections = defaultLessonTemplate.sections.map(({ key, title }) => `${key}:${title}`)
    await expect.poll(async () => (await pageStructure(li)).sections, eventually).toEqual(sections)
    const structure = await pageStructure(li)
    expect(structure.headerFields).toHaveLength(9)
    const objectives = sectionBody(li, 'objectives')
    expect(await objectives.locator('p').getAttribute('data-placeholder')).toBe(defaultLessonTemplate.sections[0]!.hint)
    const click = async (target: Locator, edge: 'start' | 'end') => {
      await clickAtEdge(target, edge)
      await selectionSettled(li)
    }

    await click(objectives.locator('p'), 'start')
    await li.keyboard.type('会用合并同类项解方程。')
    await li.keyboard.press('Enter')
    await li.keyboard.press('Enter')
    await li.keyboard.type('会检验方程的解。')
    const goals = ['会用合并同类项解方程。', '', '会检验方程的解。']
    // Backspace at the start of a section neither joins it to the header nor lifts the line out.
    await click(objectives.locator('p').first(), 'start')
    await li.keyboard.press('Backspace')
    await li.keyboard.press('Backspace')
    expect(await sectionBlocks(li, 'objectives')).toEqual(goals)
    expect(await li.getByTestId('structure-notice').count()).toBe(0)

    // A selection from 重点难点 back into 学习目标, deleted, then all of it: refused as a whole.
    await click(sectionBody(li, 'keyPoints').locator('p'), 'start')
    await li.keyboard.type('重点：合并同类项。')
    await li.keyboard.down('Shift')
    await click(objectives.locator('p').first(), 'end')
    await li.keyboard.up('Shift')
    await li.keyboard.press('Delete')
    await li.keyboard.press('Control+a')
    await li.keyboard.press('Delete')
    expect(await li.getByTestId('structure-notice').textContent()).toContain('不能删除或合并')
    expect(await sectionBlocks(li, 'objectives')).toEqual(goals)
    expect(await sectionBlocks(li, 'keyPoints')).toEqual(['重点：合并同类项。'])

    // A section copied from another 导学案 arrives as a heading and its text.
    await click(sectionBody(li, 'inquiry').locator('p'), 'start')
    await pasteHtml(
      li,
      '<section data-section-key="inquiry" data-title="合作探究"><h2>合作探究</h2><div class="section-body"><p>探究：天平与等式</p></div></section>',
    )
    await click(sectionBody(li, 'classCheck').locator('p'), 'start')
    await li.keyboard.type('参考答案：x = 2')
    // Yjs merges changes less than 500 ms apart into one undo step; the mark should be a step of its own.
    await li.waitForTimeout(700)
    const answer = sectionBody(li, 'classCheck').locator('p')
    const teacherOnlyButton = li.getByTestId('toolbar-teacher-only')
    await teacherOnlyButton.click()
    expect([
      await teacherOnlyButton.getAttribute('aria-pressed'),
      await answer.getAttribute('data-teacher-only'),
    ]).toEqual(['true', ''])
    await li.getByTestId('toolbar-undo').click()
    expect([await answer.getAttribute('data-teacher-only'), await answer.textContent()]).toEqual([
      null,
      '参考答案：x = 2',
    ])
    await li.getByTestId('toolbar-redo').click()
    expect(await answer.getAttribute('data-teacher-only')).toBe('')
    // Enter in a header field moves on to the next one.
    await click(headerValue(li, 'lessonType'), 'start')
    await li.keyboard.type('新授课')
    await li.keyboard.press('Enter')
    await li.keyboard.type('第1课时')

    await expectConverged([li, zhang])
    for (const page of [li, zhang]) expect(await pageStructure(page)).toEqual(structure)
    expect(await sectionBlocks(zhang, 'objectives')).toEqual(goals)
    expect(await sectionBlocks(zhang, 'keyPoints')).toEqual(['重点：合并同类项。'])
    expect(await sectionBlocks(zhang, 'inquiry')).toEqual(['合作探究', '探究：天平与等式'])
    expect(await sectionBlocks(zhang, 'classCheck')).toEqual(['参考答案：x = 2'])
    expect(await sectionBody(zhang, 'classCheck').locator('p').getAttribute('data-teacher-only')).toBe('')
    expect(await headerText(zhang, 'lessonType')).toBe('新授课')
    expect(await headerText(zhang, 'period')).toBe('第1课时')
    expect(await headerText(zhang, 'topic')).toBe('3.2 解一元一次方程（一）')
    await screenshot(zhang, 'lesson-structure-zhang', { fullPage: true })
  })

  it('a guest sees the 导学案 as 只读 and cannot change it', async () => {
    const guest = await logInAs('guest')
    const listed = guest.getByTestId('document-link').filter({ hasText: sampleLessonTitle })
    expect(await listed.locator('xpath=..').getByTestId('document-access').textContent()).toBe('只读')
    await openDocument(guest, sampleLessonTitle)
    await expect.poll(() => documentText(guest), eventually).toContain('一元一次方程')
    await expectSaveStatus(guest, '只读')
    const badge = guest.getByTestId('access-badge')
    expect([await badge.textContent(), await badge.getAttribute('data-access')]).toEqual(['只读', 'read'])
    expect(await guest.getByTestId('editor').getAttribute('contenteditable')).toBe('false')
    expect(await guest.getByTestId('toolbar').count()).toBe(0)
    await screenshot(guest, 'read-only-guest')

    const before = await documentBlocks(guest)
    await clickAtEdge(blockWith(guest, '难点：'), 'end')
    await guest.keyboard.type('孙老师想改一改')
    await guest.keyboard.press('Backspace')
    await guest.keyboard.press('Enter')
    expect(await documentBlocks(guest)).toEqual(before)
  })

  it('the office renames, adds and reorders sections of the template; a teacher may only look', async () => {
    const office = await logInAs('admin')
    await office.getByTestId('template-link').click()
    const titles = office.getByTestId('template-title')
    await titles.first().fill('学习目标与要求')
    await office.getByTestId('template-add').click()
    await titles.last().fill('情境导入')
    await office.getByTestId('template-hint').last().fill('用一个生活中的问题引入')
    const added = defaultLessonTemplate.sections.length
    await office.getByTestId('template-up').nth(added).click()
    await expect
      .poll(() => office.getByTestId('template-preview').locator('.section-title').allTextContents())
      .toContain('情境导入')
    await office.getByTestId('template-save').click()
    await expect.poll(() => office.getByTestId('template-status').textContent(), eventually).toContain('已保存')
    await screenshot(office, 'template-office', { fullPage: true })

    const { schoolId } = (await server.store.accounts.findUserByUsername('admin'))!
    const saved = (await server.store.templates.findTemplate(schoolId))!.definition.sections.map(
      (section) => section.title,
    )
    expect(saved.slice(0, 2)).toEqual(['学习目标与要求', '重点难点'])
    expect(saved.slice(-3)).toEqual(['课后作业（拓展延伸）', '情境导入', '课后反思'])

    const teacher = await logInAs('teacher1')
    expect(await teacher.getByTestId('template-link').count()).toBe(0)
    await teacher.goto(`${server.url}/#/template`)
    await expect
      .poll(() => teacher.getByTestId('template-preview').locator('.section-title').allTextContents(), eventually)
      .toEqual(saved)
    expect(await teacher.getByRole('note').textContent()).toContain('只有教导处可以修改导学案模板')
    expect(await teacher.getByTestId('template-save').count()).toBe(0)
  })
})
