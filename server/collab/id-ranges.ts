/** A set of Yjs ids (client, clock), kept as sorted, merged clock ranges per client. */
export class IdRanges {
  private readonly ranges = new Map<number, [start: number, end: number][]>()

  add(client: number, clock: number, length: number): void {
    const list = this.ranges.get(client) ?? []
    this.ranges.set(client, list)
    let start = clock
    let end = clock + length
    const kept: [number, number][] = []
    for (const range of list) {
      if (range[1] < start || range[0] > end) kept.push(range)
      else {
        start = Math.min(start, range[0])
        end = Math.max(end, range[1])
      }
    }
    kept.push([start, end])
    kept.sort((a, b) => a[0] - b[0])
    this.ranges.set(client, kept)
  }

  has(client: number, clock: number): boolean {
    return this.intersects(client, clock, 1)
  }

  /** Whether any id of `[clock, clock + length)` of `client` is in the set. */
  intersects(client: number, clock: number, length: number): boolean {
    const list = this.ranges.get(client)
    if (!list) return false
    let low = 0
    let high = list.length - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      const [start, end] = list[middle]!
      if (end <= clock) low = middle + 1
      else if (start >= clock + length) high = middle - 1
      else return true
    }
    return false
  }
}
