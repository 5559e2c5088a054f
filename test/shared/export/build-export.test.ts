/** What each edition prints, decided once for every renderer. */
import { describe, expect, it } from 'vitest'
import { buildExport } from '../../../shared/export/build-export.ts'
import type { ExportBlock } from '../../../shared/export/export-model.ts'
import { buildEditorSchema } from '../../../shared/schema/editor-schema.ts'

const schema = buildEditorSchema()
const text = (value: string) => ({ type: 'text', text: value })
const paragraph = (value: string, attrs: Record<string, unknown> = {}) => ({
  type: 'paragraph',
  attrs,
  content: [text(value)],
})
const section = (key: string, title: string, teacherOnly: boolean, ...content: object[]) => ({
  type: 'section',
  attrs: { key, title, hint: '', teacherOnly },
  content,
})

const plan = schema.nodeFromJSON({
  type: 'doc',
  content: [
    {
      type: 'lessonHeader',
      content: [
        { type: 'headerField', attrs: { field: 'subject' }, content: [text('数学')] },
        { type: 'headerField', attrs: { field: 'topic' } },
      ],
    },
    section('objectives', '学习目标', false, {
      type: 'orderedList',
      attrs: { start: 3 },
      content: [{ type: 'listItem', content: [paragraph('会列方程')] }],
    }),
    section('timing', '时间安排', true, paragraph('探究一 8 分钟')),
    section('classCheck', '当堂检测', false, paragraph('求 a 的值。'), paragraph('a = 4', { teacherOnly: true }), {
      type: 'paragraph',
      content: [
        { ...text('链接'), marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
        { type: 'hardBreak' },
        { ...text('加粗'), marks: [{ type: 'bold' }] },
      ],
    }),
  ],
})

function texts(blocks: readonly ExportBlock[]): string[] {
  return blocks.flatMap((block): string[] => {
    switch (block.kind) {
      case 'section':
        return [`${block.number}、${block.title}`, ...texts(block.blocks)]
      case 'paragraph':
      case 'heading':
        return [block.inlines.map((inline) => inline.text).join('')]
      case 'list':
        return block.items.flatMap(texts)
      default:
        return []
    }
  })
}

describe('buildExport', () => {
  it('学生版 leaves out 教师用 blocks and sections and numbers what is printed without gaps', () => {
    const model = buildExport(plan, { edition: 'student', title: '课题', subtitle: '学生版' })
    expect(model.studentLine).toBe(true)
    expect(texts(model.blocks)).toEqual(['一、学习目标', '会列方程', '二、当堂检测', '求 a 的值。', '链接\n加粗'])
  })

  it('教师版 keeps everything, flagged teacher-only', () => {
    const model = buildExport(plan, { edition: 'teacher', title: '课题', subtitle: '教师版' })
    expect(model.studentLine).toBe(false)
    expect(texts(model.blocks)).toEqual([
      '一、学习目标',
      '会列方程',
      '二、时间安排',
      '探究一 8 分钟',
      '三、当堂检测',
      '求 a 的值。',
      'a = 4',
      '链接\n加粗',
    ])
    expect(model.blocks[1]).toMatchObject({ kind: 'section', teacherOnly: true })
    const check = model.blocks[2] as Extract<ExportBlock, { kind: 'section' }>
    expect(check.blocks[1]).toMatchObject({ kind: 'paragraph', teacherOnly: true })
  })

  it('reads the header fields as labelled rows, empty ones left to fill in', () => {
    expect(buildExport(plan, { edition: 'student', title: '', subtitle: '' }).header).toEqual([
      { label: '学科', value: '数学' },
      { label: '课题', value: '' },
    ])
  })

  it('keeps list starts, marks and line breaks; drops script links', () => {
    const model = buildExport(plan, { edition: 'student', title: '', subtitle: '' })
    const objectives = model.blocks[0] as Extract<ExportBlock, { kind: 'section' }>
    expect(objectives.blocks[0]).toMatchObject({ kind: 'list', ordered: true, start: 3 })
    const check = model.blocks[1] as Extract<ExportBlock, { kind: 'section' }>
    expect(check.blocks[1]).toEqual({
      kind: 'paragraph',
      teacherOnly: false,
      inlines: [{ text: '链接' }, { text: '\n', lineBreak: true }, { text: '加粗', bold: true }],
    })
  })
})
