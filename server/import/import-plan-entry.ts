/**
 * 从 Word 导入: a new entry of the 备课计划 whose shared 导学案 starts as the uploaded .docx instead of
 * the empty template. Who may import is who may add an entry; the file is read completely before the
 * lesson is created, so a refused file leaves nothing behind.
 */
import type { JSONContent } from '@tiptap/core'
import type { LessonPlanInput } from '../../shared/api/lessons.ts'
import type { Actor } from '../../shared/access.ts'
import type { ImportedSection } from '../../shared/import/lesson-from-blocks.ts'
import { importedLessonPlan } from '../../shared/import/imported-plan.ts'
import type { UnkeptItem } from '../../shared/import/unkept.ts'
import { decide } from '../../shared/workflow/lesson-rules.ts'
import type { LessonRecord } from '../store/lesson-records.ts'
import { documentUpdateOf, schoolTemplate } from '../template/new-lesson-plan.ts'
import { forbid, missing, type Outcome, succeed } from '../workflow/outcome.ts'
import { createPlanEntry, groupOf, plannedLesson } from '../workflow/plan-entries.ts'
import type { WorkflowContext } from '../workflow/stage-change.ts'
import { storeImportedImages } from './imported-images.ts'
import { readDocx } from './read-docx.ts'

export interface ImportedPlanEntry {
  lesson: LessonRecord
  outline: ImportedSection[]
  unkept: UnkeptItem[]
}

/** Throws `ImportRefusal` for a file that cannot be imported. */
export async function importPlanEntry(
  context: WorkflowContext,
  actor: Actor,
  groupId: string,
  input: LessonPlanInput,
  file: Uint8Array,
): Promise<Outcome<ImportedPlanEntry>> {
  const { store } = context
  const group = await groupOf(store, actor, groupId)
  if (!group) return missing('没有这个备课组')
  // Refused before the file is read; `createPlanEntry` decides again, with everything it checks.
  const decision = decide('manage', actor, plannedLesson(group, input.leadPreparerId))
  if (!decision.allowed) return forbid(decision.reason)

  const { lesson: imported, images, unkept } = await readDocx(file, await schoolTemplate(store, group.schoolId))
  let content: JSONContent | null = null
  const created = await createPlanEntry(context, actor, groupId, input, (header) => {
    content = importedLessonPlan(imported, header)
    return documentUpdateOf(content)
  })
  if (!created.ok) return created
  // Images belong to a document, so they follow it; a colleague opening the new lesson within these
  // milliseconds would see an image appear only on reloading.
  if (content) await storeImportedImages(store, actor, created.value.documentId, content, images)
  return succeed({ lesson: created.value, outline: imported.outline, unkept })
}
