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
import { randomSource } from '../../helpers/random-source.ts'

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

  it('[SEARCH-1] reads plain Chinese and ASCII without the segmenter exactly as ICU does', () => {
    const random = randomSource(7)
    const alphabet = [
      ...'的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要她出也得里后自以会家可下而过天去能对小多然于心学么之都好看起发当没成只如事把还用第样道想作种开美总从无情己面最女但现前些所同日手又行意动方期它头经长儿回位分爱老因很给名法间斯知世什两次使身者被高已亲其进此话常与活正感',
      ...'、。〃〈〉《》「」『』【】〔〕〖〗〘〙〚〛〜〝〞〟“”‘’—―…·‰′″‹›※‼⁇⁈⁉⁎⁏⁐⁑⁒⁓⁔⁕⁖⁗⁘⁙⁚⁛⁜⁝⁞',
      ...'abcXYZ0123456789 \n\t.,;:!?\'"-_()[]{}<>/@#$%^&*+=~`|\\',
    ]
    const texts = Array.from({ length: 400 }, () =>
      Array.from(
        { length: 1 + Math.floor(random() * 60) },
        () => alphabet[Math.floor(random() * alphabet.length)]!,
      ).join(''),
    )
    texts.push("二次方程x方程3.5个 don't 第3课：《背影》a_b", 'Unit 3 My school（第１稿）')
    for (const text of texts) {
      // A character of another script sends the text through ICU; after a space it cannot change the runs before.
      expect(textRuns(text), text).toEqual(textRuns(`${text} é`).slice(0, -1))
    }
  })
})
