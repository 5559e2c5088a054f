/**
 * A document's state in memory, kept as Yjs updates rather than a live Y.Doc.
 *
 * The room never needs to read the document: it stores updates, relays them and answers sync step 1.
 * Integrating every keystroke into a Y.Doc would cost CPU on the hot path for nothing, so updates are
 * only appended here and merged lazily (`Y.mergeUpdates`) when a client asks for a diff.
 */
import * as Y from 'yjs'

const emptyUpdate = new Uint8Array([0, 0])

export class DocumentState {
  private parts: Uint8Array[]
  private byteSize: number
  /** Every client that joins asks for it, so it is kept until the next update arrives. */
  private cachedStateVector: Uint8Array | null = null

  constructor(parts: readonly Uint8Array[]) {
    this.parts = [...parts]
    this.byteSize = sumLengths(this.parts)
  }

  /** Bytes held: what the size limit is checked against. */
  get bytes(): number {
    return this.byteSize
  }

  add(update: Uint8Array): void {
    this.parts.push(update)
    this.byteSize += update.length
    this.cachedStateVector = null
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

  /** What a peer with `stateVector` is missing. */
  diff(stateVector: Uint8Array): Uint8Array {
    return Y.diffUpdate(this.merged(), stateVector)
  }
}

function sumLengths(parts: readonly Uint8Array[]): number {
  let total = 0
  for (const part of parts) total += part.length
  return total
}

export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0
}
