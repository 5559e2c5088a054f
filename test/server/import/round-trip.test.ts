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

const schema = buildEditorSchema()
const p = (text: string, attrs: Record<string, unknown> = {}): JSONContent => ({ type: 'paragraph', attrs, content: [{ type: 'text', text }] })
const item = (text: string): JSONContent => ({ type: 'listItem', content: [p(text)] })
const cell = (text: string): JSONContent => ({ type: 'tableCell', content: [p(text)] })

/** A written 导学案: lists, a table, an answer marked 教师用, and a section the school added. */
function writtenPlan(): JSONContent {
  const plan = buildLessonPlan(defaultLessonTemplate, { subject: '数学', grade: '七年级', topic: '3.2 解一元一次方程', classes: '七（3）班' })
  const body = (key: string, content: JSONContent[]) => {
    plan.content!.find((node) => node.attrs?.key === key)!.content = content
  }
  body('objectives', [{ type: 'orderedList', content: [item('会合并同类项'), item('会解方程')] }])
  body('inquiry', [
    p('列表分析：'),
    { type: 'table', content: [{ type: 'tableRow', content: [cell('年份'), cell('台数')] }, { type: 'tableRow', content: [cell('前年'), cell('x')] }] },
    { type: 'bulletList', content: [item('小组讨论'), item('代表发言')] },
  ])
  body('classCheck', [p('解方程 3x + 5x = 16'), p('答案：x = 2', { teacherOnly: true })])
  plan.content!.push({ type: 'section', attrs: { key: 'custom-1', title: '板书设计', hint: '', teacherOnly: false }, content: [p('合并 → 系数化为 1')] })
  return plan
}

describe('export → import round trip', () => {
  it('keeps the sections in order, the lists and the tables of a 教师版', async () => {
    const doc = schema.nodeFromJSON(writtenPlan())
    const file = await docxOf(buildExport(doc, { edition: 'teacher', title: '3.2 解一元一次方程 导学案', subtitle: '七年级数学备课组' }), new Map())
    const { lesson, unkept } = await readDocx(file, defaultLessonTemplate)

    expect(lesson.outline.map((section) => section.key)).toEqual([...defaultLessonTemplate.sections.map((section) => section.key), 'imported-1'])
    expect(lesson.outline.at(-1)!.title).toBe('板书设计')
    expect(lesson.header).toMatchObject({ subject: '数学', grade: '七年级', topic: '3.2 解一元一次方程', classes: '七（3）班' })
    expect(unkept.filter((entry) => entry.kind !== 'formatting')).toEqual([])

    const imported = schema.nodeFromJSON(importedLessonPlan(lesson, {}))
    expect(() => documentUpdateOf(imported.toJSON())).not.toThrow()
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
    const file = await docxOf(buildExport(doc, { edition: 'student', title: '3.2 解一元一次方程 导学案', subtitle: '' }), new Map())
    const { lesson } = await readDocx(file, defaultLessonTemplate)
    expect(lesson.outline.map((section) => section.key)).not.toContain('reflection')
    expect(JSON.stringify(lesson.sections)).not.toMatch(/班级|x = 2/)
  })
})
