import { describe, expect, it } from 'vitest'
import {
  chineseNumeralOf,
  isMarkedTeacherOnly,
  matchTemplateSection,
  normalizeHeading,
} from '../../../shared/import/section-titles.ts'
import { defaultLessonTemplate } from '../../../shared/template/default-template.ts'

const { sections } = defaultLessonTemplate
const keyOf = (heading: string, taken: Set<string> = new Set()) =>
  matchTemplateSection(heading, sections, taken)?.key ?? null

describe('normalizeHeading', () => {
  it.each([
    ['一、学习目标', '学习目标'],
    ['1. 学习目标', '学习目标'],
    ['2、重点难点：', '重点难点'],
    ['（一）自主学习', '自主学习'],
    ['(3) 合作探究', '合作探究'],
    ['【当堂检测】', '当堂检测'],
    ['三、【课堂小结】', '课堂小结'],
    ['第二部分 合作探究', '合作探究'],
    ['① 展示交流', '展示交流'],
    ['  学 习 目 标  ', '学习目标'],
  ])('%s → %s', (heading, expected) => {
    expect(normalizeHeading(heading)).toBe(expected)
  })

  it('keeps a title that is only a number', () => {
    expect(normalizeHeading('3.2')).toBe('3.2')
  })
})

describe('matchTemplateSection', () => {
  it.each([
    ['一、学习目标', 'objectives'],
    ['教学目标', 'objectives'],
    ['【学习重难点】', 'keyPoints'],
    ['三、自主学习', 'preview'],
    ['课前预习', 'preview'],
    ['四、合作探究', 'inquiry'],
    ['达标测评', 'classCheck'],
    ['当堂训练', 'classCheck'],
    ['课堂小结', 'summary'],
    ['课后作业', 'homework'],
    ['七、拓展延伸', 'homework'],
    ['教学反思', 'reflection'],
  ])('%s is %s', (heading, key) => {
    expect(keyOf(heading)).toBe(key)
  })

  it('leaves headings that are no template section unmatched', () => {
    expect(keyOf('板书设计')).toBeNull()
    expect(keyOf('例 1')).toBeNull()
    expect(keyOf('')).toBeNull()
  })

  it('matches each section once', () => {
    expect(keyOf('合作探究', new Set(['inquiry']))).toBeNull()
  })

  it('follows the school’s own titles', () => {
    const own = [{ key: 'custom-1', title: '我的发现', hint: '', teacherOnly: false }]
    expect(matchTemplateSection('二、我的发现：', own, new Set())?.key).toBe('custom-1')
  })
})

describe('chineseNumeralOf', () => {
  it.each([
    ['一、学习目标', 1],
    ['九、课堂小结', 9],
    ['十、课后反思', 10],
    ['十一、板书设计', 11],
    ['二十、附录', 20],
    ['二十三、附录', 23],
    ['1. 学习目标', null],
    ['一一、错', null],
    ['学习目标', null],
  ])('%s → %s', (heading, expected) => {
    expect(chineseNumeralOf(heading)).toBe(expected)
  })
})

describe('the 【教师用】 an exported 教师版 puts after a title', () => {
  it('is recognised and is no part of the title', () => {
    expect(isMarkedTeacherOnly('十、课后反思 【教师用】')).toBe(true)
    expect(normalizeHeading('十、课后反思 【教师用】')).toBe('课后反思')
    expect(isMarkedTeacherOnly('课后反思')).toBe(false)
  })
})
