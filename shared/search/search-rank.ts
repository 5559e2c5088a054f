/**
 * The order of results (SEARCH-6), decided here and not by either database's own ranking, so that both
 * backends list the same results in the same order: what names the query in its title first, then a
 * 定稿 version before a draft of the same weight, then the newest, then by key. The store ranks every
 * match in its query with these weights (`search-queries.ts`), reading only the first page; this is the
 * rule it must agree with, and the contract suite checks that it does on both backends.
 */
import { normalizeText } from './search-terms.ts'

export interface RankedCandidate {
  key: string
  title: string
  /** A 定稿 version's number; null for everything else. */
  versionNumber: number | null
  /** When its source last changed, ms since the epoch. */
  datedAt: number
}

/** What each part of a candidate's score weighs; the store's query adds up the same parts (SEARCH-6). */
export const rankWeights = {
  /** The title names every word of the query. */
  titleAll: 4,
  /** The title names some of them. */
  titleSome: 2,
  /** A 定稿 version, before a draft of the same weight. */
  version: 1,
} as const

export function rankScore(candidate: RankedCandidate, words: readonly string[]): number {
  const title = normalizeText(candidate.title)
  const found = words.filter((word) => title.includes(word)).length
  const titleScore =
    words.length > 0 && found === words.length ? rankWeights.titleAll : found > 0 ? rankWeights.titleSome : 0
  return titleScore + (candidate.versionNumber !== null ? rankWeights.version : 0)
}

export function rankCandidates<T extends RankedCandidate>(candidates: readonly T[], words: readonly string[]): T[] {
  const scored = candidates.map((candidate) => ({ candidate, score: rankScore(candidate, words) }))
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      b.candidate.datedAt - a.candidate.datedAt ||
      (a.candidate.key < b.candidate.key ? -1 : a.candidate.key > b.candidate.key ? 1 : 0),
  )
  return scored.map(({ candidate }) => candidate)
}
