import { describe, expect, it } from 'vitest'
import { diffWords, type TextPart, wordsOf } from '../../../shared/versions/word-diff.ts'

/** The parts as one line: [-removed-] {+added+}. */
function marked(parts: readonly TextPart[]): string {
  return parts
    .map(({ text, change }) => (change === 'added' ? `{+${text}+}` : change === 'removed' ? `[-${text}-]` : text))
    .join('')
}

describe('[ADAPT-5] diffs are by words', () => {
  it('segments Chinese into words with the runtime’s dictionary (full ICU)', () => {
    expect(wordsOf('各组展示正方体的展开图并说明理由。')).toEqual([
      '各组',
      '展示',
      '正方体',
      '的',
      '展开',
      '图',
      '并',
      '说明',
      '理由',
      '。',
    ])
  })

  it.each([
    [
      'a word replaced shows whole',
      '各组展示正方体的展开图。',
      '各组展示长方体的展开图。',
      '各组展示[-正方体-]{+长方体+}的展开图。',
    ],
    [
      'words added at the start',
      '各组展示展开图。',
      '（限时5分钟）各组展示展开图。',
      '{+（限时5分钟）+}各组展示展开图。',
    ],
    [
      'words deleted in the middle',
      '完成课本第1、2题，并标出相对的面。',
      '完成课本第1、2题。',
      '完成课本第1、2题[-，并标出相对的面-]。',
    ],
    ['a phrase rewritten', 'B 原文，分组讨论', 'B 修订稿，分组讨论', 'B [-原文-]{+修订稿+}，分组讨论'],
    ['a number changed', '解：x=3', '解：x=5', '解：x=[-3-]{+5+}'],
    ['nothing changed', '学习目标', '学习目标', '学习目标'],
    ['everything new', '', '课后反思', '{+课后反思+}'],
    ['everything gone', '课后反思', '', '[-课后反思-]'],
  ])('%s', (_case, before, after, expected) => {
    const parts = diffWords(before, after)
    expect(marked(parts)).toBe(expected)
    // Both texts come back whole from the parts.
    expect(
      parts
        .filter((part) => part.change !== 'added')
        .map((part) => part.text)
        .join(''),
    ).toBe(before)
    expect(
      parts
        .filter((part) => part.change !== 'removed')
        .map((part) => part.text)
        .join(''),
    ).toBe(after)
  })
})
