/**
 * 从 Word 导入 and pasting from Word in Debian's chromium against the real server: the leader imports a
 * .docx from the 备课计划 page, reads what was not kept, opens the draft in the editor, then pastes
 * Word's clipboard HTML into a section; a 主备人 imports into a lesson's unwritten 初稿 from the lesson
 * page. Screenshots go to test-results/browser/word-import-*.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClientFor } from '../helpers/api-client.ts'
import { addLesson, planInput, userId } from '../helpers/lesson-fixtures.ts'
import type { TestServer } from '../helpers/test-server.ts'
import { sampleLessonDocx } from '../server/import/fixtures/sample-lesson-docx.ts'
import { browserSuitesEnabled } from './helpers/chromium.ts'
import { pageStructure, pasteHtml, sectionBody } from './helpers/lesson-structure.ts'
import { startServedApp, stopServedApp } from './helpers/served-app.ts'
import { logIn, screenshot, selectionSettled } from './helpers/teacher-page.ts'

const enabled = browserSuitesEnabled()

/** Word's clipboard for a numbered list with a sub-item and a bold line. */
const wordClipboard = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><body><!--StartFragment-->
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.<span>&nbsp; </span></span><![endif]>找等量关系<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:42.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>a)<span>&nbsp; </span></span><![endif]>设未知数<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>2.<span>&nbsp; </span></span><![endif]>列方程<o:p></o:p></p>
<p class=MsoNormal><b>小结：</b>检验<o:p></o:p></p>
<!--EndFragment--></body></html>`

describe.runIf(enabled)('browser: Word in', () => {
  let server: TestServer
  let browser: Browser
  let leader: Page

  beforeAll(async () => {
    ;({ server, browser } = await startServedApp({ demoPlan: false }))
    leader = await logIn(browser, server.url, 'leader')
  })

  afterAll(async () => {
    await leader?.context().close()
    await stopServedApp({ server, browser })
  })

  it('imports a .docx as a new lesson from the 备课计划 and opens it in the editor', async () => {
    const user = (await server.store.accounts.findUserByUsername('leader'))!
    const [groupId] = await server.store.groups.groupIdsOfUser(user.id)
    await leader.goto(`${server.url}/#/groups/${groupId}/plan`)
    await leader.getByTestId('plan-import').click()
    const panel = leader.getByTestId('import-panel')
    await panel.getByTestId('import-file').setInputFiles({
      name: '解一元一次方程.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from(sampleLessonDocx()),
    })
    await panel.getByTestId('plan-title').fill('3.2 解一元一次方程（一）')
    const teacher = (await server.store.accounts.findUserByUsername('teacher1'))!
    await panel.getByTestId('plan-lead-preparer').selectOption(teacher.id)
    await panel.getByTestId('plan-submit').click()

    const report = leader.getByTestId('import-report')
    await report.waitFor()
    expect(await report.getByTestId('import-unkept').textContent()).toMatch(/批注没有导入/)
    await screenshot(leader, 'word-import-report')
    await report.getByTestId('import-open').click()
    await leader.getByTestId('editor').waitFor()
    await leader.locator('section[data-section-key="classCheck"]').waitFor()
    const structure = await pageStructure(leader)
    expect(structure.sections.slice(0, 3)).toEqual(['objectives:学习目标', 'keyPoints:重点难点', 'preview:预习导学'])
    expect(await sectionBody(leader, 'objectives').locator('ol > li').count()).toBe(2)
    expect(await sectionBody(leader, 'inquiry').locator('table').count()).toBe(1)
    expect(await sectionBody(leader, 'classCheck').locator('[data-teacher-only]').count()).toBe(2)
    // The file's picture came in with the draft and loads from the server.
    const picture = sectionBody(leader, 'preview').locator('img.lesson-image')
    await expect.poll(() => picture.evaluate((image) => (image as HTMLImageElement).naturalWidth)).toBe(1)
  })

  it('pastes from Word into a section as lists, without touching the sections', async () => {
    const before = await pageStructure(leader)
    const summary = sectionBody(leader, 'summary')
    // A remote change arriving right after a click can put the old caret back, so click until it holds.
    await expect
      .poll(async () => {
        await summary.locator('p').last().click()
        return leader.evaluate(
          () => !!window.getSelection()?.anchorNode?.parentElement?.closest('[data-section-key="summary"]'),
        )
      })
      .toBe(true)
    await selectionSettled(leader)
    await leader.keyboard.press('End')
    // On a line of its own: pasted into the middle of a line, the first item joins that line, as in any editor.
    await leader.keyboard.press('Enter')
    await pasteHtml(leader, wordClipboard)
    await summary.locator('ol ol li').waitFor()
    expect(await summary.locator(':scope > ol > li').count()).toBe(2)
    expect(await summary.locator('ol ol li').textContent()).toBe('设未知数')
    expect(await summary.locator('strong').textContent()).toBe('小结：')
    expect(await summary.textContent()).not.toMatch(/1\.|a\)/)
    expect(await pageStructure(leader)).toEqual(before)
    await screenshot(leader, 'word-import-paste')
  })

  it('lets the 主备人 bring a .docx into the lesson’s unwritten 初稿 from the lesson page', async () => {
    const leaderApi = await apiClientFor(server.url, 'leader')
    const user = (await server.store.accounts.findUserByUsername('leader'))!
    const [groupId] = await server.store.groups.groupIdsOfUser(user.id)
    const lesson = await addLesson(
      leaderApi,
      groupId!,
      planInput(await userId(server, 'teacher1'), { title: '3.4 实际问题与方程' }),
    )
    const teacher = await logIn(browser, server.url, 'teacher1')
    try {
      await teacher.goto(`${server.url}/#/lessons/${lesson.id}`)
      await teacher.getByTestId('import-into-draft-file').setInputFiles({
        name: '去年的导学案.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: Buffer.from(sampleLessonDocx()),
      })
      const report = teacher.getByTestId('import-into-draft-report')
      await report.waitFor()
      expect(await report.textContent()).toMatch(/已导入 9 个栏目/)
      await screenshot(teacher, 'word-import-into-draft')
    } finally {
      await teacher.context().close()
    }
  })
})
