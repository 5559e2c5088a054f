import { describe, expect, it } from 'vitest'
import { countChanges, diffBlocks } from '../../../shared/versions/block-diff.ts'
import { diffWords } from '../../../shared/versions/word-diff.ts'
import { type Block, documentBlocks } from '../../../shared/versions/document-blocks.ts'
import { editBody, fork, heading, paragraph, planDoc, retype, schema, stateOf } from './plan-documents.ts'

const block = (key: string, text: string, type = 'paragraph'): Block => ({
  key,
  type,
  text,
  section: '',
  sectionKey: '',
  json: { type, content: [{ type: 'text', text }] },
})

describe('diffBlocks', () => {
  it('reports nothing but same blocks for identical documents', () => {
    const blocks = [block('1:0', '学习目标'), block('1:5', '会解一元一次方程')]
    const changes = diffBlocks(blocks, blocks)
    expect(changes.map((change) => change.change)).toEqual(['same', 'same'])
    expect(countChanges(changes)).toBe(0)
  })

  it('shows the words inserted and deleted inside a passage edited in place', () => {
    const changes = diffBlocks([block('1:0', '移项要变号')], [block('1:0', '移项时一定要变号')])
    expect(changes).toHaveLength(1)
    const [change] = changes
    expect(change?.change).toBe('changed')
    if (change?.change !== 'changed') return
    expect(
      change.parts
        .filter((part) => part.change === 'added')
        .map((part) => part.text)
        .join(''),
    ).toBe('时一定')
    expect(countChanges(changes)).toBe(1)
  })

  it('[ADAPT-5] marks a rewritten word whole, not the characters that differ', () => {
    const [change] = diffBlocks([block('1:0', '各组展示正方体的展开图。')], [block('1:0', '各组展示长方体的展开图。')])
    expect(change?.change === 'changed' && change.parts).toEqual([
      { text: '各组展示', change: 'same' },
      { text: '正方体', change: 'removed' },
      { text: '长方体', change: 'added' },
      { text: '的展开图。', change: 'same' },
    ])
  })

  it('shows added and removed passages in document order', () => {
    const before = [block('1:0', '甲'), block('1:2', '乙'), block('1:4', '丙')]
    const after = [block('1:0', '甲'), block('2:0', '新增的一段'), block('1:4', '丙')]
    const changes = diffBlocks(before, after)
    expect(changes.map((change) => [change.change, change.block.text])).toEqual([
      ['same', '甲'],
      ['removed', '乙'],
      ['added', '新增的一段'],
      ['same', '丙'],
    ])
    expect(countChanges(changes)).toBe(2)
  })

  it('treats a retyped passage with a new identity as one changed passage when it reads alike', () => {
    const changes = diffBlocks([block('1:0', '合作探究：列方程解应用题')], [block('3:9', '合作探究：列方程解行程问题')])
    expect(changes.map((change) => change.change)).toEqual(['changed'])
  })

  it('keeps unrelated retyped passages apart', () => {
    const changes = diffBlocks([block('1:0', '课堂小结')], [block('3:9', '布置作业：第 12 页')])
    expect(changes.map((change) => change.change)).toEqual(['removed', 'added'])
  })

  it('counts a change of formatting alone once', () => {
    const plain = block('1:0', '重点')
    const bold: Block = {
      ...plain,
      json: { type: 'paragraph', content: [{ type: 'text', text: '重点', marks: [{ type: 'bold' }] }] },
    }
    const changes = diffBlocks([plain], [bold])
    expect(changes[0]?.change).toBe('changed')
    expect(countChanges(changes)).toBe(1)
  })

  it('counts a replacement of words as one place', () => {
    expect(diffWords('解：x=3', '解：x=5').filter((part) => part.change !== 'same')).toHaveLength(2)
    expect(countChanges(diffBlocks([block('1:0', '解：x=3')], [block('1:0', '解：x=5')]))).toBe(1)
  })
})

describe('document blocks', () => {
  it('keep their keys across a fork and an edit in place', () => {
    const plan = planDoc([heading('学习目标'), paragraph('会解方程'), paragraph('会检验')])
    const copy = fork(stateOf(plan))
    retype(copy, 1, '会解一元一次方程')
    const before = documentBlocks(plan, schema)
    const after = documentBlocks(copy, schema)
    expect(after.map((b) => b.key)).toEqual(before.map((b) => b.key))
    expect(after[1]).toMatchObject({ text: '会解一元一次方程', section: '学习目标' })
    expect(diffBlocks(before, after).map((change) => change.change)).toEqual(['same', 'changed', 'same'])
  })

  it('reach paragraphs inside lists', () => {
    const plan = planDoc([
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [paragraph('第一步')] },
          { type: 'listItem', content: [paragraph('第二步')] },
        ],
      },
    ])
    expect(documentBlocks(plan, schema).map((b) => b.text)).toEqual(['第一步', '第二步'])
    editBody(plan, (blocks) => [...blocks, paragraph('补充')])
    expect(documentBlocks(plan, schema).map((b) => b.text)).toEqual(['第一步', '第二步', '补充'])
  })
})
