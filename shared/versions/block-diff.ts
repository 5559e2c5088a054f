/**
 * Compares two documents block by block: which passages were added, removed or changed, and inside a
 * changed passage which words (`word-diff.ts`). Used to compare 定稿 versions and to show a teacher's 个人加减
 * against the shared version their adaptation is based on.
 *
 * Blocks are first matched by key (their Yjs identity, see `document-blocks.ts`), which follows a
 * passage exactly as long as it was edited in place. A passage that was deleted and retyped nearby
 * has a new key; a removed and an added block of the same type that still read alike are shown as one
 * changed passage rather than as two (how alike is measured in characters, which a retyped passage
 * keeps even where its word boundaries move).
 */
import { diffArrays, diffChars } from 'diff'
import { type Block, sameContent } from './document-blocks.ts'
import { diffWords, type TextPart } from './word-diff.ts'

export type BlockChange =
  | { change: 'same'; block: Block }
  | { change: 'added'; block: Block }
  | { change: 'removed'; block: Block }
  /** `parts` are all `same` when only the formatting changed. */
  | { change: 'changed'; before: Block; block: Block; parts: TextPart[] }

/** Share of characters two texts must have in common to count as one edited passage. */
const retypedSimilarity = 0.4

export function diffBlocks(before: readonly Block[], after: readonly Block[]): BlockChange[] {
  const changes: BlockChange[] = []
  let removed: Block[] = []
  let added: Block[] = []
  const flush = () => {
    changes.push(...pairRetyped(removed, added))
    removed = []
    added = []
  }
  let oldIndex = 0
  let newIndex = 0
  for (const run of diffArrays([...before], [...after], { comparator: (a, b) => a.key === b.key })) {
    if (run.removed) {
      removed.push(...before.slice(oldIndex, oldIndex + run.count))
      oldIndex += run.count
    } else if (run.added) {
      added.push(...after.slice(newIndex, newIndex + run.count))
      newIndex += run.count
    } else {
      flush()
      for (let offset = 0; offset < run.count; offset++) {
        changes.push(compareMatched(before[oldIndex + offset]!, after[newIndex + offset]!))
      }
      oldIndex += run.count
      newIndex += run.count
    }
  }
  flush()
  return changes
}

function compareMatched(before: Block, block: Block): BlockChange {
  if (sameContent(before, block) && before.type === block.type) return { change: 'same', block }
  return { change: 'changed', before, block, parts: diffWords(before.text, block.text) }
}

/** Pairs removed and added blocks of one gap in order, where one reads like a rewrite of the other. */
function pairRetyped(removed: readonly Block[], added: readonly Block[]): BlockChange[] {
  const changes: BlockChange[] = []
  let next = 0
  for (const old of removed) {
    const match = added.findIndex(
      (candidate, index) =>
        index >= next && candidate.type === old.type && similarity(old.text, candidate.text) >= retypedSimilarity,
    )
    if (match === -1) {
      changes.push({ change: 'removed', block: old })
      continue
    }
    for (const skipped of added.slice(next, match)) changes.push({ change: 'added', block: skipped })
    changes.push(compareMatched(old, added[match]!))
    next = match + 1
  }
  for (const rest of added.slice(next)) changes.push({ change: 'added', block: rest })
  return changes
}

function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length)
  if (longest === 0) return 1
  let common = 0
  for (const part of diffChars(a, b)) if (!part.added && !part.removed) common += part.count
  return common / longest
}

/**
 * How many places were changed (处): an added or a removed passage counts once, a changed passage
 * once per run of edited words, a change of formatting alone once.
 */
export function countChanges(changes: readonly BlockChange[]): number {
  let count = 0
  for (const change of changes) {
    if (change.change === 'added' || change.change === 'removed') count += 1
    if (change.change === 'changed') count += Math.max(1, countEditRuns(change.parts))
  }
  return count
}

/** Runs of edited words; a deletion right next to an insertion is one replacement. */
function countEditRuns(parts: readonly TextPart[]): number {
  let runs = 0
  let inRun = false
  for (const part of parts) {
    const edited = part.change !== 'same'
    if (edited && !inRun) runs += 1
    inRun = edited
  }
  return runs
}
