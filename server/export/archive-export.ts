/**
 * Exports that gather many documents of a group: a semester (or a chosen unit of lessons) of 定稿
 * plans as one .zip with a .docx per plan, and one teacher's 课后反思 of a semester as one .docx.
 * Allowed by `decideArchiveExport`.
 */
import { zipSync } from 'fflate'
import type { Actor } from '../../shared/access.ts'
import { chineseNumeral } from '../../shared/export/chinese-numerals.ts'
import { decideArchiveExport } from '../../shared/export/export-rules.ts'
import { type Edition, editionLabels, type ExportDocument } from '../../shared/export/export-model.ts'
import { editionFileName, safeFileName, uniqueNames } from '../../shared/export/file-names.ts'
import { documentAccess } from '../../shared/workflow/document-access.ts'
import type { LessonRecord } from '../store/lesson-records.ts'
import type { GroupRecord } from '../store/store.ts'
import { type ContentContext, currentState } from '../versions/document-content.ts'
import { documentContextOf } from '../workflow/document-context.ts'
import { forbid, missing, type Outcome, reject, succeed } from '../workflow/outcome.ts'
import { exportOfState } from './document-export.ts'
import type { TitledExport } from './export-sources.ts'
import { docxOf } from './docx/docx-file.ts'
import { withExportImages } from './export-images.ts'

export interface ArchiveRequest {
  groupId: string
  /** All semesters when null. */
  semester: string | null
  /** A unit: only these lessons of the group. */
  lessonIds?: readonly string[]
}

export interface NamedFile {
  name: string
  data: Uint8Array
}

async function groupAllowing(context: ContentContext, groupId: string, actor: Actor): Promise<Outcome<GroupRecord>> {
  const group = (await context.store.groups.listGroups(actor.schoolId)).find((candidate) => candidate.id === groupId)
  if (!group) return missing('没有这个备课组')
  const decision = decideArchiveExport(actor, group)
  return decision.allowed ? succeed(group) : forbid(decision.reason)
}

async function lessonsOf(context: ContentContext, request: ArchiveRequest): Promise<LessonRecord[]> {
  const lessons = await context.store.lessons.listLessonsOfGroup(request.groupId, request.semester)
  const chosen = request.lessonIds ? new Set(request.lessonIds) : null
  return chosen ? lessons.filter((lesson) => chosen.has(lesson.id)) : lessons
}

function lessonName(lesson: LessonRecord): string {
  return lesson.period > 1 ? `${lesson.title}（第${lesson.period}课时）` : lesson.title
}

/** The newest 定稿 version of every finalized lesson, in the order they are taught, one .docx each. */
export async function finalizedPlansZip(
  context: ContentContext,
  request: ArchiveRequest,
  actor: Actor,
  edition: Edition,
): Promise<Outcome<NamedFile>> {
  const group = await groupAllowing(context, request.groupId, actor)
  if (!group.ok) return group
  const files: NamedFile[] = []
  for (const lesson of await lessonsOf(context, request)) {
    const version = (await context.store.versions.listVersions(lesson.id)).at(-1)
    const state = version ? await context.store.versions.versionState(version.id) : null
    if (!version || !state) continue
    const exported = exportOfState(state, {
      edition,
      title: lesson.title,
      subtitle: `${editionLabels[edition]} · 定稿 v${version.number}`,
    })
    const { model, images } = await withExportImages(context.store, actor, exported)
    files.push({ name: editionFileName(lessonName(lesson), edition, 'docx'), data: await docxOf(model, images) })
  }
  if (files.length === 0) return reject('所选范围内还没有定稿的导学案')
  const names = uniqueNames(files.map((file) => file.name))
  // .docx files are already deflated; storing them saves time and nothing else.
  const zip = zipSync(Object.fromEntries(files.map((file, index) => [names[index]!, [file.data, { level: 0 }]])))
  const scope = request.semester ?? '全部学期'
  return succeed({
    name: `${safeFileName(`${group.value.name}-${scope}-定稿导学案-${editionLabels[edition]}`)}.zip`,
    data: zip,
  })
}

/** One teacher's reflections on the group's lessons, each under its 课题, in the order taught. */
export async function teacherReflections(
  context: ContentContext,
  request: ArchiveRequest & { teacherId: string },
  actor: Actor,
): Promise<Outcome<TitledExport>> {
  const group = await groupAllowing(context, request.groupId, actor)
  if (!group.ok) return group
  const teacher = await context.store.accounts.findUserById(request.teacherId)
  if (!teacher || teacher.schoolId !== actor.schoolId) return missing('没有这位老师')
  const model: ExportDocument = {
    title: `${teacher.displayName}的课后反思`,
    subtitle: [group.value.name, request.semester].filter(Boolean).join(' · '),
    edition: 'teacher',
    singleEdition: true,
    header: [],
    studentLine: false,
    legend: null,
    blocks: [],
  }
  for (const lesson of await lessonsOf(context, request)) {
    const documents = await context.store.documents.listDocumentsOfLesson(lesson.id)
    const reflection = documents.find((document) => document.kind === 'reflection' && document.createdBy === teacher.id)
    if (!reflection || !documentAccess(actor, await documentContextOf(context.store, reflection))) continue
    const content = exportOfState(await currentState(context, reflection.id), {
      edition: 'teacher',
      title: '',
      subtitle: '',
    })
    model.blocks.push({
      kind: 'section',
      number: chineseNumeral(model.blocks.length + 1),
      title: `${lessonName(lesson)}（${lesson.scheduledDate}）`,
      teacherOnly: false,
      blocks: content.blocks,
    })
  }
  if (model.blocks.length === 0) return reject('所选范围内这位老师还没有写课后反思')
  return succeed({ model, fileTitle: [model.title, request.semester].filter(Boolean).join('-') })
}
