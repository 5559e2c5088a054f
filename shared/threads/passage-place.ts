/**
 * Where a thread's passage is in the content's plain text, from where its anchor's two ends point.
 * Pure offsets, so the editor, `resolveAnchor` and the server's suggestion check (which reads the text
 * as it was before a transaction) decide alike.
 *
 * Edits within a paragraph keep the Yjs items of the words they leave alone, so an anchor follows them.
 * Splitting a paragraph (Enter) or joining two (Backspace at a paragraph's start) makes the editor
 * rebuild the moved words as new items: the anchor's ends die while the words are still there. Then
 * the passage is found again by its quote, newlines aside, near where the dead end points now
 * (after a split the words follow it in the next paragraph) — or, where the end's paragraph is gone
 * altogether (after a join), if the quote occurs just once in the whole text.
 */

/** One end of the anchor: its offset in the plain text now (null: its paragraph is gone), and whether its character is still there. */
export interface AnchorEnd {
  offset: number | null
  alive: boolean
}

/** The text nodes' spans in the plain text: node `i` holds `[base, base + length]`. */
export interface TextSpan {
  base: number
  length: number
}

/** `relocated`: found again by the quote, or cut short to the paragraph that is left, rather than where the ends point. */
export interface PlacedPassage {
  from: number
  to: number
  relocated: boolean
}

/** How far from the dead end, beyond the quote's own length, the passage may have moved. */
export const relocationSlack = 40

export function placePassage(
  text: string,
  spans: readonly TextSpan[],
  quote: string,
  start: AnchorEnd,
  end: AnchorEnd,
): PlacedPassage | null {
  const from = start.offset
  const to = end.offset
  if (start.alive && end.alive && from !== null && to !== null && from < to) return { from, to, relocated: false }
  const dead = !end.alive && to !== null ? to : !start.alive && from !== null ? from : null
  const ownSpan = dead === null ? null : spanAt(spans, dead)
  const fits = (candidate: Range): boolean =>
    // Within the dead end's own paragraph the words it quoted were edited, not moved.
    !(ownSpan && ownSpan.base <= candidate.from && candidate.to <= ownSpan.base + ownSpan.length) &&
    // A live end stays part of its passage.
    !(start.alive && from !== null && !(candidate.from <= from && from < candidate.to)) &&
    !(end.alive && to !== null && !(candidate.from < to && to <= candidate.to))
  const found = nearestQuote(text, quote, dead, fits)
  if (found) return { ...found, relocated: true }
  if (from !== null && to !== null) return from < to ? { from, to, relocated: false } : null
  // One end's paragraph was removed: the passage keeps what is left in the other end's paragraph.
  const live = from ?? to
  const span = live === null ? null : spanAt(spans, live)
  if (!span || live === null) return null
  const clamped = from !== null ? { from, to: span.base + span.length } : { from: span.base, to: live }
  return clamped.from < clamped.to ? { ...clamped, relocated: true } : null
}

interface Range {
  from: number
  to: number
}

function spanAt(spans: readonly TextSpan[], offset: number): TextSpan | null {
  return spans.find((span) => span.base <= offset && offset <= span.base + span.length) ?? null
}

/**
 * The occurrence of `quote` (newlines ignored on both sides, as a split or a join adds or removes one)
 * nearest `near`, within the quote's length plus `relocationSlack`; the earlier one on a tie. With no
 * `near`, the only occurrence in the text, if there is just one.
 */
export function nearestQuote(
  text: string,
  quote: string,
  near: number | null,
  fits: (range: Range) => boolean,
): Range | null {
  const wanted = quote.replaceAll('\n', '')
  if (wanted === '') return null
  const plainIndex: number[] = []
  let compact = ''
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') continue
    plainIndex.push(i)
    compact += text[i]
  }
  const occurrences: Range[] = []
  for (let at = compact.indexOf(wanted); at !== -1; at = compact.indexOf(wanted, at + 1)) {
    occurrences.push({ from: plainIndex[at]!, to: plainIndex[at + wanted.length - 1]! + 1 })
  }
  if (near === null) return occurrences.length === 1 && fits(occurrences[0]!) ? occurrences[0]! : null
  let best: Range | null = null
  let bestDistance = quote.length + relocationSlack
  for (const occurrence of occurrences) {
    const distance = near < occurrence.from ? occurrence.from - near : near > occurrence.to ? near - occurrence.to : 0
    if (distance <= bestDistance && (best === null || distance < bestDistance) && fits(occurrence)) {
      best = occurrence
      bestDistance = distance
    }
  }
  return best
}
