/** What the browser suite reads off a structured 导学案: its header fields, its sections, 教师用 marks. */
import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'
import type { RunningServer } from '../../../server/start.ts'
import { newLessonPlanUpdate } from '../../../server/template/new-lesson-plan.ts'
import type { HeaderValues } from '../../../shared/schema/header-fields.ts'
import { createDocumentInDemoGroup } from '../../helpers/test-server.ts'
import { clickAtEdge, eventually, selectionSettled } from './teacher-page.ts'

/** A new draft from the school's template in the demo math group, as the 备课计划 creates one. */
export async function createDraftInDemoGroup(
  server: RunningServer,
  title: string,
  header: HeaderValues,
): Promise<string> {
  const documentId = await createDocumentInDemoGroup(server, title)
  const document = await server.store.documents.findDocument(documentId)
  await server.store.updates.appendUpdates(documentId, [
    await newLessonPlanUpdate(server.store, document!.schoolId, header),
  ])
  return documentId
}

export interface PageStructure {
  /** `field` attribute of each header field, in order. */
  headerFields: string[]
  /** `key:title` of each section, in order. */
  sections: string[]
}

export function pageStructure(page: Page): Promise<PageStructure> {
  return page.getByTestId('editor').evaluate((editor) => ({
    headerFields: [...editor.querySelectorAll(':scope > .lesson-header > .header-field')].map(
      (field) => field.getAttribute('data-field') ?? '',
    ),
    sections: [...editor.querySelectorAll(':scope > section')].map(
      (section) =>
        `${section.getAttribute('data-section-key')}:${section.querySelector('.section-title')?.textContent ?? ''}`,
    ),
  }))
}

export function sectionBody(page: Page, key: string): Locator {
  return page.getByTestId('editor').locator(`section[data-section-key="${key}"] > .section-body`)
}

/** The first block of a section's body: in a new draft, its one empty line. */
export function firstBlockOf(page: Page, key: string): Locator {
  return sectionBody(page, key).locator('p').first()
}

/** Types `lines` into a section of the template whose body is still its one empty line. */
export async function writeSection(page: Page, key: string, lines: readonly string[]): Promise<void> {
  await clickAtEdge(firstBlockOf(page, key), 'start')
  await selectionSettled(page)
  for (const [index, line] of lines.entries()) {
    if (index > 0) await page.keyboard.press('Enter')
    await page.keyboard.type(line)
  }
  await expect.poll(() => sectionBlocks(page, key), eventually).toEqual(lines)
}

export function headerValue(page: Page, field: string): Locator {
  return page.getByTestId('editor').locator(`.header-field[data-field="${field}"] > .header-value`)
}

/** The text of each block of a section's body, without colleagues' carets (their labels are text). */
export function sectionBlocks(page: Page, key: string): Promise<string[]> {
  return sectionBody(page, key).evaluate((body) => {
    const copy = body.cloneNode(true) as Element
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove()
    return [...copy.children].map((block) => block.textContent ?? '')
  })
}

/** The value of a header field, without colleagues' carets. */
export function headerText(page: Page, field: string): Promise<string> {
  return headerValue(page, field).evaluate((value) => {
    const copy = value.cloneNode(true) as Element
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove()
    return copy.textContent ?? ''
  })
}

/** Selects `words` inside `block` as a mouse drag would, and waits for the editor to take the selection in. */
export async function selectWords(page: Page, block: Locator, words: string): Promise<void> {
  await block.evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted)
      if (at < 0) continue
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + wanted.length)
      document.getSelection()!.removeAllRanges()
      document.getSelection()!.addRange(range)
      return
    }
    throw new Error(`no text node holds ${wanted}`)
  }, words)
  await selectionSettled(page)
}

/** Pastes `html` at the caret the way a browser delivers a paste from another program. */
export async function pasteHtml(page: Page, html: string): Promise<void> {
  await page.getByTestId('editor').evaluate((editor, pasted) => {
    const data = new DataTransfer()
    data.setData('text/html', pasted)
    data.setData('text/plain', new DOMParser().parseFromString(pasted, 'text/html').body.textContent ?? '')
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, html)
}
