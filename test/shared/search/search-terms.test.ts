import { describe, expect, it } from 'vitest'
import {
  bigrams,
  indexTerms,
  isEmptyQuery,
  maxQueryTerms,
  maxWordLength,
  queryTerms,
  queryWords,
  textRuns,
} from '../../../shared/search/search-terms.ts'

describe('search terms', () => {
  it('[SEARCH-1] has the full ICU data: Intl.Segmenter finds Chinese words', () => {
    const words = [...new Intl.Segmenter('zh', { granularity: 'word' }).segment('函数的图像')]
      .filter((segment) => segment.isWordLike)
      .map((segment) => segment.segment)
    expect(words).toEqual(['函数', '的', '图像'])
  })

  it('[SEARCH-1] joins Chinese words into runs between punctuation, and keeps Latin words and numbers whole', () => {
    expect(textRuns('解一元二次方程：两边相等，y=2x+1 的 Slope')).toEqual([
      { han: true, text: '解一元二次方程' },
      { han: true, text: '两边相等' },
      { han: false, text: 'y' },
      { han: false, text: '2x' },
      { han: false, text: '1' },
      { han: true, text: '的' },
      { han: false, text: 'slope' },
    ])
    // Full-width letters and digits are the same as half-width ones.
    expect(textRuns('ＡＢ１２')).toEqual([{ han: false, text: 'ab12' }])
    expect(textRuns('a'.repeat(100))).toEqual([{ han: false, text: 'a'.repeat(maxWordLength) }])
    expect(textRuns('x方程')).toEqual([
      { han: false, text: 'x' },
      { han: true, text: '方程' },
    ])
  })

  it('[SEARCH-1] indexes overlapping grams in reading order and each character once', () => {
    expect(bigrams('二次方程')).toEqual(['二次', '次方', '方程'])
    expect(bigrams('方')).toEqual([])
    expect(indexTerms(['一元二次方程', '方程，相等 Y=2X'])).toEqual({
      grams: '一元 元二 二次 次方 方程 方程 相等 y 2x',
      chars: '一 元 二 次 方 程 相 等',
    })
  })

  it('[SEARCH-2] asks for each run of the query: a phrase of grams, a single character, or a word', () => {
    expect(queryTerms('方程')).toEqual({ phrases: [['方程']], chars: [] })
    expect(queryTerms('二次方程 函')).toEqual({ phrases: [['二次', '次方', '方程']], chars: ['函'] })
    expect(queryTerms('Slope 2x')).toEqual({ phrases: [['slope'], ['2x']], chars: [] })
    expect(queryWords('二次方程，函')).toEqual(['二次方程', '函'])
    expect(isEmptyQuery(queryTerms('，。！  '))).toBe(true)
    const many = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ')
    expect(queryTerms(many).phrases).toHaveLength(maxQueryTerms)
  })

  it('[SEARCH-2] finds a query phrase inside any longer word of the text', () => {
    const indexed = indexTerms(['解一元二次方程组']).grams.split(' ')
    for (const phrase of queryTerms('方程 二次方程 一元').phrases) {
      const at = indexed.indexOf(phrase[0]!)
      expect(indexed.slice(at, at + phrase.length)).toEqual(phrase)
    }
  })
})
