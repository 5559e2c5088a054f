/**
 * Yjs updates written byte by byte (the v1 update format), for structs no Yjs document would ever
 * produce: items that refer to themselves or to nothing, chains of types of any depth, delete sets of
 * any size. Each item names its own client and clock; the items of one client must have consecutive
 * clocks, in order.
 */
import * as encoding from 'lib0/encoding'

export type Id = readonly [client: number, clock: number]

export interface HostileItem {
  id: Id
  origin?: Id
  rightOrigin?: Id
  /** A root's name, or the id of the item holding the parent type; only without origins. */
  parent?: string | Id
  parentSub?: string
  content: { text: string } | { type: 'map' | 'array' | 'text' } | { element: string } | { any: unknown[] }
}

export type Deletion = readonly [client: number, clock: number, length: number]

const typeRefs = { array: 0, map: 1, text: 2 } as const

export function encodeHostileUpdate(items: readonly HostileItem[], deletions: readonly Deletion[] = []): Uint8Array {
  const encoder = encoding.createEncoder()
  const byClient = new Map<number, HostileItem[]>()
  for (const item of items) groupInto(byClient, item.id[0], item)
  encoding.writeVarUint(encoder, byClient.size)
  for (const [client, structs] of byClient) {
    encoding.writeVarUint(encoder, structs.length)
    encoding.writeVarUint(encoder, client)
    encoding.writeVarUint(encoder, structs[0]!.id[1])
    for (const item of structs) writeItem(encoder, item)
  }
  const deleted = new Map<number, Deletion[]>()
  for (const deletion of deletions) groupInto(deleted, deletion[0], deletion)
  encoding.writeVarUint(encoder, deleted.size)
  for (const [client, ranges] of deleted) {
    encoding.writeVarUint(encoder, client)
    encoding.writeVarUint(encoder, ranges.length)
    for (const [, clock, length] of ranges) {
      encoding.writeVarUint(encoder, clock)
      encoding.writeVarUint(encoder, length)
    }
  }
  return encoding.toUint8Array(encoder)
}

/** Appends in place: copying the list for each entry made a delete set of 100,000 ranges take minutes. */
function groupInto<T>(groups: Map<number, T[]>, client: number, entry: T): void {
  const group = groups.get(client)
  if (group) group.push(entry)
  else groups.set(client, [entry])
}

function writeItem(encoder: encoding.Encoder, item: HostileItem): void {
  const content = item.content
  const ref = 'text' in content ? 4 : 'any' in content ? 8 : 7
  const info =
    ref | (item.origin ? 0x80 : 0) | (item.rightOrigin ? 0x40 : 0) | (item.parentSub !== undefined ? 0x20 : 0)
  encoding.writeUint8(encoder, info)
  if (item.origin) writeId(encoder, item.origin)
  if (item.rightOrigin) writeId(encoder, item.rightOrigin)
  if (!item.origin && !item.rightOrigin) {
    if (typeof item.parent === 'string') {
      encoding.writeVarUint(encoder, 1)
      encoding.writeVarString(encoder, item.parent)
    } else {
      encoding.writeVarUint(encoder, 0)
      writeId(encoder, item.parent ?? [0, 0])
    }
    if (item.parentSub !== undefined) encoding.writeVarString(encoder, item.parentSub)
  }
  if ('text' in content) encoding.writeVarString(encoder, content.text)
  else if ('any' in content) {
    encoding.writeVarUint(encoder, content.any.length)
    for (const value of content.any) encoding.writeAny(encoder, value as never)
  } else if ('element' in content) {
    encoding.writeVarUint(encoder, 3)
    encoding.writeVarString(encoder, content.element)
  } else encoding.writeVarUint(encoder, typeRefs[content.type])
}

function writeId(encoder: encoding.Encoder, [client, clock]: Id): void {
  encoding.writeVarUint(encoder, client)
  encoding.writeVarUint(encoder, clock)
}

/** Y.Maps nested `depth` deep, each the value `key` of the one before, the first in `parent`. */
export function nestedMaps(client: number, parent: string | Id, depth: number, parentSub?: string): HostileItem[] {
  const items: HostileItem[] = [{ id: [client, 0], parent, parentSub, content: { type: 'map' } }]
  for (let clock = 1; clock < depth; clock++) {
    items.push({ id: [client, clock], parent: [client, clock - 1], parentSub: 'm', content: { type: 'map' } })
  }
  return items
}
