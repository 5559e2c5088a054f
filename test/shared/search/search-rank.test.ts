import { describe, expect, it } from 'vitest'
import { rankCandidates } from '../../../shared/search/search-rank.ts'

const candidate = (key: string, title: string, versionNumber: number | null, datedAt: number) => ({
  key,
  title,
  versionNumber,
  datedAt,
})

describe('search ranking', () => {
  it('[SEARCH-6] puts titles naming every word first, then a 定稿 version, then the newest, then by key', () => {
    const ranked = rankCandidates(
      [
        candidate('a', '等式的性质', null, 5),
        candidate('b', '一元一次方程', null, 1),
        candidate('c', '一元一次方程', 2, 1),
        candidate('d', '方程的应用', null, 9),
        candidate('e', '等式的性质', null, 7),
        candidate('f', '等式的性质', null, 7),
      ],
      ['方程'],
    )
    expect(ranked.map((c) => c.key)).toEqual(['c', 'd', 'b', 'e', 'f', 'a'])
  })

  it('[SEARCH-6] ranks a title naming some words above one naming none', () => {
    const ranked = rankCandidates(
      [candidate('a', '函数', null, 9), candidate('b', '方程与函数', null, 1), candidate('c', '方程', null, 5)],
      ['方程', '函数'],
    )
    expect(ranked.map((c) => c.key)).toEqual(['b', 'a', 'c'])
  })
})
