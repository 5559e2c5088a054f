/**
 * The order of results (SEARCH-6), decided here and not by either database's own ranking, so that both
 * backends list the same results in the same order: what names the query in its title first, then a
 * 定稿 version before a draft of the same weight, then the newest, then by key.
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

export function rankScore(candidate: RankedCandidate, words: readonly string[]): number {
  const title = normalizeText(candidate.title)
  const found = words.filter((word) => title.includes(word)).length
  const titleScore = words.length > 0 && found === words.length ? 4 : found > 0 ? 2 : 0
  return titleScore + (candidate.versionNumber !== null ? 1 : 0)
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
