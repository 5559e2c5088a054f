/**
 * The snippet shown under a result (SEARCH-5): a window of the text around the first word found, with
 * every query word in it between `<mark>` and `</mark>` and everything else HTML-escaped, so that
 * what a teacher wrote (`<script>`, `&`) is shown as text and never read as markup.
 */
import { normalizeText } from './search-terms.ts'

export const snippetLength = 96
const contextBefore = 24

/**
 * Characters that normalize to themselves, most of a 导学案: CJK ideographs, the ideographic full stop and
 * comma, and ASCII other than capitals. A snippet is cut from a whole body (thousands of characters) for
 * each of twenty results, and normalizing each character alone was most of a search's time.
 */
const unchangedByNormalizing = /^[\u4e00-\u9fff\u3001\u3002\u0020-\u0040\u005b-\u007e]$/

/** The text with each character normalized as the index sees it, and where each came from. */
function normalizedWithOrigins(text: string): { normalized: string; origins: number[] } {
  let normalized = ''
  const origins: number[] = []
  let index = 0
  for (const character of text) {
    const mapped = unchangedByNormalizing.test(character) ? character : normalizeText(character)
    for (let i = 0; i < mapped.length; i++) origins.push(index)
    normalized += mapped
    index += character.length
  }
  origins.push(text.length)
  return { normalized, origins }
}

/** Ranges [start, end) of `text` where any of `words` (normalized) occurs, merged and in order. */
export function matchRanges(text: string, words: readonly string[]): [number, number][] {
  const { normalized, origins } = normalizedWithOrigins(text)
  const ranges: [number, number][] = []
  for (const word of words) {
    if (word.length === 0) continue
    for (let at = normalized.indexOf(word); at >= 0; at = normalized.indexOf(word, at + word.length)) {
      ranges.push([origins[at]!, origins[at + word.length]!])
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const merged: [number, number][] = []
  for (const range of ranges) {
    const last = merged.at(-1)
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1])
    else merged.push([range[0], range[1]])
  }
  return merged
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}

/** The escaped, marked snippet of `text` for `words`; the text's beginning when no word is in it. */
export function snippetOf(text: string, words: readonly string[], length: number = snippetLength): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const ranges = matchRanges(flat, words)
  const first = ranges[0]?.[0] ?? 0
  const start = Math.max(0, Math.min(first - contextBefore, flat.length - length))
  const end = Math.min(flat.length, start + length)
  let html = start > 0 ? '…' : ''
  let at = start
  for (const [from, to] of ranges) {
    if (to <= start || from >= end) continue
    const markFrom = Math.max(from, start)
    const markTo = Math.min(to, end)
    html += escapeHtml(flat.slice(at, markFrom)) + '<mark>' + escapeHtml(flat.slice(markFrom, markTo)) + '</mark>'
    at = markTo
  }
  html += escapeHtml(flat.slice(at, end))
  return end < flat.length ? html + '…' : html
}

/** A snippet read back as pieces of plain text, each marked or not: what the page renders, as text. */
export function snippetPieces(snippet: string): { text: string; marked: boolean }[] {
  const pieces: { text: string; marked: boolean }[] = []
  const parts = snippet.split(/<mark>|<\/mark>/)
  parts.forEach((part, index) => {
    if (part.length > 0) pieces.push({ text: unescapeHtml(part), marked: index % 2 === 1 })
  })
  return pieces
}

function unescapeHtml(html: string): string {
  return html.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
}
