import { describe, expect, it } from 'vitest'
import { matchRanges, snippetOf, snippetPieces } from '../../../shared/search/search-snippet.ts'
import { normalizeText } from '../../../shared/search/search-terms.ts'

describe('search snippets', () => {
  it('[SEARCH-5] marks every query word in a window around the first one found', () => {
    const text = `${'甲'.repeat(60)}解方程时两边相等${'乙'.repeat(60)}`
    const snippet = snippetOf(text, ['方程', '相等'], 40)
    expect(snippet).toBe(`…${'甲'.repeat(23)}解<mark>方程</mark>时两边<mark>相等</mark>${'乙'.repeat(9)}…`)
  })

  it('[SEARCH-5] escapes what the teacher wrote, so only the marks are markup', () => {
    const snippet = snippetOf('<img src=x onerror=alert(1)> & "方程"', ['方程'])
    expect(snippet).toBe('&#60;img src=x onerror=alert(1)&#62; &#38; &#34;<mark>方程</mark>&#34;')
    expect(snippetPieces(snippet)).toEqual([
      { text: '<img src=x onerror=alert(1)> & "', marked: false },
      { text: '方程', marked: true },
      { text: '"', marked: false },
    ])
    // Text that looks like a mark is escaped too, and stays text.
    expect(snippetPieces(snippetOf('<mark>x</mark> 方程', ['方程']))[0]).toEqual({
      text: '<mark>x</mark> ',
      marked: false,
    })
  })

  it('[SEARCH-5] matches as the index does: case and width do not matter, overlaps merge', () => {
    expect(matchRanges('Slope ＳＬＯＰＥ', ['slope'])).toEqual([
      [0, 5],
      [6, 11],
    ])
    expect(matchRanges('二次方程', ['二次方', '方程'])).toEqual([[0, 4]])
  })

  it('[SEARCH-5] shows the beginning when only the title matched', () => {
    expect(snippetOf('学习目标：会画图像', ['方程'])).toBe('学习目标：会画图像')
    expect(snippetOf('', ['方程'])).toBe('')
  })

  it('[SEARCH-5] maps every character as normalizing it alone would, those it skips included', () => {
    const wrong: string[] = []
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code < 0xe000) continue
      const character = String.fromCharCode(code)
      const normalized = normalizeText(character)
      if (normalized === '') continue
      const ranges = matchRanges(`甲${character}乙`, [normalized])
      if (!ranges.some(([from, to]) => from <= 1 && to >= 2)) wrong.push(code.toString(16))
    }
    expect(wrong).toEqual([])
  })
})
