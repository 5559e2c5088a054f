/**
 * Drives a real input-method composition through CDP, the way a 拼音 IME does: marked text that
 * grows with each keystroke, then the chosen characters committed. The page sees genuine
 * `compositionstart` / `compositionupdate` / `compositionend` events.
 */
import type { CDPSession, Page } from 'playwright-core'

export class ImeComposer {
  private constructor(private readonly cdp: CDPSession) {}

  static async of(page: Page): Promise<ImeComposer> {
    return new ImeComposer(await page.context().newCDPSession(page))
  }

  /** Shows `pinyin` as the composition's marked text, caret at its end. */
  async compose(pinyin: string): Promise<void> {
    await this.cdp.send('Input.imeSetComposition', {
      text: pinyin,
      selectionStart: pinyin.length,
      selectionEnd: pinyin.length,
    })
  }

  /** The teacher picks the characters: the composition ends with `text` inserted. */
  async commit(text: string): Promise<void> {
    await this.cdp.send('Input.insertText', { text })
  }
}

/** Records the page's composition events, to prove the editor went through a real composition. */
export async function recordCompositionEvents(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const events: string[] = []
    ;(window as unknown as { compositionEvents: string[] }).compositionEvents = events
    for (const type of ['compositionstart', 'compositionend']) {
      document.addEventListener(type, (event) => events.push(`${type}:${(event as CompositionEvent).data}`), true)
    }
  })
  return () => page.evaluate(() => (window as unknown as { compositionEvents: string[] }).compositionEvents)
}
