/**
 * How many deletion ranges a Yjs update (format v1) carries, read without decoding it (docs/BOUNDS.md,
 * BOUNDS-14). Decoding a delete set costs per range what a few hundred bytes of typed text cost, so an
 * update of little but deletions is cheap on the wire and dear to judge: the rate limits charge its
 * ranges before it is decoded, and refuse one with more than a room could ever need at once.
 *
 * The delete set follows the structs, so they are stepped over: lengths and ids are read, strings and
 * binary content skipped by their length prefix, never turned into values. The ranges' own numbers are
 * counted from each client's header, and reading stops as soon as the count passes `cap`.
 */
import * as decoding from 'lib0/decoding'

/** Bits of a struct's info byte (yjs `AbstractStruct` encoding). */
const hasOrigin = 0x80
const hasRightOrigin = 0x40
const hasParentSub = 0x20
const contentRef = 0x1f

/** Type refs of `ContentType` that carry a node name (`YXmlElement`, `YXmlHook`). */
const namedTypeRefs = new Set([3, 5])

/** Whether the document already holds a deletion range. */
export type HeldDeletion = (client: number, clock: number, length: number) => boolean

/**
 * The number of deletion ranges in `update` that `held` says the document does not hold yet, or any
 * number above `cap` once the count passes it. A reconnect's sync step 2 carries the document's whole
 * delete set: only what it adds is new work, and counting the rest would refuse a large document's
 * every reconnect. Throws on bytes that are no update; the full decoding would refuse them too.
 */
export function deleteRangesOf(update: Uint8Array, cap: number, held: HeldDeletion = () => false): number {
  const decoder = atDeleteSet(update)
  let ranges = 0
  const deletingClients = decoding.readVarUint(decoder)
  for (let i = 0; i < deletingClients; i++) {
    const client = decoding.readVarUint(decoder)
    // A header may claim any count: each range is read from the bytes, which end.
    for (let count = decoding.readVarUint(decoder); count > 0; count--) {
      const clock = decoding.readVarUint(decoder)
      if (!held(client, clock, decoding.readVarUint(decoder)) && ++ranges > cap) return ranges
    }
  }
  return ranges
}

/**
 * Hands every deletion range of `update` to `each`, read the same way: a document's delete set at a
 * twentieth of what decoding the document costs.
 */
export function forEachDeleteRange(
  update: Uint8Array,
  each: (client: number, clock: number, length: number) => void,
): void {
  const decoder = atDeleteSet(update)
  const deletingClients = decoding.readVarUint(decoder)
  for (let i = 0; i < deletingClients; i++) {
    const client = decoding.readVarUint(decoder)
    for (let count = decoding.readVarUint(decoder); count > 0; count--) {
      const clock = decoding.readVarUint(decoder)
      each(client, clock, decoding.readVarUint(decoder))
    }
  }
}

/** A decoder past the structs of `update`, at its delete set. */
function atDeleteSet(update: Uint8Array): decoding.Decoder {
  const decoder = decoding.createDecoder(update)
  const clients = decoding.readVarUint(decoder)
  for (let i = 0; i < clients; i++) {
    const structs = decoding.readVarUint(decoder)
    decoding.readVarUint(decoder) // client
    decoding.readVarUint(decoder) // clock of the first struct
    for (let s = 0; s < structs; s++) skipStruct(decoder)
  }
  return decoder
}

function skipStruct(decoder: decoding.Decoder): void {
  const info = decoding.readUint8(decoder)
  const ref = info & contentRef
  // A skip (info 10 exactly, as yjs reads it) and a GC: a length.
  if (info === 10 || ref === 0) return void decoding.readVarUint(decoder)
  if (info & hasOrigin) skipId(decoder)
  if (info & hasRightOrigin) skipId(decoder)
  if ((info & (hasOrigin | hasRightOrigin)) === 0) {
    // Without neighbours the item names its parent: a root's name, or the parent item's id.
    if (decoding.readVarUint(decoder) === 1) skipBytes(decoder)
    else skipId(decoder)
    if (info & hasParentSub) skipBytes(decoder)
  }
  skipContent(decoder, ref)
}

function skipContent(decoder: decoding.Decoder, ref: number): void {
  switch (ref) {
    case 1: // deleted: a length
      decoding.readVarUint(decoder)
      return
    case 2: // JSON: that many strings
      for (let n = decoding.readVarUint(decoder); n > 0; n--) skipBytes(decoder)
      return
    case 3: // binary
    case 4: // string
    case 5: // embed (JSON as a string)
      skipBytes(decoder)
      return
    case 6: // format: key and value as strings
      skipBytes(decoder)
      skipBytes(decoder)
      return
    case 7: // type
      if (namedTypeRefs.has(decoding.readVarUint(decoder))) skipBytes(decoder)
      return
    case 8: // any: that many values, read as the full decoding reads them
      for (let n = decoding.readVarUint(decoder); n > 0; n--) decoding.readAny(decoder)
      return
    case 9: // subdocument: guid and options
      skipBytes(decoder)
      decoding.readAny(decoder)
      return
    default:
      throw new RangeError(`unknown content ${ref}`)
  }
}

function skipId(decoder: decoding.Decoder): void {
  decoding.readVarUint(decoder)
  decoding.readVarUint(decoder)
}

/** A length-prefixed string or byte array, stepped over. */
function skipBytes(decoder: decoding.Decoder): void {
  const length = decoding.readVarUint(decoder)
  decoder.pos += length
  if (decoder.pos > decoder.arr.length) throw new RangeError('update cut short')
}
