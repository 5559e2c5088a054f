import { describe, expect, it } from 'vitest'
import { ftsMatchOf, tsQueriesOf } from '../../../server/store/search-match.ts'
import { queryTerms } from '../../../shared/search/search-terms.ts'

describe('a query in each backend syntax', () => {
  it('[SEARCH-2] keeps phrases together and asks for every term, in FTS5 and in tsquery', () => {
    const terms = queryTerms('二次方程 函 Slope')
    expect(ftsMatchOf(terms)).toBe('grams : "二次 次方 方程" AND grams : "slope" AND chars : "函"')
    expect(tsQueriesOf(terms)).toEqual({ grams: '(二次 <-> 次方 <-> 方程) & (slope)', chars: '函' })
    expect(tsQueriesOf(queryTerms('方'))).toEqual({ grams: null, chars: '方' })
  })
})
