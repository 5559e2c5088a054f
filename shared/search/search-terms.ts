/**
 * How text becomes search terms, the same for what is indexed and for what a teacher types (SEARCH-1,
 * SEARCH-2). `Intl.Segmenter` ('zh', words) finds the word-like runs and drops punctuation and spaces;
 * inside a run of Chinese characters the terms are overlapping two-character grams, because ICU joins
 * words a teacher searches for into longer ones (二次方程 is one word to it, and 方程 must still find it),
 * and single characters for one-character queries. Latin words and numbers stay whole, lower-cased.
 *
 * Both backends receive only these terms, space-separated and made of letters and digits, so SQLite's
 * FTS5 (unicode61) and PostgreSQL's 'simple' configuration split them identically.
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })

const hanCharacter = /\p{Script=Han}/u
const letterOrDigitRuns = /[\p{L}\p{N}]+/gu

/** One stretch of text between punctuation: Chinese characters, or one Latin word or number. */
export interface TextRun {
  han: boolean
  text: string
}

/** The streams an entry is indexed by: `grams` in reading order (phrases need positions), `chars` a set. */
export interface IndexTerms {
  grams: string
  chars: string
}

/**
 * A query, as what must all be found: each phrase's grams next to each other in `grams`, each single
 * character among `chars`.
 */
export interface QueryTerms {
  phrases: string[][]
  chars: string[]
}

/** A Latin word or number is indexed by its first this many characters (PostgreSQL refuses lexemes over 2 KB). */
export const maxWordLength = 60
/** Longest query taken, in characters; a teacher's query is a few words. */
export const maxQueryLength = 100
/** Most phrases and characters a query may ask for together. */
export const maxQueryTerms = 16

export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

/**
 * Text of CJK ideographs, ASCII and Chinese punctuation (quotes and dashes too) only, the most of a 导学案. There ICU's words
 * change nothing: every ideograph is word-like and adjacent ones join into one run anyway, and an ASCII
 * word or number is one ICU word. Its runs are read without the segmenter, which was most of the
 * indexer's time (a test checks both ways agree). Other scripts (kana, whose words ICU finds by
 * dictionary, and the rarer ideographs) go through ICU.
 */
const plainText =
  /^[\u3400-\u4dbf\u4e00-\u9fff\t\n\r\u0020-\u007e\u00b7\u2010-\u2027\u2030-\u205e\u3001-\u3003\u3008-\u3011\u3014-\u301f]*$/
const plainRuns = /[\u3400-\u4dbf\u4e00-\u9fff]+|[a-z0-9]+/g

/** The runs of `text` in order: adjacent Chinese word segments join into one run. */
export function textRuns(text: string): TextRun[] {
  const normalized = normalizeText(text)
  if (plainText.test(normalized)) {
    return Array.from(normalized.matchAll(plainRuns), ([run]) =>
      run.charCodeAt(0) > 0x7f ? { han: true, text: run } : { han: false, text: run.slice(0, maxWordLength) },
    )
  }
  return segmentedRuns(normalized)
}

function segmentedRuns(normalized: string): TextRun[] {
  const runs: TextRun[] = []
  let han: { text: string; end: number } | null = null
  const flush = (): void => {
    if (han) runs.push({ han: true, text: han.text })
    han = null
  }
  for (const { segment, index, isWordLike } of segmenter.segment(normalized)) {
    if (!isWordLike) {
      flush()
      continue
    }
    for (const part of splitScripts(segment)) {
      if (part.han && han && han.end === index + part.offset) {
        han.text += part.text
        han.end += part.text.length
      } else if (part.han) {
        flush()
        han = { text: part.text, end: index + part.offset + part.text.length }
      } else {
        flush()
        runs.push({ han: false, text: part.text.slice(0, maxWordLength) })
      }
    }
  }
  flush()
  return runs
}

/** A segment may mix scripts (ICU keeps `x方` together): Han characters and other letters part here. */
function splitScripts(segment: string): { han: boolean; text: string; offset: number }[] {
  const parts: { han: boolean; text: string; offset: number }[] = []
  for (const match of segment.matchAll(letterOrDigitRuns)) {
    let offset = match.index
    let current: { han: boolean; text: string; offset: number } | null = null
    for (const character of match[0]) {
      const han = hanCharacter.test(character)
      if (current && current.han === han) current.text += character
      else {
        if (current) parts.push(current)
        current = { han, text: character, offset }
      }
      offset += character.length
    }
    if (current) parts.push(current)
  }
  return parts
}

/** Overlapping two-character grams of a Han run; a one-character run has none. */
export function bigrams(run: string): string[] {
  const characters = [...run]
  const grams: string[] = []
  for (let i = 0; i + 1 < characters.length; i++) grams.push(characters[i]! + characters[i + 1]!)
  return grams
}

/** What an entry's text is indexed by (title and body are passed as separate texts). */
export function indexTerms(texts: readonly string[]): IndexTerms {
  const grams: string[] = []
  const chars = new Set<string>()
  for (const text of texts) {
    for (const run of textRuns(text)) {
      if (!run.han) {
        grams.push(run.text)
        continue
      }
      grams.push(...bigrams(run.text))
      for (const character of run.text) chars.add(character)
    }
  }
  return { grams: grams.join(' '), chars: [...chars].join(' ') }
}

/** What a query asks for; empty when it holds no word at all. */
export function queryTerms(query: string): QueryTerms {
  const phrases: string[][] = []
  const chars: string[] = []
  for (const run of textRuns(query.slice(0, maxQueryLength))) {
    if (phrases.length + chars.length >= maxQueryTerms) break
    if (!run.han) phrases.push([run.text])
    else if ([...run.text].length === 1) chars.push(run.text)
    else phrases.push(bigrams(run.text))
  }
  return { phrases, chars }
}

export function isEmptyQuery(terms: QueryTerms): boolean {
  return terms.phrases.length === 0 && terms.chars.length === 0
}

/** The words to mark in a snippet and to rank by: each run of the query as typed (normalized). */
export function queryWords(query: string): string[] {
  return textRuns(query.slice(0, maxQueryLength)).map((run) => run.text)
}
