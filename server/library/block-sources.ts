/**
 * Names the sources of copied blocks (LIBRARY-11) for one reader: a source they may read is named
 * (semester, group, 课题, which version or document, whose) and opens; one they may not is only said
 * to exist, so a copied block never tells more than its reader may read (LIBRARY-1). Used by the route
 * the editor asks and by the 教师版 export.
 */
import type { Actor } from '../../shared/access.ts'
import type { NamedBlockSource } from '../../shared/api/library.ts'
import { versionName } from '../../shared/api/versions.ts'
import { blockSourceLabel, unreadableBlockSourceLabel } from '../../shared/library/lineage.ts'
import { parseBlockSource } from '../../shared/schema/block-source.ts'
import { documentAccess, documentKindLabels, type DocumentKind } from '../../shared/workflow/document-access.ts'
import { decide } from '../../shared/workflow/lesson-rules.ts'
import type { Store } from '../store/store.ts'
import { lessonContextOf } from '../workflow/lesson-context.ts'
import { documentContextOf } from '../workflow/document-context.ts'

type SourceStore = Pick<Store, 'accounts' | 'documents' | 'groups' | 'lessons' | 'mentorships' | 'versions'>

export async function nameBlockSources(
  store: SourceStore,
  actor: Actor,
  sources: readonly string[],
): Promise<NamedBlockSource[]> {
  return Promise.all(
    sources.map(async (source) => {
      const named = await nameOne(store, actor, source)
      return named ?? { source, label: unreadableBlockSourceLabel, opens: null }
    }),
  )
}

/** Labels by source value, for the export. */
export async function blockSourceLabels(
  store: SourceStore,
  actor: Actor,
  sources: readonly string[],
): Promise<Map<string, string>> {
  const named = await nameBlockSources(store, actor, sources)
  return new Map(named.map((source) => [source.source, source.label]))
}

async function nameOne(store: SourceStore, actor: Actor, value: string): Promise<NamedBlockSource | null> {
  const source = parseBlockSource(value)
  if (!source) return null
  if (source.kind === 'version') {
    const version = await store.versions.findVersion(source.id)
    const lesson = version ? await store.lessons.findLesson(version.lessonId) : null
    if (!version || !lesson || lesson.schoolId !== actor.schoolId) return null
    if (!decide('view', actor, await lessonContextOf(store, lesson)).allowed) return null
    const label = blockSourceLabel({
      semester: lesson.semester,
      groupName: await groupNameOf(store, lesson.groupId),
      title: lesson.title,
      what: versionName(version.number),
      authorName: await nameOf(store, lesson.leadPreparerId),
    })
    return { source: value, label, opens: source }
  }
  const document = await store.documents.findDocument(source.id)
  if (!document || !documentAccess(actor, await documentContextOf(store, document))) return null
  const lesson = document.lessonId ? await store.lessons.findLesson(document.lessonId) : null
  const kind = document.kind as DocumentKind
  // A shared plan is its 主备人's design; a 二次备课, design or reflection is its teacher's own.
  const authorId = kind === 'lesson-plan' && lesson ? lesson.leadPreparerId : document.createdBy
  const label = blockSourceLabel({
    semester: lesson?.semester ?? null,
    groupName: await groupNameOf(store, document.groupId),
    title: lesson?.title ?? document.title,
    what: documentKindLabels[kind] ?? '',
    authorName: await nameOf(store, authorId),
  })
  return { source: value, label, opens: source }
}

async function groupNameOf(store: Pick<Store, 'groups'>, groupId: string): Promise<string> {
  return (await store.groups.findGroup(groupId))?.name ?? ''
}

async function nameOf(store: Pick<Store, 'accounts'>, userId: string): Promise<string> {
  return (await store.accounts.findUserById(userId))?.displayName ?? ''
}
