import { describe, expect, it } from 'vitest'
import {
  addSection,
  changeSection,
  firstProblem,
  moveSection,
  removeSection,
  sameTemplate,
} from '../../../client/src/template/template-editing.ts'
import { defaultLessonTemplate } from '../../../shared/template/default-template.ts'
import type { LessonTemplate } from '../../../shared/template/lesson-template.ts'

const three: LessonTemplate = {
  sections: [
    { key: 'objectives', title: '学习目标', hint: '', teacherOnly: false },
    { key: 'inquiry', title: '合作探究', hint: '', teacherOnly: false },
    { key: 'reflection', title: '课后反思', hint: '', teacherOnly: true },
  ],
}
const keys = (template: LessonTemplate) => template.sections.map((section) => section.key)

describe('editing the template', () => {
  it('adds a section at the end with a fresh key and an unused title', () => {
    const once = addSection(three)
    expect(once.sections.at(-1)).toEqual({ key: 'custom-1', title: '新栏目', hint: '', teacherOnly: false })
    const twice = addSection(once)
    expect(twice.sections.at(-1)).toMatchObject({ key: 'custom-2', title: '新栏目2' })
    expect(firstProblem(twice)).toBeNull()
    expect(keys(three)).toEqual(['objectives', 'inquiry', 'reflection'])
  })

  it('moves a section up and down, and not past either end', () => {
    expect(keys(moveSection(three, 2, -1))).toEqual(['objectives', 'reflection', 'inquiry'])
    expect(keys(moveSection(three, 0, 1))).toEqual(['inquiry', 'objectives', 'reflection'])
    expect(moveSection(three, 0, -1)).toBe(three)
    expect(moveSection(three, 2, 1)).toBe(three)
  })

  it('removes and renames a section, keeping its key', () => {
    expect(keys(removeSection(three, 1))).toEqual(['objectives', 'reflection'])
    const renamed = changeSection(three, 1, { title: '探究活动', hint: '分组完成', teacherOnly: true })
    expect(renamed.sections[1]).toEqual({ key: 'inquiry', title: '探究活动', hint: '分组完成', teacherOnly: true })
    expect(three.sections[1]!.title).toBe('合作探究')
  })

  it('names the first problem with the section it is in', () => {
    expect(firstProblem(changeSection(three, 1, { title: ' ' }))).toBe('第 2 个栏目：栏目标题不能为空')
    expect(firstProblem(changeSection(three, 2, { title: '学习目标' }))).toBe('第 3 个栏目：栏目“学习目标”重复了')
    expect(firstProblem({ sections: [] })).toBe('模板至少要有一个栏目')
    expect(firstProblem(defaultLessonTemplate)).toBeNull()
  })

  it('tells an unchanged draft from a changed one', () => {
    expect(sameTemplate(three, { sections: three.sections.map((section) => ({ ...section })) })).toBe(true)
    expect(sameTemplate(three, moveSection(three, 0, 1))).toBe(false)
  })
})
