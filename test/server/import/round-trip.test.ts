import type { JSONContent } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import { docxOf } from '../../../server/export/docx/docx-file.ts'
import { readDocx } from '../../../server/import/read-docx.ts'
import { documentUpdateOf } from '../../../server/template/new-lesson-plan.ts'
import { buildExport } from '../../../shared/export/build-export.ts'
import { importedLessonPlan } from '../../../shared/import/imported-plan.ts'
import { buildEditorSchema } from '../../../shared/schema/editor-schema.ts'
import { buildLessonPlan } from '../../../shared/template/build-lesson-plan.ts'
import { defaultLessonTemplate } from '../../../shared/template/default-template.ts'
import { sample } from '../export/export-fixtures.ts'
import { readDocx as readExported } from '../export/docx-reader.ts'

const schema = buildEditorSchema()
const p = (text: string, attrs: Record<string, unknown> = {}): JSONContent => ({
  type: 'paragraph',
  attrs,
  content: [{ type: 'text', text }],
})
const item = (text: string): JSONContent => ({ type: 'listItem', content: [p(text)] })
const cell = (text: string): JSONContent => ({ type: 'tableCell', content: [p(text)] })

/** A written 导学案: lists, a table, an answer marked 教师用, and a section the school added. */
function writtenPlan(): JSONContent {
  const plan = buildLessonPlan(defaultLessonTemplate, {
    subject: '数学',
    grade: '七年级',
    topic: '3.2 解一元一次方程',
    classes: '七（3）班',
  })
  const body = (key: string, content: JSONContent[]) => {
    plan.content!.find((node) => node.attrs?.key === key)!.content = content
  }
  body('objectives', [{ type: 'orderedList', content: [item('会合并同类项'), item('会解方程')] }])
  body('inquiry', [
    p('列表分析：'),
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell('年份'), cell('台数')] },
        { type: 'tableRow', content: [cell('前年'), cell('x')] },
      ],
    },
    { type: 'bulletList', content: [item('小组讨论'), item('代表发言')] },
  ])
  body('classCheck', [p('解方程 3x + 5x = 16'), p('答案：x = 2', { teacherOnly: true })])
  plan.content!.push({
    type: 'section',
    attrs: { key: 'custom-1', title: '板书设计', hint: '', teacherOnly: false },
    content: [p('合并 → 系数化为 1')],
  })
  return plan
}

describe('export → import round trip', () => {
  it('keeps the sections in order, the lists and the tables of a 教师版', async () => {
    const doc = schema.nodeFromJSON(writtenPlan())
    const file = await docxOf(
      buildExport(doc, { edition: 'teacher', title: '3.2 解一元一次方程 导学案', subtitle: '七年级数学备课组' }),
      new Map(),
    )
    const { lesson, unkept } = await readDocx(file, defaultLessonTemplate)

    expect(lesson.outline.map((section) => section.key)).toEqual([
      ...defaultLessonTemplate.sections.map((section) => section.key),
      'imported-1',
    ])
    expect(lesson.outline.at(-1)!.title).toBe('板书设计')
    expect(lesson.header).toMatchObject({
      subject: '数学',
      grade: '七年级',
      topic: '3.2 解一元一次方程',
      classes: '七（3）班',
    })
    expect(unkept.filter((entry) => entry.kind !== 'formatting')).toEqual([])

    const imported = schema.nodeFromJSON(importedLessonPlan(lesson, {}))
    expect(() => documentUpdateOf(imported.toJSON() as JSONContent)).not.toThrow()
    const section = (key: string) => lesson.sections.find((node) => node.attrs?.key === key)!
    expect(section('objectives').content!.map((block) => block.type)).toEqual(['orderedList'])
    expect(section('inquiry').content!.map((block) => block.type)).toEqual(['paragraph', 'table', 'bulletList'])
    expect(section('inquiry').content![1]!.content).toHaveLength(2)
    const answer = section('classCheck').content!.find((block) => JSON.stringify(block).includes('x = 2'))!
    expect(answer.attrs?.teacherOnly).toBe(true)
    expect(section('reflection').attrs?.teacherOnly).toBe(true)
  })

  it('reads a 学生版 without its 班级 / 姓名 / 学号 line and without what it leaves out', async () => {
    const doc = schema.nodeFromJSON(writtenPlan())
    const file = await docxOf(
      buildExport(doc, { edition: 'student', title: '3.2 解一元一次方程 导学案', subtitle: '' }),
      new Map(),
    )
    const { lesson } = await readDocx(file, defaultLessonTemplate)
    expect(lesson.outline.map((section) => section.key)).not.toContain('reflection')
    expect(JSON.stringify(lesson.sections)).not.toMatch(/班级|x = 2/)
  })

  it('[EXPORT-7] export, import, export again: the same text, body rows stay body rows, each 【教师用】 printed once', async () => {
    const options = { edition: 'teacher' as const, title: '3.1.1 一元一次方程 导学案', subtitle: '七年级数学备课组' }
    const original = schema.nodeFromJSON(sample())
    const first = await docxOf(buildExport(original, options), new Map())
    const { lesson } = await readDocx(first, defaultLessonTemplate)
    const imported = schema.nodeFromJSON(importedLessonPlan(lesson, {}))
    const second = await docxOf(buildExport(imported, options), new Map())

    expect(readExported(second).text).toBe(readExported(first).text)
    expect(readExported(second).text).not.toContain('【教师用】【教师用】')
    const headerRows = (doc: typeof original) => {
      const rows: boolean[] = []
      doc.descendants((node) => {
        if (node.type.name === 'tableRow')
          rows.push(node.childCount > 0 && node.children.every((cell) => cell.type.name === 'tableHeader'))
        return true
      })
      return rows
    }
    expect(headerRows(imported)).toEqual(headerRows(original))
    const teacherOnlyTexts = (doc: typeof original) => {
      const texts: string[] = []
      doc.descendants((node) => {
        if (node.attrs['teacherOnly'] === true && node.type.name !== 'section') texts.push(node.textContent)
        return node.type.name === 'section' || node.type.name === 'doc'
      })
      return texts
    }
    expect(teacherOnlyTexts(imported)).toEqual(teacherOnlyTexts(original))
  })

  it('[EXPORT-8] the 【教师用】 line above a table marks that table alone; a section’s headings keep their level', async () => {
    const plan = writtenPlan()
    plan.content!.find((node) => node.attrs?.key === 'inquiry')!.content = [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '探究一' }] },
      {
        type: 'table',
        attrs: { teacherOnly: true },
        content: [{ type: 'tableRow', content: [cell('答案'), cell('x = 2')] }],
      },
      p('小组讨论'),
      { type: 'paragraph', attrs: { teacherOnly: true } },
      p('代表发言'),
    ]
    const file = await docxOf(
      buildExport(schema.nodeFromJSON(plan), { edition: 'teacher', title: '3.2 解一元一次方程 导学案', subtitle: '' }),
      new Map(),
    )
    const { lesson } = await readDocx(file, defaultLessonTemplate)
    const inquiry = lesson.sections.find((node) => node.attrs?.key === 'inquiry')!.content!
    expect(
      inquiry.map((block): unknown[] => [
        block.type,
        block.attrs?.['level'] ?? null,
        Boolean(block.attrs?.teacherOnly),
      ]),
    ).toEqual([
      ['heading', 2, false],
      ['table', null, true],
      ['paragraph', null, false],
      ['paragraph', null, false],
    ])
    expect(JSON.stringify(inquiry)).not.toContain('【教师用】')
  })
})
