/**
 * Text compared by words, the way a teacher reads a change. Chinese has no spaces between words, so
 * they come from word segmentation (`Intl.Segmenter`, ICU's dictionary; Node and every current browser
 * ship it): 「正方体」 rewritten as 「长方体」 shows as one word replaced, not as 正 → 长 inside an
 * unchanged 方体, and two edits never leave single characters of each other between them.
 */
import { diffArrays } from 'diff'

export interface TextPart {
  text: string
  change: 'same' | 'added' | 'removed'
}

const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null

/** The words, punctuation and spaces of `text`, in order; they join back into `text`. */
export function wordsOf(text: string): string[] {
  // Without a segmenter (a very old runtime), characters are the closest unit there is.
  if (!segmenter) return Array.from(text)
  return Array.from(segmenter.segment(text), (segment) => segment.segment)
}

/** `before` turned into `after`, as runs of unchanged, removed and added words, removals first. */
export function diffWords(before: string, after: string): TextPart[] {
  const parts: TextPart[] = []
  for (const run of diffArrays(wordsOf(before), wordsOf(after))) {
    const change = run.added ? 'added' : run.removed ? 'removed' : 'same'
    const text = run.value.join('')
    const last = parts.at(-1)
    if (last?.change === change) last.text += text
    else if (text !== '') parts.push({ text, change })
  }
  return parts
}
