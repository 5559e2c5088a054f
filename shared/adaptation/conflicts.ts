/**
 * Where pulling a newer 定稿 version into a teacher's 二次备课 needs the teacher to decide: passages
 * that both the teacher (since the version the adaptation is based on) and the shared plan (between
 * that version and the new one) have changed. Yjs merges both edits anyway; the flag is there so that
 * nobody's intent is silently mixed or lost.
 *
 * Passages are matched by block key, which is the same in the version, the plan and the adaptation
 * because the adaptation is a fork of the version's CRDT state.
 */
import { type Block, sameContent } from '../versions/document-blocks.ts'

export interface ConflictSpot {
  key: string
  section: string
  /** The passage in the version the adaptation was based on. */
  base: Block
  /** The teacher's passage before the pull; null if the teacher deleted it. */
  mine: Block | null
  /** The passage in the new version; null if the shared plan deleted it. */
  shared: Block | null
  /**
   * Key of the block before the passage (in the teacher's copy, else in the new version): where to
   * put the passage back if the merge removed it.
   */
  afterKey: string | null
}

export function findConflicts(
  base: readonly Block[],
  shared: readonly Block[],
  mine: readonly Block[],
): ConflictSpot[] {
  const sharedByKey = new Map(shared.map((block, index) => [block.key, { block, index }]))
  const mineByKey = new Map(mine.map((block, index) => [block.key, { block, index }]))
  const spots: ConflictSpot[] = []
  for (const original of base) {
    const sharedEntry = sharedByKey.get(original.key)
    const sharedBlock = sharedEntry?.block ?? null
    const mineEntry = mineByKey.get(original.key)
    const mineBlock = mineEntry?.block ?? null
    if (!changedFrom(original, mineBlock) || !changedFrom(original, sharedBlock)) continue
    // Both deleted it, or both made it read the same: they agree.
    if (mineBlock === null && sharedBlock === null) continue
    if (mineBlock && sharedBlock && sameContent(mineBlock, sharedBlock)) continue
    spots.push({
      key: original.key,
      section: (sharedBlock ?? mineBlock ?? original).section,
      base: original,
      mine: mineBlock,
      shared: sharedBlock,
      afterKey: mineEntry
        ? keyBefore(mine, mineEntry.index)
        : sharedEntry
          ? keyBefore(shared, sharedEntry.index)
          : null,
    })
  }
  return spots
}

/**
 * The teacher's passages that the shared plan changed to the very same content. Nothing to decide, but
 * both sides typed the same words, and Yjs keeps both copies (「乙改改」): the pull writes them once.
 */
export function findAgreements(base: readonly Block[], shared: readonly Block[], mine: readonly Block[]): Block[] {
  const sharedByKey = new Map(shared.map((block) => [block.key, block]))
  const mineByKey = new Map(mine.map((block) => [block.key, block]))
  const agreed: Block[] = []
  for (const original of base) {
    const sharedBlock = sharedByKey.get(original.key)
    const mineBlock = mineByKey.get(original.key)
    if (!sharedBlock || !mineBlock || !changedFrom(original, mineBlock)) continue
    if (sharedBlock.type === mineBlock.type && sameContent(mineBlock, sharedBlock)) agreed.push(mineBlock)
  }
  return agreed
}

function changedFrom(original: Block, now: Block | null): boolean {
  return now === null || now.type !== original.type || !sameContent(original, now)
}

function keyBefore(blocks: readonly Block[], index: number): string | null {
  return index > 0 ? blocks[index - 1]!.key : null
}
