/**
 * The words a thread was written about, kept beside its passage once that passage is rewritten, so the
 * thread still makes sense to whoever reads it later: its `quote`, fixed when the thread was created.
 */
import type { ResolvedAnchor } from './thread-anchor.ts'

/**
 * The quote, when the passage now holds other words; null while it holds the same ones (a paragraph
 * split or joined inside it changes no word) and when every quoted word is gone: the panel then shows
 * the quote itself, as 原文已删除.
 */
export function rewrittenOriginal(quote: string, anchor: ResolvedAnchor): string | null {
  if (anchor.deleted || quote === '') return null
  return withoutLineBreaks(anchor.text) === withoutLineBreaks(quote) ? null : quote
}

function withoutLineBreaks(text: string): string {
  return text.replaceAll('\n', '')
}
