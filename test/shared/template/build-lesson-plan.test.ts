import { describe, expect, it } from 'vitest'
import { headerFieldKeys } from '../../../shared/schema/header-fields.ts'
import { buildEditorSchema } from '../../../shared/schema/editor-schema.ts'
import { buildLessonPlan } from '../../../shared/template/build-lesson-plan.ts'
import { defaultLessonTemplate } from '../../../shared/template/default-template.ts'

const schema = buildEditorSchema()

describe('buildLessonPlan', () => {
  it('makes a valid document: the header, then every section of the template with its title, empty', () => {
    const json = buildLessonPlan(defaultLessonTemplate, {
      subject: '数学',
      topic: '3.1.1 一元一次方程',
      leadPreparer: '李老师',
    })
    const doc = schema.nodeFromJSON(json)
    expect(() => doc.check()).not.toThrow()

    const [header, ...sections] = doc.children
    expect(header!.type.name).toBe('lessonHeader')
    expect(header!.children.map((field): unknown[] => [field.attrs.field, field.textContent])).toEqual(
      headerFieldKeys.map((key) => [
        key,
        { subject: '数学', topic: '3.1.1 一元一次方程', leadPreparer: '李老师' }[key as string] ?? '',
      ]),
    )
    expect(sections.map((section) => section.attrs)).toEqual(
      defaultLessonTemplate.sections.map(({ key, title, hint, teacherOnly }) => ({
        key,
        title,
        hint,
        teacherOnly,
        blockSource: null,
      })),
    )
    for (const section of sections) {
      expect(section.type.name).toBe('section')
      expect(section.childCount).toBe(1)
      expect(section.firstChild!.type.name).toBe('paragraph')
      expect(section.textContent).toBe('')
    }
  })

  it('keeps header values on one line', () => {
    const doc = schema.nodeFromJSON(buildLessonPlan(defaultLessonTemplate, { classes: ' 七（1）班\n七（2）班 ' }))
    const classes = doc.firstChild!.children.find((field) => field.attrs.field === 'classes')!
    expect(classes.textContent).toBe('七（1）班 七（2）班')
  })

  it('follows the template it is given: order, titles, teacher-only sections', () => {
    const template = {
      sections: [
        { key: 'inquiry', title: '探究活动', hint: '', teacherOnly: false },
        { key: 'notes', title: '教学札记', hint: '课堂上的临时调整', teacherOnly: true },
      ],
    }
    const doc = schema.nodeFromJSON(buildLessonPlan(template, {}))
    expect(() => doc.check()).not.toThrow()
    expect(doc.children.slice(1).map((section): unknown[] => [section.attrs.title, section.attrs.teacherOnly])).toEqual(
      [
        ['探究活动', false],
        ['教学札记', true],
      ],
    )
  })
})
