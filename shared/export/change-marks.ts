/**
 * Where the 二次备课 marks go in the 教师版 of an adaptation, from the 个人加减 diff against its 定稿
 * version (`diffBlocks`). Added and changed passages are marked where they stand; a passage the teacher
 * cut is printed struck through next to the passage it followed, or, when that one is in another
 * section, before the passage that now follows it, so that a cut stays in its own section.
 */
import type { BlockChange } from '../versions/block-diff.ts'
import type { TextPart } from '../versions/word-diff.ts'
import type { Block } from '../versions/document-blocks.ts'

export type PassageMark = { mark: 'added' } | { mark: 'changed'; parts: TextPart[] }

export interface ChangeMarks {
  /** Marks of the adaptation's passages, by block key. */
  byKey: Map<string, PassageMark>
  /** Cut passages to print right after the passage with this key. */
  removedAfter: Map<string, Block[]>
  /** Cut passages to print right before the passage with this key. */
  removedBefore: Map<string, Block[]>
  /** Cut passages with no neighbour left in their section: printed at the end. */
  removedAtEnd: Block[]
  count: number
}

export function changeMarksOf(changes: readonly BlockChange[]): ChangeMarks {
  const marks: ChangeMarks = {
    byKey: new Map(),
    removedAfter: new Map(),
    removedBefore: new Map(),
    removedAtEnd: [],
    count: 0,
  }
  let previous: Block | null = null
  let pendingCuts: Block[] = []
  const placeBefore = (next: Block | null) => {
    for (const cut of pendingCuts) {
      if (previous && sameSection(previous, cut)) push(marks.removedAfter, previous.key, cut)
      else if (next && sameSection(next, cut)) push(marks.removedBefore, next.key, cut)
      else if (previous) push(marks.removedAfter, previous.key, cut)
      else marks.removedAtEnd.push(cut)
    }
    pendingCuts = []
  }
  for (const change of changes) {
    if (change.change === 'removed') {
      pendingCuts.push(change.block)
      marks.count += 1
      continue
    }
    placeBefore(change.block)
    if (change.change === 'added') marks.byKey.set(change.block.key, { mark: 'added' })
    if (change.change === 'changed') marks.byKey.set(change.block.key, { mark: 'changed', parts: change.parts })
    if (change.change !== 'same') marks.count += 1
    previous = change.block
  }
  placeBefore(null)
  return marks
}

function sameSection(a: Block, b: Block): boolean {
  return a.sectionKey === b.sectionKey && a.section === b.section
}

function push(map: Map<string, Block[]>, key: string, block: Block): void {
  const list = map.get(key)
  if (list) list.push(block)
  else map.set(key, [block])
}
