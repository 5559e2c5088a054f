/**
 * A new draft from the template: the header filled with what the 备课计划 knows, then every section of
 * the template with its title and an empty first line. Pure, so the server (creating a draft) and tests
 * use the same function.
 */
import type { JSONContent } from '@tiptap/core'
import { type HeaderValues, headerFieldKeys } from '../schema/header-fields.ts'
import type { LessonTemplate } from './lesson-template.ts'

export function buildLessonPlan(template: LessonTemplate, headerValues: HeaderValues): JSONContent {
  return {
    type: 'doc',
    content: [
      {
        type: 'lessonHeader',
        content: headerFieldKeys.map((field) => headerField(field, headerValues[field] ?? '')),
      },
      ...template.sections.map(({ key, title, hint, teacherOnly }) => ({
        type: 'section',
        attrs: { key, title, hint, teacherOnly },
        content: [{ type: 'paragraph' }],
      })),
    ],
  }
}

function headerField(field: string, value: string): JSONContent {
  // A field is one line: the value of a plan entry may carry line breaks, the header cannot.
  const text = value.replace(/\s+/g, ' ').trim()
  return { type: 'headerField', attrs: { field }, ...(text ? { content: [{ type: 'text', text }] } : {}) }
}
