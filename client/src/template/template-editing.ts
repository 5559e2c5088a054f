/**
 * The office's edits to the template before saving: add, remove, rename, reorder sections. Pure, so the
 * page only holds the draft and the rules are tested without a browser. Keys never change here: a
 * renamed section is still the same section for export and comparison.
 */
import {
  type LessonTemplate,
  type TemplateSection,
  lessonTemplate,
  newSectionKey,
} from '../../../shared/template/lesson-template.ts'

export type SectionChange = Partial<Pick<TemplateSection, 'title' | 'hint' | 'teacherOnly'>>

export function addSection(template: LessonTemplate): LessonTemplate {
  const titles = new Set(template.sections.map((section) => section.title))
  let title = '新栏目'
  for (let n = 2; titles.has(title); n++) title = `新栏目${n}`
  const key = newSectionKey(template.sections.map((section) => section.key))
  return { sections: [...template.sections, { key, title, hint: '', teacherOnly: false }] }
}

export function removeSection(template: LessonTemplate, index: number): LessonTemplate {
  return { sections: template.sections.filter((_, at) => at !== index) }
}

/** Moves the section at `index` one place up (-1) or down (+1); at either end nothing moves. */
export function moveSection(template: LessonTemplate, index: number, offset: -1 | 1): LessonTemplate {
  const target = index + offset
  if (index < 0 || target < 0 || target >= template.sections.length) return template
  const sections = [...template.sections]
  ;[sections[index], sections[target]] = [sections[target]!, sections[index]!]
  return { sections }
}

export function changeSection(template: LessonTemplate, index: number, change: SectionChange): LessonTemplate {
  return { sections: template.sections.map((section, at) => (at === index ? { ...section, ...change } : section)) }
}

/** The first reason the office cannot save the draft, worded for them, or null when it is valid. */
export function firstProblem(template: LessonTemplate): string | null {
  const result = lessonTemplate.safeParse(template)
  if (result.success) return null
  const issue = result.error.issues[0]!
  const [, index] = issue.path
  return typeof index === 'number' ? `第 ${index + 1} 个栏目：${issue.message}` : issue.message
}

export function sameTemplate(a: LessonTemplate, b: LessonTemplate): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
