/**
 * A document's state in memory, kept as Yjs updates rather than a live Y.Doc.
 *
 * The room never needs to read the document: it stores updates, relays them and answers sync step 1.
 * Integrating every keystroke into a Y.Doc would cost CPU on the hot path for nothing, so updates are
 * only appended here and merged lazily (`Y.mergeUpdates`) when a client asks for a diff.
 *
 * What a join costs stays apart from the document's size where it can (BOUNDS-13): the state vector is
 * kept up to date as updates arrive, and a returning client's diff is taken from the merged document
 * and the merged updates since, each on its own, instead of merging the whole document again first.
 */
import * as Y from 'yjs'
import { forEachDeleteRange } from './delete-ranges.ts'
import { IdRanges } from './id-ranges.ts'

const emptyUpdate = new Uint8Array([0, 0])

/**
 * The updates since the last whole merge are merged into the document once they hold this share of its
 * bytes: until then a diff reads the document as it is, after that merging it costs each added byte a
 * bounded number of rewrites.
 */
const tailShareBeforeMerge = 0.5

export class DocumentState {
  /** `parts[0]` is the document as last merged; the rest arrived since, in order. */
  private parts: Uint8Array[]
  private byteSize: number
  /** Every client that joins asks for it, so it is kept until the next update arrives. */
  private cachedStateVector: Uint8Array | null = null
  /**
   * Per client, the clock up to which the state holds every struct: what the state vector says. Kept
   * from each added update's structs; unknown (null) until first read, and again after an update that
   * leaves a gap, which only a merge of everything can close or not; a state vector stored with a
   * snapshot does not say whether the snapshot has a gap.
   */
  private clocks: Map<number, number> | null = null
  /**
   * Every deletion the document holds, read from the whole document once, when the first update
   * without structs arrives; from then on each added update's own deletions are folded in, since the
   * delete set of merged updates is the union of theirs.
   */
  private deleted: IdRanges | null = null

  /** `stateVector`, when known (a snapshot's, stored with it), must be that of all `parts` together. */
  constructor(parts: readonly Uint8Array[], stateVector: Uint8Array | null = null) {
    this.parts = [...parts]
    this.byteSize = sumLengths(this.parts)
    this.cachedStateVector = stateVector
  }

  /** Bytes held: what the size limit is checked against. */
  get bytes(): number {
    return this.byteSize
  }

  /** `decoded`, when the caller has decoded `update` already, must be its decoding. */
  add(update: Uint8Array, decoded: DecodedUpdate | null = null): void {
    this.parts.push(update)
    this.byteSize += update.length
    this.cachedStateVector = null
    if (!this.clocks && !this.deleted) return
    const { structs, ds } = decoded ?? Y.decodeUpdate(update)
    if (this.clocks && !advanceClocks(this.clocks, structs)) this.clocks = null
    if (this.deleted) addDeletions(this.deleted, ds)
  }

  /** The whole document as one update. Throws if the stored bytes are not valid Yjs updates. */
  merged(): Uint8Array {
    if (this.parts.length === 0) return emptyUpdate
    if (this.parts.length > 1) {
      this.parts = [Y.mergeUpdates(this.parts)]
      this.byteSize = this.parts[0]!.length
    }
    return this.parts[0]!
  }

  stateVector(): Uint8Array {
    if (this.cachedStateVector) return this.cachedStateVector
    if (this.clocks) {
      this.cachedStateVector = Y.encodeStateVector(this.clocks)
      return this.cachedStateVector
    }
    const merged = this.merged()
    this.cachedStateVector = Y.encodeStateVectorFromUpdate(merged)
    this.clocks = clocksWithoutGaps(merged, this.cachedStateVector)
    return this.cachedStateVector
  }

  /**
   * Whether an update without new structs adds nothing: every deletion it carries is known already.
   * A client's sync step 2 always carries its whole delete set, so without this every reconnect would
   * store and relay the same deletions again.
   */
  addsNothing(update: DecodedUpdate): boolean {
    if (update.structs.length > 0) return false
    if (update.ds.clients.size === 0) return true
    const deleted = this.deletedIds()
    for (const [client, items] of update.ds.clients) {
      for (const { clock, len } of items) if (!deleted.covers(client, clock, len)) return false
    }
    return true
  }

  /** Whether the document has deleted all of a range already (BOUNDS-14). */
  readonly holdsDeletion = (client: number, clock: number, length: number): boolean =>
    this.deletedIds().covers(client, clock, length)

  private deletedIds(): IdRanges {
    if (!this.deleted) {
      const deleted = new IdRanges()
      // The delete set of merged updates is the union of theirs: no merge needed to read it.
      for (const part of this.parts) {
        forEachDeleteRange(part, (client, clock, length) => deleted.add(client, clock, length))
      }
      this.deleted = deleted
    }
    return this.deleted
  }

  /** What a peer with `stateVector` is missing. */
  diff(stateVector: Uint8Array): Uint8Array {
    // A new client (empty state vector, encoded as a single 0) needs everything: re-encoding a large
    // document just to drop nothing would be most of its load time.
    if (stateVector.length === 1 && stateVector[0] === 0) return this.merged()
    const tail = this.mergedTail()
    if (tail === null) return Y.diffUpdate(this.merged(), stateVector)
    // Reading the document for what the peer lacks costs a fraction of rewriting it whole, and the two
    // diffs together hold what the diff of their merge holds: structs past the state vector, every deletion.
    return Y.mergeUpdates([Y.diffUpdate(this.parts[0]!, stateVector), Y.diffUpdate(tail, stateVector)])
  }

  /**
   * The updates since the last whole merge as one, or null when there are none or they are due to be
   * merged into the document.
   */
  private mergedTail(): Uint8Array | null {
    if (this.parts.length < 2) return null
    const base = this.parts[0]!
    if (this.byteSize - base.length > base.length * tailShareBeforeMerge) return null
    if (this.parts.length > 2) this.parts = [base, Y.mergeUpdates(this.parts.slice(1))]
    this.byteSize = base.length + this.parts[1]!.length
    return this.parts[1]!
  }
}

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>

export type Deletions = DecodedUpdate['ds']

/**
 * Moves each client's clock past the structs that follow on from it. False when a struct starts past
 * it: the state then has a gap that a later update may or may not fill.
 */
function advanceClocks(clocks: Map<number, number>, structs: DecodedUpdate['structs']): boolean {
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue
    const { client, clock } = struct.id
    const known = clocks.get(client) ?? 0
    if (clock > known) return false
    clocks.set(client, Math.max(known, clock + struct.length))
  }
  return true
}

/**
 * The state vector's clocks, if the document holds no struct past them: then each update that follows
 * on moves them on. Past a gap, an update that fills it may carry the clock far beyond its own structs.
 */
function clocksWithoutGaps(merged: Uint8Array, stateVector: Uint8Array): Map<number, number> | null {
  const clocks = Y.decodeStateVector(stateVector)
  for (const [client, end] of Y.parseUpdateMeta(merged).to) {
    if ((clocks.get(client) ?? 0) !== end) return null
  }
  return clocks
}

function addDeletions(into: IdRanges, deletions: Deletions): IdRanges {
  for (const [client, items] of deletions.clients) {
    for (const { clock, len } of items) into.add(client, clock, len)
  }
  return into
}

function sumLengths(parts: readonly Uint8Array[]): number {
  let total = 0
  for (const part of parts) total += part.length
  return total
}
