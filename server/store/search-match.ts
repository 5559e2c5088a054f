/**
 * A query's terms in each backend's own syntax. Terms are letters and digits only (search-terms.ts),
 * so neither syntax can be broken out of; phrases keep their grams next to each other in both.
 */
import type { QueryTerms } from '../../shared/search/search-terms.ts'

/** An FTS5 MATCH expression over `search_fts`: every phrase in `grams`, every character in `chars`. */
export function ftsMatchOf(terms: QueryTerms): string {
  const parts = [
    ...terms.phrases.map((phrase) => `grams : "${phrase.join(' ')}"`),
    ...terms.chars.map((character) => `chars : "${character}"`),
  ]
  return parts.join(' AND ')
}

/** `to_tsquery('simple', …)` inputs for the `grams` and `chars` columns; null where nothing is asked of it. */
export function tsQueriesOf(terms: QueryTerms): { grams: string | null; chars: string | null } {
  const grams = terms.phrases.map((phrase) => `(${phrase.join(' <-> ')})`).join(' & ')
  const chars = terms.chars.join(' & ')
  return { grams: grams === '' ? null : grams, chars: chars === '' ? null : chars }
}
