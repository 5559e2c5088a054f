import type { JSONContent } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import { importedLessonPlan } from '../../../shared/import/imported-plan.ts'
import { leadingSectionTitle, lessonFromBlocks } from '../../../shared/import/lesson-from-blocks.ts'
import { teacherNoteOf } from '../../../shared/import/teacher-notes.ts'
import { buildEditorSchema } from '../../../shared/schema/editor-schema.ts'
import { defaultLessonTemplate } from '../../../shared/template/default-template.ts'

const text = (value: string): JSONContent => ({ type: 'text', text: value })
const p = (value: string): JSONContent => ({ type: 'paragraph', content: [text(value)] })
const h = (level: number, value: string): JSONContent => ({ type: 'heading', attrs: { level }, content: [text(value)] })
const cell = (value: string): JSONContent => ({ type: 'tableCell', content: [p(value)] })
const table = (rows: string[][]): JSONContent => ({
  type: 'table',
  content: rows.map((row) => ({ type: 'tableRow', content: row.map(cell) })),
})
const list = (...items: string[]): JSONContent => ({
  type: 'orderedList',
  content: items.map((item) => ({ type: 'listItem', content: [p(item)] })),
})

const bold = (value: string): JSONContent => ({
  type: 'paragraph',
  content: [{ ...text(value), marks: [{ type: 'bold' }] }],
})

const titles = (blocks: JSONContent[]) =>
  lessonFromBlocks(blocks, defaultLessonTemplate).outline.map(({ key, title }) => `${key}:${title}`)

describe('lessonFromBlocks', () => {
  it('takes a header table, a title and numbered headings', () => {
    const lesson = lessonFromBlocks(
      [
        h(1, '背影 导学案'),
        table([['学科', '语文', '年级', '八年级']]),
        h(2, '一、学习目标'),
        list('理解父爱', '品味语言'),
        h(2, '二、板书设计'),
        p('父亲 — 背影'),
        h(3, '例题'),
        p('一段'),
        h(2, '三、达标测评'),
        table([['题号', '答案']]),
      ],
      defaultLessonTemplate,
    )
    expect(lesson.header).toEqual({ subject: '语文', grade: '八年级', topic: '背影 导学案' })
    expect(lesson.outline).toEqual([
      { key: 'objectives', title: '学习目标', fromTemplate: true },
      { key: 'imported-1', title: '板书设计', fromTemplate: false },
      { key: 'classCheck', title: '当堂检测', fromTemplate: true },
    ])
    // Deeper headings stay inside their section; lists and tables are kept as they are.
    expect(lesson.sections[1]!.content!.map((block) => block.type)).toEqual(['paragraph', 'heading', 'paragraph'])
    expect(lesson.sections[0]!.content![0]!.type).toBe('orderedList')
    expect(lesson.sections[2]!.content![0]!.type).toBe('table')
  })

  it('treats a short paragraph that names a template section as its title', () => {
    expect(titles([p('【学习目标】'), p('会解方程'), p('达标测评：'), p('1. 解方程')])).toEqual([
      'objectives:学习目标',
      'classCheck:当堂检测',
    ])
  })

  it('takes bold numbered lines as titles while the numbering goes on, not when it starts again', () => {
    expect(
      titles([
        bold('一、学习目标'),
        p('目标'),
        bold('二、板书设计'),
        p('板书'),
        bold('三、达标测评'),
        bold('一、选择题'),
        p('1. ……'),
        bold('四、课后反思 【教师用】'),
      ]),
    ).toEqual(['objectives:学习目标', 'imported-1:板书设计', 'classCheck:当堂检测', 'reflection:课后反思'])
    const lesson = lessonFromBlocks(
      [bold('一、学习目标'), p('目标'), bold('二、教后札记 【教师用】'), p('札记')],
      defaultLessonTemplate,
    )
    expect(lesson.sections[1]!.attrs).toMatchObject({ title: '教后札记', teacherOnly: true })
  })

  it('takes the lines above the header table as the title', () => {
    const lesson = lessonFromBlocks(
      [
        bold('背影 导学案'),
        p('八年级语文备课组'),
        table([['学科', '语文', '年级', '八年级']]),
        h(2, '学习目标'),
        p('目标'),
      ],
      defaultLessonTemplate,
    )
    expect(lesson.header.topic).toBe('背影 导学案')
    expect(lesson.outline.map((section) => section.key)).toEqual(['objectives'])
  })

  it('keeps what comes before the first section, and a file without headings, in a section of their own', () => {
    expect(titles([p('开头的说明'), h(2, '学习目标'), p('目标')])).toEqual([
      `imported-1:${leadingSectionTitle}`,
      'objectives:学习目标',
    ])
    expect(titles([p('只有正文')])).toEqual([`imported-1:${leadingSectionTitle}`])
    expect(titles([])).toEqual([`imported-1:${leadingSectionTitle}`])
  })

  it('drops the 学生版 line to fill in', () => {
    const lesson = lessonFromBlocks(
      [p('班级：______ 姓名：______ 学号：____'), h(2, '学习目标'), p('目标')],
      defaultLessonTemplate,
    )
    expect(lesson.outline.map((section) => section.key)).toEqual(['objectives'])
  })

  it('marks 教师用 notes, and what follows a lead-in on its own line up to the next heading', () => {
    const lesson = lessonFromBlocks(
      [
        h(2, '当堂检测'),
        p('1. 解方程'),
        p('【参考答案】'),
        p('x = 2'),
        h(3, '拓展题'),
        p('题目'),
        p('教师用：注意时间'),
      ],
      defaultLessonTemplate,
    )
    expect(lesson.sections[0]!.content!.map((block) => Boolean(block.attrs?.teacherOnly))).toEqual([
      false,
      true,
      true,
      false,
      false,
      true,
    ])
  })

  it('makes a document the editor schema accepts', () => {
    const lesson = lessonFromBlocks(
      [h(1, '标题'), table([['学科', '数学', '年级', '七年级']]), h(2, '学习目标'), p('目标')],
      defaultLessonTemplate,
    )
    const doc = buildEditorSchema().nodeFromJSON(importedLessonPlan(lesson, { topic: '计划里的课题', subject: '' }))
    expect(() => doc.check()).not.toThrow()
    const fields: Record<string, string> = {}
    doc.child(0).forEach((field) => {
      fields[String(field.attrs.field)] = field.textContent
    })
    // The plan's values win; the file fills what the plan leaves empty.
    expect(fields).toMatchObject({ topic: '计划里的课题', subject: '数学', grade: '七年级' })
  })
})

describe('teacherNoteOf', () => {
  it.each([
    ['【参考答案】', 'blockAndFollowing'],
    ['参考答案：', 'blockAndFollowing'],
    ['答案：x = 2', 'block'],
    ['【二次备课】多举生活中的例子', 'block'],
    ['教师用：提醒学生检验', 'block'],
    ['学生活动：讨论', 'none'],
    ['答题卡', 'none'],
  ])('%s → %s', (line, expected) => {
    expect(teacherNoteOf(line)).toBe(expected)
  })
})
