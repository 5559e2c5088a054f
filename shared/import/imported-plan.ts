/**
 * The new draft an import makes: the header as the 备课计划 fills it, completed by what the file's
 * header said (使用班级, or 学科 when the group's name does not tell), then the file's sections.
 */
import type { JSONContent } from '@tiptap/core'
import { type HeaderValues, headerFieldKeys } from '../schema/header-fields.ts'
import { buildLessonPlan } from '../template/build-lesson-plan.ts'
import type { ImportedLesson } from './lesson-from-blocks.ts'

export function importedLessonPlan(imported: ImportedLesson, planHeader: HeaderValues): JSONContent {
  const header: HeaderValues = {}
  for (const field of headerFieldKeys) {
    const value = planHeader[field] || imported.header[field]
    if (value) header[field] = value
  }
  // A template without sections gives exactly the header a new draft has.
  const [headerNode] = buildLessonPlan({ sections: [] }, header).content ?? []
  return { type: 'doc', content: [headerNode!, ...imported.sections] }
}
