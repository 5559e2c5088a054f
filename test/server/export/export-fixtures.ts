/** A finalized lesson with the demo's sample 导学案, and file downloads, for the export suites. */
import type { JSONContent } from '@tiptap/core'
import * as Y from 'yjs'
import type { LessonSummary, LessonPlanInput } from '../../../shared/api/lessons.ts'
import type { VersionSummary } from '../../../shared/api/versions.ts'
import { restoreUpdate } from '../../../shared/adaptation/document-changes.ts'
import { sampleLessonContent } from '../../../server/demo/sample-lesson.ts'
import type { RunningServer } from '../../../server/start.ts'
import { documentUpdateOf } from '../../../server/template/new-lesson-plan.ts'
import { editorSchema } from '../../../server/versions/version-service.ts'
import type { ApiClient } from '../../helpers/api-client.ts'
import { addLesson, demoGroupId, planInput, userId } from '../../helpers/lesson-fixtures.ts'

export const sample = () => sampleLessonContent({ leadPreparer: '王老师', reviewer: '李老师' })

export interface Download {
  status: number
  type: string
  /** The name from `filename*` of Content-Disposition. */
  fileName: string | null
  bytes: Uint8Array
}

export async function download(baseUrl: string, cookie: string, path: string): Promise<Download> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie } })
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(response.headers.get('content-disposition') ?? '')?.[1]
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    fileName: encoded ? decodeURIComponent(encoded) : null,
    bytes: new Uint8Array(await response.arrayBuffer()),
  }
}

/** Makes the stored document read like `content`, as edits on top of what it holds (no editor is open). */
export async function writeContent(server: RunningServer, documentId: string, content: JSONContent): Promise<void> {
  const stored = await server.store.updates.loadDocumentState(documentId)
  const state = Y.mergeUpdates(stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates)
  const update = restoreUpdate(state, documentUpdateOf(content), editorSchema)
  if (update) await server.store.updates.appendUpdates(documentId, [update])
}

export async function moveTo(leaderOrPreparer: ApiClient, lessonId: string, stage: string): Promise<void> {
  const { status, body } = await leaderOrPreparer.post(`/api/lessons/${lessonId}/stage`, { to: stage })
  if (status !== 200) throw new Error(`moving to ${stage} failed: ${status} ${JSON.stringify(body)}`)
}

/** A lesson of the demo group (主备人 李老师) holding the sample 导学案, finalized by the leader as v1. */
export async function finalizedSampleLesson(
  server: RunningServer,
  leader: ApiClient,
  fields: Partial<LessonPlanInput> = {},
): Promise<{ lesson: LessonSummary; version: VersionSummary }> {
  const lesson = await addLesson(leader, await demoGroupId(leader), planInput(await userId(server, 'teacher1'), fields))
  await writeContent(server, lesson.documentId, sample())
  await moveTo(leader, lesson.id, 'review')
  await moveTo(leader, lesson.id, 'finalized')
  const [version] = (await leader.get<VersionSummary[]>(`/api/lessons/${lesson.id}/versions`)).body
  return { lesson, version: version! }
}
