/**
 * 同课异构: two teachers' designs of one 课题, set side by side section against section. Sections made
 * from the same 导学案 template share their key and are paired by it; sections of plans without one,
 * or written by hand, are paired by title. A section only one design has stands alone in its place.
 */
import { diffArrays } from 'diff'
import type { Block } from '../versions/document-blocks.ts'

export interface Section {
  /** The template key, else the title. */
  identity: string
  title: string
  blocks: Block[]
}

export interface SectionPair {
  title: string
  left: Block[] | null
  right: Block[] | null
}

/** The design's blocks grouped into its sections, in order; blocks before any section form one with title ''. */
export function sectionsOf(blocks: readonly Block[]): Section[] {
  const sections: Section[] = []
  for (const block of blocks) {
    const identity = block.sectionKey || block.section
    const last = sections.at(-1)
    if (last && last.identity === identity) last.blocks.push(block)
    else sections.push({ identity, title: block.section, blocks: [block] })
  }
  return sections
}

export function pairSections(left: readonly Section[], right: readonly Section[]): SectionPair[] {
  const pairs: SectionPair[] = []
  let leftIndex = 0
  let rightIndex = 0
  for (const run of diffArrays([...left], [...right], { comparator: (a, b) => a.identity === b.identity })) {
    for (let offset = 0; offset < run.count; offset++) {
      if (run.removed) {
        const section = left[leftIndex++]!
        pairs.push({ title: section.title, left: section.blocks, right: null })
      } else if (run.added) {
        const section = right[rightIndex++]!
        pairs.push({ title: section.title, left: null, right: section.blocks })
      } else {
        const a = left[leftIndex++]!
        const b = right[rightIndex++]!
        pairs.push({ title: a.title || b.title, left: a.blocks, right: b.blocks })
      }
    }
  }
  return pairs
}
