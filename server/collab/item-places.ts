/**
 * Where each item of a room's document sits, read from Yjs updates without building a document: its
 * depth (how many types it is nested in, an item directly in a root being at depth 1) and whether it
 * holds a type itself. Kept as clock ranges per client with the same place, so that the thousands of
 * characters typed at one depth take one range.
 *
 * An update's items are placed from the references Yjs integrates them by: a root name, the item of
 * the parent type, or else the neighbour it was typed next to. The walk over those references keeps its
 * own stack: a client chooses how long a chain of references its update holds.
 */
import * as Y from 'yjs'
import { limits } from '../../shared/limits.ts'
import { blockSourceAttribute, isBlockSourceValue } from '../../shared/schema/block-source.ts'
import { withinValueDepth } from '../../shared/value-depth.ts'

type Struct = Y.Item | Y.GC | Y.Skip

/**
 * `depth * 2 + (holds a type ? 1 : 0)`; `dead` for an item Yjs turns into garbage (collected, or in a
 * type that was), `unplaced` while a reference is missing or circular.
 */
export type Place = number
export const dead: Place = 0
const unplaced: Place = -1
const pending: Place = -2

export const depthOf = (place: Place): number => place >> 1
const holdsType = (place: Place): boolean => (place & 1) === 1
const placeAt = (depth: number, item: Y.Item): Place => depth * 2 + (item.content instanceof Y.ContentType ? 1 : 0)

export class ItemPlaces {
  /** Per client, flat `[start, end, place]` triples sorted by clock. */
  private readonly clients = new Map<number, number[]>()

  static of(structs: readonly Struct[]): ItemPlaces {
    const places = new ItemPlaces()
    places.addAll(structs, placeStructs(structs, places).places)
    return places
  }

  placeOf(client: number, clock: number): Place | undefined {
    const ranges = this.clients.get(client)
    if (!ranges) return undefined
    let low = 0
    let high = ranges.length / 3 - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      if (ranges[middle * 3 + 1]! <= clock) low = middle + 1
      else if (ranges[middle * 3]! > clock) high = middle - 1
      else return ranges[middle * 3 + 2]
    }
    return undefined
  }

  /** Records the placed structs of an accepted update; unplaced ones are left out. */
  addAll(structs: readonly Struct[], places: readonly Place[]): void {
    for (let index = 0; index < structs.length; index++) {
      const place = places[index]!
      const struct = structs[index]!
      if (place >= 0) this.add(struct.id.client, struct.id.clock, struct.length, place)
    }
  }

  private add(client: number, clock: number, length: number, place: Place): void {
    let ranges = this.clients.get(client)
    if (!ranges) this.clients.set(client, (ranges = []))
    const last = ranges.length - 3
    const lastEnd = last >= 0 ? ranges[last + 1]! : 0
    if (clock >= lastEnd) {
      if (last >= 0 && clock === lastEnd && ranges[last + 2] === place) ranges[last + 1] = clock + length
      else ranges.push(clock, clock + length, place)
      return
    }
    // Behind the end: a gap being filled (rare), or ids already known, which keep their place.
    let at = 0
    while (at < ranges.length && ranges[at + 1]! <= clock) at += 3
    if (clock + length <= ranges[at]!) ranges.splice(at, 0, clock, clock + length, place)
  }
}

export interface UpdatePlaces {
  /** The place of each struct of the update, by its index. */
  places: Place[]
  /** Some struct refers to something neither the room nor the update has, or to itself in a circle. */
  incomplete: boolean
  /** Why the update must be refused, if it must. */
  refusal: string | null
}

/**
 * Places every struct of an update against what the room has (`known`), and refuses content nested
 * deeper than `limits.maxContentDepth` or values nested deeper than `limits.maxValueDepth`. Linear in
 * the update: each struct is placed once, from a reference placed before it or looked up in `known`.
 */
export function placeStructs(structs: readonly Struct[], known: ItemPlaces): UpdatePlaces {
  const places = new Array<Place>(structs.length).fill(pending)
  const own = new OwnStructs(structs)
  const stack: number[] = []
  const onStack = new Uint8Array(structs.length)
  let incomplete = false
  for (let first = 0; first < structs.length; first++) {
    if (places[first] !== pending) continue
    stack.push(first)
    onStack[first] = 1
    while (stack.length > 0) {
      const index = stack[stack.length - 1]!
      const struct = structs[index]!
      if (!(struct instanceof Y.Item)) {
        places[index] = struct instanceof Y.GC ? dead : unplaced
        stack.pop()
        continue
      }
      if (typeof struct.parent === 'string') {
        places[index] = placeAt(1, struct)
        stack.pop()
        continue
      }
      const child = struct.parent instanceof Y.ID
      const reference = child ? (struct.parent as Y.ID) : (struct.origin ?? struct.rightOrigin)
      let referenced = reference === null ? unplaced : known.placeOf(reference.client, reference.clock)
      if (referenced === undefined) {
        const other = own.indexOf(reference!)
        referenced = other < 0 ? unplaced : places[other]!
        if (referenced === pending) {
          // Met again while it waits for its own reference: the references go round in a circle.
          if (onStack[other] === 1) referenced = unplaced
          else {
            stack.push(other)
            onStack[other] = 1
            continue
          }
        }
      }
      places[index] = placeBy(referenced, child, struct)
      onStack[index] = 0
      stack.pop()
    }
  }
  let refusal: string | null = null
  for (let index = 0; index < structs.length && refusal === null; index++) {
    const place = places[index]!
    if (place === unplaced) incomplete = true
    else if (depthOf(place) > limits.maxContentDepth)
      refusal = `内容嵌套太深（超过 ${limits.maxContentDepth} 层），这次修改没有保存`
    const struct = structs[index]!
    if (refusal === null && struct instanceof Y.Item && !valuesWithinDepth(struct.content)) {
      refusal = `内容里的数据嵌套太深（超过 ${limits.maxValueDepth} 层），这次修改没有保存`
    }
    if (refusal === null && struct instanceof Y.Item && !blockSourceWellFormed(struct)) {
      refusal = '段落的来源格式不对，这次修改没有保存'
    }
  }
  return { places, incomplete, refusal }
}

function placeBy(referenced: Place, child: boolean, item: Y.Item): Place {
  if (referenced === unplaced || referenced === dead) return referenced
  // Yjs collects an item whose parent item holds no type: it has nowhere to go.
  if (child) return holdsType(referenced) ? placeAt(depthOf(referenced) + 1, item) : dead
  return placeAt(depthOf(referenced), item)
}

function valuesWithinDepth(content: Y.Item['content']): boolean {
  const max = limits.maxValueDepth
  if (content instanceof Y.ContentAny) return withinValueDepth(content.arr, max + 1)
  if (content instanceof Y.ContentFormat) return withinValueDepth(content.value, max)
  if (content instanceof Y.ContentEmbed) return withinValueDepth(content.embed, max)
  if (content instanceof Y.ContentJSON) return withinValueDepth(content.arr, max + 1)
  if (content instanceof Y.ContentDoc) return withinValueDepth(content.opts, max)
  return true
}

/**
 * A block's 来源 is one short string of a fixed shape (LIBRARY-11), whoever wrote it: readers and the
 * export may then trust its size and shape. An attribute is an item keyed by its name in its element.
 */
function blockSourceWellFormed(item: Y.Item): boolean {
  if (item.parentSub !== blockSourceAttribute) return true
  const content = item.content
  if (content instanceof Y.ContentDeleted) return true
  return content instanceof Y.ContentAny && content.arr.length === 1 && isBlockSourceValue(content.arr[0])
}

/** The update's own structs by id, for references between them. */
class OwnStructs {
  private readonly byClient = new Map<number, number[]>()

  constructor(private readonly structs: readonly Struct[]) {
    for (let index = 0; index < structs.length; index++) {
      const client = structs[index]!.id.client
      let list = this.byClient.get(client)
      if (!list) this.byClient.set(client, (list = []))
      list.push(index)
    }
    for (const list of this.byClient.values()) {
      if (!sortedByClock(list, structs)) list.sort((a, b) => structs[a]!.id.clock - structs[b]!.id.clock)
    }
  }

  /** The index of the struct holding `id`, or -1. */
  indexOf(id: Y.ID): number {
    const list = this.byClient.get(id.client)
    if (!list) return -1
    let low = 0
    let high = list.length - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      const struct = this.structs[list[middle]!]!
      if (struct.id.clock + struct.length <= id.clock) low = middle + 1
      else if (struct.id.clock > id.clock) high = middle - 1
      else return struct instanceof Y.Skip ? -1 : list[middle]!
    }
    return -1
  }
}

function sortedByClock(list: readonly number[], structs: readonly Struct[]): boolean {
  for (let index = 1; index < list.length; index++) {
    if (structs[list[index - 1]!]!.id.clock > structs[list[index]!]!.id.clock) return false
  }
  return true
}
