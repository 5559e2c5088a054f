/**
 * Where a draft came from (LIBRARY-3, LIBRARY-4): who may start a lesson's draft from a 定稿, what the
 * draft then holds, and how its source is named to teachers.
 */
import type { JSONContent } from '@tiptap/core'
import type { Actor } from '../access.ts'
import { decide, type Decision, type LessonContext } from '../workflow/lesson-rules.ts'

export interface DraftSourceNaming {
  semester: string
  groupName: string
  versionNumber: number
  /** The 主备人 of the source lesson: whose design it is. */
  leadPreparerName: string
}

/** `2025-2026学年第一学期` → `2025 秋`, `2025-2026学年第二学期` → `2026 春`; any other name as it is. */
export function semesterShortName(semester: string): string {
  const parts = /^(\d{4})-(\d{4})学年第([一二])学期$/.exec(semester)
  if (!parts) return semester
  return parts[3] === '一' ? `${parts[1]} 秋` : `${parts[2]} 春`
}

/** 「来源：2025 秋 七年级数学备课组 定稿 v2，李老师」 */
export function draftSourceLabel(source: DraftSourceNaming): string {
  return `来源：${semesterShortName(source.semester)} ${source.groupName} 定稿 v${source.versionNumber}，${source.leadPreparerName}`
}

const refuse = (reason: string): Decision => ({ allowed: false, reason })

/**
 * 以此为底稿: the user must be able to read the source lesson and to write the target's 初稿, which is
 * still in 主备. Whether the 初稿 is still unwritten is checked against the document itself.
 */
export function decideStartFrom(
  actor: Actor,
  target: LessonContext & { id: string },
  source: LessonContext & { id: string },
): Decision {
  if (!decide('view', actor, source).allowed) return refuse('你不能阅读这份定稿')
  if (source.id === target.id) return refuse('不能以本课自己的定稿作底稿')
  const edit = decide('edit', actor, target)
  if (!edit.allowed) return edit
  if (target.stage !== 'draft') return refuse('只有主备阶段的初稿可以以定稿为底稿')
  return { allowed: true }
}

/** The new 初稿: its own header, as the 备课计划 filled it, then everything after the version's header. */
export function draftFromVersion(draft: JSONContent, version: JSONContent): JSONContent {
  const isHeader = (node: JSONContent) => node.type === 'lessonHeader'
  const header = (draft.content ?? []).filter(isHeader)
  const body = (version.content ?? []).filter((node) => !isHeader(node))
  return { type: 'doc', content: [...header, ...body] }
}

/** How a copied block's source is named (LIBRARY-11); the lesson's fields are absent for a free document. */
export interface BlockSourceNaming {
  semester: string | null
  groupName: string
  title: string
  /** 定稿 v2, 二次备课, 导学案, … */
  what: string
  /** Whose it is: the 主备人 of a plan or 定稿, the teacher of a 二次备课, design or reflection. */
  authorName: string
}

/** 「来源：2025 秋 七年级数学备课组《一元一次方程》定稿 v2，李老师」 */
export function blockSourceLabel(source: BlockSourceNaming): string {
  const where = [source.semester ? semesterShortName(source.semester) : '', source.groupName].filter(Boolean).join(' ')
  const author = source.authorName ? `，${source.authorName}` : ''
  return `来源：${where}《${source.title}》${source.what}${author}`
}

/** What a reader who may not open the source is told: only that the block was copied. */
export const unreadableBlockSourceLabel = '来源：另一份教案（你没有查看权限）'
