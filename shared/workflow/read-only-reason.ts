/**
 * Why a teacher may not write a document's text, as the editor says it when it opens read-only or turns
 * so (a plan finalized, a stage where only the 主备人 and the leader write, access changed), and as the
 * room says it when an edit arrives just after. Null when they may write it.
 */
import type { AccessLevel } from '../access.ts'
import { type DocumentContext, documentKindLabels } from './document-access.ts'

export function readOnlyReason(
  access: AccessLevel | null,
  document: DocumentContext,
  latestVersion: number | null,
): string | null {
  if (access === 'edit') return null
  if (access === null) return '你已无权访问此文档'
  const { lesson } = document
  const archived = '这节课已归档，正文已锁定'
  if (document.kind !== 'lesson-plan') {
    if (lesson?.stage === 'archived') return archived
    return `这是其他老师的${documentKindLabels[document.kind]}，你只能${access === 'comment' ? '批注' : '查看'}`
  }
  if (!lesson) return '只有本备课组的老师可以修改这份导学案'
  switch (lesson.stage) {
    case 'draft':
      return '主备阶段只有主备人和备课组长可以修改正文'
    case 'review':
      return '研讨阶段由主备人和组长修改正文；组长开启集体研讨后全组都可以修改'
    case 'archived':
      return archived
    case 'finalized':
    case 'adapting':
    case 'reflecting':
      return `组长已定稿${latestVersion === null ? '' : `（v${latestVersion}）`}，正文已锁定；要修改请在二次备课中进行`
    default:
      return lesson.stage satisfies never
  }
}
