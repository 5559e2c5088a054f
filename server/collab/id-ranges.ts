/**
 * A set of Yjs ids (client, clock), kept as sorted, merged clock ranges per client. Adding and asking
 * cost a binary search (and one splice), so a set as large as a whole document's delete set can be
 * kept up to date with every update.
 */
export class IdRanges {
  private readonly ranges = new Map<number, [start: number, end: number][]>()
  private count = 0

  /** How many ranges the set holds, touching ones counted as one. */
  get size(): number {
    return this.count
  }

  add(client: number, clock: number, length: number): void {
    if (length <= 0) return
    let list = this.ranges.get(client)
    if (!list) {
      list = []
      this.ranges.set(client, list)
    }
    let start = clock
    let end = clock + length
    // Ranges that overlap or touch the new one are folded into it, so no two ranges ever touch.
    const first = firstEndingAfter(list, start - 1)
    let last = first
    for (; last < list.length && list[last]![0] <= end; last++) {
      start = Math.min(start, list[last]![0])
      end = Math.max(end, list[last]![1])
    }
    list.splice(first, last - first, [start, end])
    this.count += 1 - (last - first)
  }

  has(client: number, clock: number): boolean {
    return this.intersects(client, clock, 1)
  }

  /** Whether any id of `[clock, clock + length)` of `client` is in the set. */
  intersects(client: number, clock: number, length: number): boolean {
    if (length <= 0) return false
    const list = this.ranges.get(client)
    if (!list) return false
    const range = list[firstEndingAfter(list, clock)]
    return range !== undefined && range[0] < clock + length
  }

  /** Whether every id of `[clock, clock + length)` of `client` is in the set. */
  covers(client: number, clock: number, length: number): boolean {
    if (length <= 0) return true
    const list = this.ranges.get(client)
    if (!list) return false
    // Touching ranges are merged, so a covered span lies within one range.
    const range = list[firstEndingAfter(list, clock)]
    return range !== undefined && range[0] <= clock && clock + length <= range[1]
  }
}

/** The index of the first range that ends after `clock` (`list.length` if none does). */
function firstEndingAfter(list: readonly [number, number][], clock: number): number {
  let low = 0
  let high = list.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (list[middle]![1] <= clock) low = middle + 1
    else high = middle
  }
  return low
}
