import { describe, expect, it } from 'vitest'
import { limits } from '../../../shared/limits.ts'
import { type Mentionable, matchesMention, mentionChoices, mentionsInBody } from '../../../shared/threads/mentions.ts'

const wang: Mentionable = { id: 'wang', displayName: '王芳', spelling: 'wangfang wf' }
const wangLong: Mentionable = { id: 'wang2', displayName: '王芳芳', spelling: 'wangfangfang wff' }
const li: Mentionable = { id: 'li', displayName: '李明', spelling: 'liming lm' }
const zeng: Mentionable = { id: 'zeng', displayName: '曾老师', spelling: 'zenglaoshi zls' }
const lily: Mentionable = { id: 'lily', displayName: 'Lily', spelling: 'lily l' }
const members = [wang, li, zeng, lily]

describe('matchesMention (MENTION-1)', () => {
  it.each([
    ['', true],
    ['王', true],
    ['芳', true],
    ['wang', true],
    ['WangF', true],
    ['fang', true],
    ['wf', true],
    ['wang fang', true],
    ['li', false],
    ['张', false],
    ['wfx', false],
  ])('王芳 for 「@%s」: %s', (query, offered) => {
    expect(matchesMention(wang, query)).toBe(offered)
  })

  it('reads a surname as a surname and a Latin name in any case', () => {
    expect(matchesMention(zeng, 'zeng')).toBe(true)
    expect(matchesMention(zeng, 'zl')).toBe(true)
    // Initials match from their start: 「ls」 is the end of every 某老师's.
    expect(matchesMention(zeng, 'ls')).toBe(false)
    expect(matchesMention(lily, 'LI')).toBe(true)
  })
})

describe('mentionChoices', () => {
  it('leaves the author out and offers a short list', () => {
    expect(mentionChoices(members, '', 'li').map((member) => member.id)).toEqual(['wang', 'zeng', 'lily'])
    const many = Array.from({ length: 20 }, (_, index) => ({
      id: `t${index}`,
      displayName: `老师${index}`,
      spelling: '',
    }))
    expect(mentionChoices(many, '老师', 'nobody')).toHaveLength(8)
  })
})

describe('mentionsInBody (MENTION-2)', () => {
  it('keeps a picked member while 「@名字」 is still in the words', () => {
    expect(mentionsInBody('请@王芳看看第二题', ['wang'], members, 'li')).toEqual(['wang'])
    expect(mentionsInBody('请看看第二题', ['wang'], members, 'li')).toEqual([])
  })

  it('takes a name typed out in full after 「@」 or 「＠」 as picked', () => {
    expect(mentionsInBody('＠李明 你觉得呢', [], members, 'wang')).toEqual(['li'])
    expect(mentionsInBody('@李明@曾老师', [], members, 'wang')).toEqual(['li', 'zeng'])
  })

  it('tells nobody for words that only look like a mention', () => {
    expect(mentionsInBody('@全体 老师 wang@school.cn 李明', [], members, 'zeng')).toEqual([])
    expect(mentionsInBody('@李', [], members, 'zeng')).toEqual([])
  })

  it('does not guess between two members of the same name, but keeps the one picked', () => {
    const twins = [...members, { id: 'wang-b', displayName: '王芳', spelling: 'wangfang wf' }]
    expect(mentionsInBody('@王芳 请看', [], twins, 'li')).toEqual([])
    expect(mentionsInBody('@王芳 请看', ['wang-b'], twins, 'li')).toEqual(['wang-b'])
  })

  it('reads 「@王芳芳」 as 王芳芳, not 王芳', () => {
    const both = [...members, wangLong]
    expect(mentionsInBody('@王芳芳 请看', [], both, 'li')).toEqual(['wang2'])
    expect(mentionsInBody('@王芳芳 和 @王芳', [], both, 'li').sort()).toEqual(['wang', 'wang2'])
  })

  it('never names the author, and names at most the schema’s bound', () => {
    expect(mentionsInBody('@李明 我自己', ['li'], members, 'li')).toEqual([])
    const crowd = Array.from({ length: limits.maxThreadMentions + 5 }, (_, index) => ({
      id: `t${index}`,
      displayName: `甲${index}乙`,
      spelling: '',
    }))
    const text = crowd.map((member) => `@${member.displayName}`).join(' ')
    expect(mentionsInBody(text, [], crowd, 'nobody')).toHaveLength(limits.maxThreadMentions)
  })
})
