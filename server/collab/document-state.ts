/**
 * A document's state in memory, kept as Yjs updates rather than a live Y.Doc.
 *
 * The room never needs to read the document: it stores updates, relays them and answers sync step 1.
 * Integrating every keystroke into a Y.Doc would cost CPU on the hot path for nothing, so updates are
 * only appended here and merged lazily (`Y.mergeUpdates`) when a client asks for a diff.
 */
import * as Y from 'yjs'
import { IdRanges } from './id-ranges.ts'

const emptyUpdate = new Uint8Array([0, 0])

export class DocumentState {
  private parts: Uint8Array[]
  private byteSize: number
  /** Every client that joins asks for it, so it is kept until the next update arrives. */
  private cachedStateVector: Uint8Array | null = null
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

  /** `deletions`, when the caller has decoded `update` already, must be its delete set. */
  add(update: Uint8Array, deletions: Deletions | null = null): void {
    this.parts.push(update)
    this.byteSize += update.length
    this.cachedStateVector = null
    if (this.deleted) addDeletions(this.deleted, deletions ?? Y.decodeUpdate(update).ds)
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
    this.cachedStateVector ??= Y.encodeStateVectorFromUpdate(this.merged())
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
    const deleted = (this.deleted ??= addDeletions(new IdRanges(), Y.decodeUpdate(this.merged()).ds))
    for (const [client, items] of update.ds.clients) {
      for (const { clock, len } of items) if (!deleted.covers(client, clock, len)) return false
    }
    return true
  }

  /** What a peer with `stateVector` is missing. */
  diff(stateVector: Uint8Array): Uint8Array {
    // A new client (empty state vector, encoded as a single 0) needs everything: re-encoding a large
    // document just to drop nothing would be most of its load time.
    if (stateVector.length === 1 && stateVector[0] === 0) return this.merged()
    return Y.diffUpdate(this.merged(), stateVector)
  }
}

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>

export type Deletions = DecodedUpdate['ds']

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
