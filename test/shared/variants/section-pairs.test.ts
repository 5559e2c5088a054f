import { describe, expect, it } from 'vitest'
import { pairSections, sectionsOf } from '../../../shared/variants/section-pairs.ts'
import { documentBlocks } from '../../../shared/versions/document-blocks.ts'
import { heading, paragraph, planDoc, schema } from '../versions/plan-documents.ts'

const section = (key: string, title: string, ...texts: string[]) => ({
  type: 'section',
  attrs: { key, title, hint: '' },
  content: texts.map(paragraph),
})

describe('同课异构 section pairs', () => {
  it('pairs sections of the same template by key, even when one design renamed a section', () => {
    const zhang = planDoc([
      section('goals', '学习目标', '会列方程'),
      section('explore', '合作探究', '行程问题', '工程问题'),
    ])
    const liu = planDoc([
      section('goals', '学习目标', '理解等量关系'),
      section('check', '当堂检测', '练习一'),
      section('explore', '探究活动', '分组实验'),
    ])
    const pairs = pairSections(sectionsOf(documentBlocks(zhang, schema)), sectionsOf(documentBlocks(liu, schema)))
    expect(
      pairs.map((pair) => [pair.title, pair.left?.map((b) => b.text) ?? null, pair.right?.map((b) => b.text) ?? null]),
    ).toEqual([
      ['学习目标', ['会列方程'], ['理解等量关系']],
      ['当堂检测', null, ['练习一']],
      ['合作探究', ['行程问题', '工程问题'], ['分组实验']],
    ])
  })

  it('pairs plans without template sections by their headings', () => {
    const zhang = planDoc([heading('导入'), paragraph('复习'), heading('新课'), paragraph('讲解')])
    const liu = planDoc([heading('新课'), paragraph('实验')])
    const pairs = pairSections(sectionsOf(documentBlocks(zhang, schema)), sectionsOf(documentBlocks(liu, schema)))
    expect(pairs.map((pair) => [pair.title, pair.left?.length ?? 0, pair.right?.length ?? 0])).toEqual([
      ['导入', 2, 0],
      ['新课', 2, 2],
    ])
  })

  it('gives blocks inside a template section that section’s title, not a heading’s', () => {
    const plan = planDoc([
      section('explore', '合作探究', '问题一'),
      {
        type: 'section',
        attrs: { key: 'x', title: '拓展延伸', hint: '' },
        content: [heading('小标题'), paragraph('内容')],
      },
    ])
    expect(documentBlocks(plan, schema).map((block) => [block.section, block.sectionKey, block.text])).toEqual([
      ['合作探究', 'explore', '问题一'],
      ['拓展延伸', 'x', '小标题'],
      ['拓展延伸', 'x', '内容'],
    ])
  })
})
