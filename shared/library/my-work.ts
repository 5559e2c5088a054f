/**
 * A teacher's own work on the home page (LIBRARY-6), instead of one flat list of every document: what
 * they can write now (shared plans open to their edits, their own 同课异构 designs), their 二次备课 and
 * their 反思. 我的任务 (lessons they prepare as 主备人) comes from the plan, not from documents.
 */
import type { AccessLevel } from '../access.ts'

export interface WorkDocument {
  kind: string
  access: AccessLevel
  /** Theirs: the teacher of an adaptation, reflection or variant, the creator of a plan. */
  ownedByMe: boolean
}

export interface MyWork<D extends WorkDocument> {
  writing: D[]
  adaptations: D[]
  reflections: D[]
}

export function myWork<D extends WorkDocument>(documents: readonly D[]): MyWork<D> {
  const editable = (document: D) => document.access === 'edit'
  return {
    writing: documents.filter(
      (document) =>
        editable(document) && (document.kind === 'lesson-plan' || (document.kind === 'variant' && document.ownedByMe)),
    ),
    adaptations: documents.filter((document) => document.kind === 'adaptation' && document.ownedByMe),
    reflections: documents.filter((document) => document.kind === 'reflection' && document.ownedByMe),
  }
}
