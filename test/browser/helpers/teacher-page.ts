/**
 * A teacher at a browser: their own browser context (cookies, IndexedDB, localStorage), logged in
 * through the login page, and what the test reads off the editor page.
 */
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, Locator, Page } from 'playwright-core'
import { expect } from 'vitest'
import { demoPassword } from '../../helpers/collab-client.ts'

const screenshotDir = fileURLToPath(new URL('../../../test-results/browser/', import.meta.url))
/** Long enough for a reconnect after the provider's back-off (at most 2.5 s), short of the test timeout. */
const convergeTimeoutMs = 10_000
/** For `expect.poll`, whose own default (1 s) is too short for a reconnect. */
export const eventually = { timeout: convergeTimeoutMs, interval: 50 }

export async function logIn(browser: Browser, serverUrl: string, username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, locale: 'zh-CN' })
  // Fail a stuck step with its own message, well before the test's timeout.
  context.setDefaultTimeout(convergeTimeoutMs)
  const page = await context.newPage()
  await page.goto(serverUrl)
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(demoPassword)
  await page.getByTestId('login-submit').click()
  await page.getByTestId('current-user').waitFor()
  return page
}

/** Opens a document by its title from the documents page, as a teacher would. */
export async function openDocument(page: Page, title: string): Promise<void> {
  await page.getByTestId('document-link').filter({ hasText: title }).click()
  await page.getByTestId('editor').waitFor()
}

/**
 * Puts the caret at the end of the document with a click past the end of its last block.
 *
 * Not with Ctrl+End, and not while a colleague's caret or edits are arriving: ProseMirror learns of a
 * caret the browser moved a moment later, and a transaction in that moment (its own focus handling,
 * a remote change, a colleague's caret first drawn) writes its older selection back into the page.
 */
export async function clickAtEndOfDocument(page: Page): Promise<void> {
  await clickAtEdge(lastBlock(page), 'end')
  await selectionSettled(page)
}

/** Starts a new paragraph at the caret and types into it. */
export async function typeNewParagraph(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Enter')
  await page.keyboard.type(text)
}

export async function appendParagraph(page: Page, text: string): Promise<void> {
  await clickAtEndOfDocument(page)
  await typeNewParagraph(page, text)
}

/**
 * The editor's blocks as a teacher sees them: the header, and the blocks inside each section's body
 * (a section's title is not a block anyone types in).
 */
const blockSelector = ':scope > :not(section), :scope > section > .section-body > *'

/** The first block of the editor that contains `text`. */
export function blockWith(page: Page, text: string): Locator {
  return page.getByTestId('editor').locator(blockSelector).filter({ hasText: text }).first()
}

export function lastBlock(page: Page): Locator {
  return page.getByTestId('editor').locator(blockSelector).last()
}

/** Waits until the server has told the editor page what this user may do with the document. */
export async function expectAccess(page: Page, access: 'edit' | 'comment' | 'read'): Promise<void> {
  await page.getByTestId('editor').waitFor()
  await expect.poll(() => page.getByTestId('access-badge').getAttribute('data-access'), eventually).toBe(access)
  await expect
    .poll(() => page.getByTestId('editor').getAttribute('contenteditable'), eventually)
    .toBe(access === 'edit' ? 'true' : 'false')
}

/** Puts the caret at the start or the end of a one-line block by clicking just inside its edge. */
export async function clickAtEdge(block: Locator, edge: 'start' | 'end'): Promise<void> {
  const box = await block.boundingBox()
  if (!box) throw new Error('block is not visible')
  await block.click({ position: { x: edge === 'start' ? 1 : box.width - 1, y: box.height / 2 } })
}

/**
 * The document as text, one entry per block (see `blockSelector`), without other people's carets:
 * those are decorations inside the editable element and differ from one page to the other.
 */
export function documentBlocks(page: Page): Promise<string[]> {
  return page.getByTestId('editor').evaluate((editor, selector) => {
    const copy = editor.cloneNode(true) as HTMLElement
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove()
    return [...copy.querySelectorAll(selector)].map((block) => block.textContent ?? '')
  }, blockSelector)
}

export async function documentText(page: Page): Promise<string> {
  return (await documentBlocks(page)).join('\n')
}

export function saveStatus(page: Page): Promise<string | null> {
  return page.getByTestId('save-status').textContent()
}

export async function pendingCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('save-status').getAttribute('data-pending'))
}

export async function expectSaveStatus(page: Page, expected: string | RegExp): Promise<void> {
  const poll = expect.poll(() => saveStatus(page), eventually)
  await (typeof expected === 'string' ? poll.toBe(expected) : poll.toMatch(expected))
}

/** Names on the carets of other people shown within `scope` (the editor, or one block of it). */
export function caretLabels(scope: Locator): Promise<string[]> {
  return scope.locator('.collaboration-carets__label').allTextContents()
}

/** Waits until every page shows the same document, and returns it. */
export async function expectConverged(pages: readonly Page[]): Promise<string[]> {
  let blocks: string[] = []
  await expect
    .poll(async () => {
      const all = await Promise.all(pages.map(documentBlocks))
      blocks = all[0]!
      return all.every((other) => JSON.stringify(other) === JSON.stringify(blocks))
    }, eventually)
    .toBe(true)
  return blocks
}

/** `fullPage` for a long 导学案, where the header and the carets are not all in view at once. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true })
  await page.screenshot({ path: `${screenshotDir}${name}.png`, ...options })
}

interface EditorViewLike {
  editable: boolean
  state: { selection: { anchor: number; head: number } }
  posAtDOM(node: Node, offset: number): number
}

/**
 * Waits until the editor has taken in the selection the browser shows. ProseMirror learns of a click
 * or a Shift+click a moment later; a key pressed before that acts on the old selection.
 */
export async function selectionSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const view = document.querySelector<Element & { editor?: { view: EditorViewLike } }>('.ProseMirror')?.editor?.view
    const selection = document.getSelection()
    if (!view) return false
    // A read-only editor takes no caret from a click: nothing to wait for.
    if (!view.editable) return true
    if (!selection?.anchorNode || !selection.focusNode) return false
    try {
      const anchor = view.posAtDOM(selection.anchorNode, selection.anchorOffset)
      const head = view.posAtDOM(selection.focusNode, selection.focusOffset)
      return view.state.selection.anchor === anchor && view.state.selection.head === head
    } catch {
      return false
    }
  })
}
