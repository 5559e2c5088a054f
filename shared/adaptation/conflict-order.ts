/**
 * Flagged passages in the order a teacher meets them in the adaptation. They are stored in the order
 * they were found, which within one pull is no order at all; the document gives the real one.
 */

export interface PlacedConflict {
  /** The passage, if it is still in the document. */
  blockKey: string
  /** The passage it followed, for one that is gone now; null when it was the first. */
  afterKey: string | null
}

/**
 * Sorted by where each passage stands in `blockKeys` (the adaptation's blocks, in reading order), a
 * removed one just after the passage it followed; ones that cannot be placed at all come last, in
 * the order given.
 */
export function inDocumentOrder<T extends PlacedConflict>(conflicts: readonly T[], blockKeys: readonly string[]): T[] {
  const index = new Map(blockKeys.map((key, position) => [key, position]))
  const positionOf = (conflict: T): number => {
    const own = index.get(conflict.blockKey)
    if (own !== undefined) return own
    if (conflict.afterKey === null) return -0.5
    const before = index.get(conflict.afterKey)
    return before === undefined ? Number.POSITIVE_INFINITY : before + 0.5
  }
  return [...conflicts].sort((a, b) => positionOf(a) - positionOf(b))
}
