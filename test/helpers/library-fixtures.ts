/** Finished plans for tests of the 资源库: a lesson of any group and semester, with real content, finalized. */
import { prosemirrorToYDoc } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { sampleLessonContent } from '../../server/demo/sample-lesson.ts'
import type { RunningServer } from '../../server/start.ts'
import type { LessonRecord } from '../../server/store/lesson-records.ts'
import type { VersionRecord } from '../../server/store/version-records.ts'
import { buildEditorSchema, contentFragmentName } from '../../shared/schema/editor-schema.ts'

export interface FinishedPlanInput {
  groupId: string
  title: string
  /** 单元, none when left out. */
  unit?: string
  scheduledDate: string
  semester: string
  leadPreparerId: string
  /** How many 定稿 versions it went through. */
  versions?: number
}

/** The demo's sample 导学案 under `title`, finalized `versions` times by its 主备人. */
export async function finishedPlan(
  server: RunningServer,
  input: FinishedPlanInput,
): Promise<{ lesson: LessonRecord; version: VersionRecord }> {
  const { store } = server
  const leadPreparer = (await store.accounts.findUserById(input.leadPreparerId))!
  const lesson = await store.lessons.createLesson({
    schoolId: leadPreparer.schoolId,
    groupId: input.groupId,
    createdBy: leadPreparer.id,
    documentTitle: `${input.title} 导学案`,
    semester: input.semester,
    title: input.title,
    unit: input.unit ?? '',
    lessonType: '新授',
    period: 1,
    scheduledDate: input.scheduledDate,
    scheduledTime: null,
    place: '教研室',
    leadPreparerId: leadPreparer.id,
  })
  const doc = prosemirrorToYDoc(
    buildEditorSchema().nodeFromJSON(
      sampleLessonContent({ leadPreparer: leadPreparer.displayName, reviewer: '王老师' }),
    ),
    contentFragmentName,
  )
  const state = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  await store.updates.appendUpdates(lesson.documentId, [state])
  const at = new Date(Date.parse(`${input.scheduledDate}T08:00:00+08:00`))
  await store.lessons.moveLessonStage({
    lessonId: lesson.id,
    from: 'draft',
    to: 'review',
    actorId: leadPreparer.id,
    at,
  })
  await store.lessons.moveLessonStage({
    lessonId: lesson.id,
    from: 'review',
    to: 'finalized',
    actorId: leadPreparer.id,
    at,
  })
  let version: VersionRecord | undefined
  for (let count = 0; count < (input.versions ?? 1); count++) {
    version = await store.versions.createVersion({
      lessonId: lesson.id,
      documentId: lesson.documentId,
      state,
      createdBy: leadPreparer.id,
    })
  }
  return { lesson: (await store.lessons.findLesson(lesson.id))!, version: version! }
}
