/**
 * Regression: three teachers typing in one paragraph got each other's words interleaved (「★探究：一」),
 * because the editor put a teacher's caret back at its old offset after each colleague's change.
 *
 * In Debian's chromium against the real server: three teachers put their carets at the start, in the
 * middle and at the end of one paragraph and then, all at once, type words with plain keys and through
 * an input method (CDP composition), delete their last word, and the one at the end also splits and
 * joins paragraphs. Every teacher's words must come out whole, in order and where they were typed, the
 * same on every screen, and no one's 拼音 may ever show on a colleague's screen (docs/EDITING.md).
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { TestServer } from '../helpers/test-server.ts'
import { randomSource } from '../helpers/random-source.ts'
import { browserSuitesEnabled } from './helpers/chromium.ts'
import { ImeComposer, recordCompositionEvents } from './helpers/ime.ts'
import { createDraftInDemoGroup, selectWords, writeSection } from './helpers/lesson-structure.ts'
import { startServedApp, stopServedApp } from './helpers/served-app.ts'
import {
  blockWith,
  caretLabels,
  documentBlocks,
  eventually,
  expectConverged,
  expectSaveStatus,
  logIn,
  openDocument,
  screenshot,
} from './helpers/teacher-page.ts'

const enabled = browserSuitesEnabled()

/** What one teacher types. Letters and characters are each teacher's own, so a run can be found whole. */
interface Hand {
  username: string
  name: string
  /** Capital letters for words typed with plain keys. */
  letters: string
  /** 拼音 and the character it gives; every 拼音 starts with a letter of `pinyinStarts`. */
  words: readonly (readonly [pinyin: string, character: string])[]
  pinyinStarts: string
  /** Whether this teacher also presses Enter and joins the paragraphs again. */
  splits: boolean
}

const hands: readonly Hand[] = [
  {
    username: 'teacher1',
    name: '李老师',
    letters: 'ABCDEFGH',
    words: [
      ['dong', '东'],
      ['bei', '北'],
      ['feng', '风'],
      ['hua', '花'],
      ['gao', '高'],
      ['cao', '草'],
    ],
    pinyinStarts: 'bcdfgh',
    splits: false,
  },
  {
    username: 'teacher2',
    name: '张老师',
    letters: 'IJKLMNOP',
    words: [
      ['jiang', '江'],
      ['lin', '林'],
      ['mu', '木'],
      ['niao', '鸟'],
      ['ping', '平'],
      ['kong', '空'],
    ],
    pinyinStarts: 'jklmnp',
    splits: false,
  },
  {
    username: 'teacher3',
    name: '刘老师',
    letters: 'QRSTUVWX',
    words: [
      ['shan', '山'],
      ['tian', '天'],
      ['xue', '雪'],
      ['yun', '云'],
      ['zhu', '竹'],
      ['wu', '雾'],
    ],
    pinyinStarts: 'stwxyz',
    splits: true,
  },
]

const paragraph = '探究：观察正方体的展开图，说出相对的面'
/** Finds the paragraph whatever carets of colleagues are drawn inside it. */
const paragraphMark = '观察正方体'
/** 张老师 types here, in the middle of the paragraph. */
const middleAfter = '展开图'

type Action = 'plain' | 'ime' | 'deleteWord' | 'split' | 'join'

interface Played {
  /** What the teacher typed, as it must appear: words in order, `\n` where they split the paragraph. */
  typed: string
  /** The characters chosen in each composition, in order. */
  committed: string[]
}

/** Plays one teacher's seeded script. */
async function play(page: Page, hand: Hand, seed: number): Promise<Played> {
  const random = randomSource(seed)
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!
  const ime = await ImeComposer.of(page)
  /** Words since the last paragraph break, to delete the last one with Backspace. */
  let words: string[] = []
  let typed = ''
  const committed: string[] = []
  // Each teacher deletes a word at least once, and the one who splits also joins.
  const planned: Partial<Record<number, Action>> = hand.splits
    ? { 5: 'deleteWord', 7: 'split', 8: 'join', 10: 'split' }
    : { 6: 'deleteWord' }
  for (let step = 0; step < 14; step++) {
    const choices: Action[] = ['plain', 'plain', 'ime', 'ime']
    if (words.length > 0) choices.push('deleteWord')
    if (hand.splits && typed !== '' && !typed.endsWith('\n')) choices.push('split')
    if (hand.splits && typed.endsWith('\n')) choices.push('join', 'join')
    const wanted = planned[step]
    const action = wanted && choices.includes(wanted) ? wanted : pick(choices)
    if (action === 'plain') {
      const word = Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick([...hand.letters])).join('')
      await page.keyboard.type(word, { delay: 15 + Math.floor(random() * 40) })
      words.push(word)
      typed += word
    } else if (action === 'ime') {
      const [pinyin, character] = pick(hand.words)
      for (let length = 1; length <= pinyin.length; length++) await ime.compose(pinyin.slice(0, length))
      await ime.commit(character)
      committed.push(character)
      words.push(character)
      typed += character
    } else if (action === 'deleteWord') {
      const word = words.pop()!
      for (let i = 0; i < word.length; i++) await page.keyboard.press('Backspace', { delay: 10 })
      typed = typed.slice(0, -word.length)
    } else if (action === 'split') {
      await page.keyboard.press('Enter')
      words = []
      typed += '\n'
    } else {
      await page.keyboard.press('Backspace')
      typed = typed.slice(0, -1)
    }
  }
  return { typed, committed }
}

/** Records, on the page, every stretch of lowercase letters its editor ever shows (拼音 only: the text has none else). */
async function recordPinyinSeen(page: Page): Promise<() => Promise<string[]>> {
  await page.getByTestId('editor').evaluate((editor) => {
    const seen = new Set<string>()
    ;(window as unknown as { pinyinSeen: Set<string> }).pinyinSeen = seen
    const look = () => {
      for (const match of editor.textContent?.match(/[a-z]+/g) ?? []) seen.add(match)
    }
    new MutationObserver(look).observe(editor, { subtree: true, childList: true, characterData: true })
  })
  return () => page.evaluate(() => [...(window as unknown as { pinyinSeen: Set<string> }).pinyinSeen])
}

describe.runIf(enabled)('browser: three teachers typing in one paragraph', () => {
  let server: TestServer
  let browser: Browser
  const pages: Page[] = []

  beforeAll(async () => {
    ;({ server, browser } = await startServedApp({ demoPlan: false }))
  })

  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.context().close()))
  })

  afterAll(() => stopServedApp({ server, browser }))

  async function openAs(username: string, title: string): Promise<Page> {
    const page = await logIn(browser, server.url, username)
    pages.push(page)
    await openDocument(page, title)
    await expectSaveStatus(page, '已保存')
    return page
  }

  /** Puts the caret right after `text` of the paragraph, as a click there would, and waits for colleagues to see it. */
  async function caretAfter(page: Page, text: string, name: string, colleagues: readonly Page[]): Promise<void> {
    await blockWith(page, paragraphMark).click()
    await selectWords(page, blockWith(page, paragraphMark), text)
    await page.keyboard.press('ArrowRight')
    for (const colleague of colleagues) {
      await expect.poll(() => caretLabels(blockWith(colleague, paragraphMark)), eventually).toContain(name)
    }
  }

  it('[EDIT-1] [EDIT-2] words typed at the start, middle and end at once, with plain keys and 拼音, come out whole and in order on every screen', async () => {
    const title = '1.4 正方体的展开图 导学案'
    await createDraftInDemoGroup(server, title, {
      subject: '数学',
      topic: '1.4 正方体的展开图',
      leadPreparer: '李老师',
    })
    // One after the other: on a busy machine three pages loading at once can take longer than a step may.
    const teachers: Page[] = []
    for (const hand of hands) teachers.push(await openAs(hand.username, title))
    const [li, zhang, liu] = teachers as [Page, Page, Page]
    // In a section of the school's template, as every 导学案 is: the binding's old restore misplaced
    // carets there on any change of their paragraph.
    await writeSection(li, 'inquiry', [paragraph])
    await expectConverged(teachers)

    // One after the other: a caret placed while a colleague's caret arrives can be put back by the editor.
    await caretAfter(liu, paragraph, '刘老师', [li, zhang])
    await caretAfter(zhang, middleAfter, '张老师', [li, liu])
    await caretAfter(li, paragraph.slice(0, 1), '李老师', [zhang, liu])
    await li.keyboard.press('ArrowLeft')
    const pinyinSeen = await Promise.all(teachers.map(recordPinyinSeen))
    const compositionEvents = await Promise.all(teachers.map(recordCompositionEvents))

    const played = await Promise.all(hands.map((hand, index) => play(teachers[index]!, hand, 1000 + index)))
    const typed = played.map((one) => one.typed)

    const blocks = await expectConverged(teachers)
    const middle = paragraph.indexOf(middleAfter) + middleAfter.length
    const expected = typed[0]! + paragraph.slice(0, middle) + typed[1]! + paragraph.slice(middle) + typed[2]!
    expect(blocks.join('\n')).toContain(expected)
    expect(blocks.filter((block) => block.includes('探究'))).toHaveLength(1)
    for (const [index, hand] of hands.entries()) {
      // Every composition ended with the characters chosen: none was cut short by a colleague's edit.
      const events = played[index]!.committed.flatMap((character) => [
        'compositionstart:',
        `compositionend:${character}`,
      ])
      expect(await compositionEvents[index]!(), `${hand.name}'s compositions`).toEqual(events)
      const others = (await pinyinSeen[index]!()).filter((pinyin) => !hand.pinyinStarts.includes(pinyin[0]!))
      expect(others, `拼音 of colleagues on ${hand.name}'s screen`).toEqual([])
    }
    await Promise.all(teachers.map((page) => expectSaveStatus(page, '已保存')))
    expect(await documentBlocks(li)).toEqual(blocks)
    await screenshot(li, 'co-typing-li')
  }, 120_000)
})
