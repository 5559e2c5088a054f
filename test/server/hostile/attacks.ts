/**
 * Hostile traffic as fast-check arbitraries: each `Attack` describes what one connection sends, and
 * `framesOf` turns it into the frames, built before the clock starts so that building them costs the
 * server nothing. Sizes are modest but each attack passes the limit it aims at (docs/BOUNDS.md,
 * docs/SECURITY.md), so every run reaches the code that refuses it.
 */
import fc from 'fast-check'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { encodeAwareness } from '../../../server/collab/outgoing-message.ts'
import { limits } from '../../../shared/limits.ts'
import { MessageType } from '../../../shared/protocol/messages.ts'
import { type Deletion, encodeHostileUpdate, type HostileItem, nestedMaps } from '../../helpers/hostile-updates.ts'

export type Attack =
  /** Types nested in one update, under a root (content, threads) or an unknown one. */
  | { kind: 'deepNesting'; root: string; depth: number; via: 'map' | 'array' }
  /** A value (map entry) whose arrays and objects nest past `limits.maxValueDepth`. */
  | { kind: 'deepValue'; depth: number }
  /** A delete set of many ranges, of clients the document has or not. */
  | { kind: 'deleteSet'; ranges: number; client: number }
  /** Items whose origin, right origin or parent is in neither the document nor the update. */
  | { kind: 'missingReference'; via: 'origin' | 'rightOrigin' | 'parent'; count: number }
  /** Items that refer to themselves, or to each other in a circle. */
  | { kind: 'selfReference'; via: 'origin' | 'rightOrigin' | 'parent' | 'circle' }
  /** One-character updates as fast as the socket takes them. */
  | { kind: 'flood'; updates: number }
  /** Awareness states: too large, or for too many client ids, or many within the limits. */
  | { kind: 'awareness'; states: number; stateBytes: number }
  /** Bytes that are no well-formed message: random, cut short, or text frames. */
  | { kind: 'malformed'; frames: Uint8Array[]; text: boolean }

/** Client ids the attacker writes under; far from the ids Yjs picks at random for honest clients. */
const attackerClients = { min: 1, max: 1_000 }

const deepNesting = fc.record({
  kind: fc.constant('deepNesting' as const),
  root: fc.constantFrom('content', 'threads', 'elsewhere'),
  depth: fc.integer({ min: limits.maxContentDepth + 1, max: 4_000 }),
  via: fc.constantFrom('map' as const, 'array' as const),
})

const deepValue = fc.record({
  kind: fc.constant('deepValue' as const),
  depth: fc.integer({ min: limits.maxValueDepth + 1, max: 2_000 }),
})

const deleteSet = fc.record({
  kind: fc.constant('deleteSet' as const),
  // Past `limits.maxDeleteRangesPerUpdate`, the connection is closed unread (4415).
  ranges: fc.oneof(
    fc.integer({ min: 1_000, max: 30_000 }),
    fc.integer({ min: limits.maxDeleteRangesPerUpdate + 1, max: limits.maxDeleteRangesPerUpdate + 20_000 }),
  ),
  client: fc.integer(attackerClients),
})

const missingReference = fc.record({
  kind: fc.constant('missingReference' as const),
  via: fc.constantFrom('origin' as const, 'rightOrigin' as const, 'parent' as const),
  // Past `limits.maxHeldUpdatesPerConnection`, the connection is closed (4505).
  count: fc.integer({ min: 1, max: limits.maxHeldUpdatesPerConnection + 20 }),
})

const selfReference = fc.record({
  kind: fc.constant('selfReference' as const),
  via: fc.constantFrom('origin' as const, 'rightOrigin' as const, 'parent' as const, 'circle' as const),
})

const flood = fc.record({
  kind: fc.constant('flood' as const),
  updates: fc.integer({ min: limits.maxFramesBurst + 1, max: limits.maxFramesBurst * 3 }),
})

const awareness = fc.oneof(
  // Too large a state.
  fc.record({
    kind: fc.constant('awareness' as const),
    states: fc.integer({ min: 1, max: 3 }),
    stateBytes: fc.integer({ min: limits.maxAwarenessStateBytes + 1, max: 2 * 1024 * 1024 }),
  }),
  // Too many client ids, or many renewals within the limits.
  fc.record({
    kind: fc.constant('awareness' as const),
    states: fc.integer({ min: 1, max: limits.maxAwarenessClientsPerConnection * 40 }),
    stateBytes: fc.integer({ min: 2, max: limits.maxAwarenessStateBytes - 100 }),
  }),
)

const malformed = fc.record({
  kind: fc.constant('malformed' as const),
  frames: fc.array(
    fc.oneof(
      fc.uint8Array({ minLength: 0, maxLength: 64 }),
      // A sync or awareness message type with garbage after it.
      fc
        .tuple(fc.constantFrom(0, 1, 2, 3), fc.constantFrom(0, 1, 2), fc.uint8Array({ maxLength: 64 }))
        .map(([type, sub, rest]) => new Uint8Array([type, sub, ...rest])),
    ),
    { minLength: 1, maxLength: 20 },
  ),
  text: fc.boolean(),
})

export const attack: fc.Arbitrary<Attack> = fc.oneof(
  deepNesting,
  deepValue,
  deleteSet,
  missingReference,
  selfReference,
  flood,
  awareness,
  malformed,
)

export function describeAttack(attack: Attack): string {
  return attack.kind === 'malformed'
    ? `malformed ×${attack.frames.length}${attack.text ? ' (text)' : ''}`
    : JSON.stringify(attack)
}

/** The frames of `attack`, in the order they are sent; a string is sent as a text frame. */
export function framesOf(attack: Attack, attackerClient: number): (Uint8Array | string)[] {
  switch (attack.kind) {
    case 'deepNesting':
      return [updateFrame(encodeHostileUpdate(nestedTypes(attackerClient, attack)))]
    case 'deepValue':
      return [updateFrame(deepValueUpdate(attackerClient, attack.depth))]
    case 'deleteSet':
      return [updateFrame(deleteSetUpdate(attack.client, attack.ranges))]
    case 'missingReference':
      return Array.from({ length: attack.count }, (_, i) =>
        updateFrame(encodeHostileUpdate([missingReferenceItem(attackerClient, i, attack.via)])),
      )
    case 'selfReference':
      return [updateFrame(encodeHostileUpdate(selfReferenceItems(attackerClient, attack.via)))]
    case 'flood':
      return floodUpdates(attackerClient, attack.updates).map(updateFrame)
    case 'awareness':
      return Array.from({ length: attack.states }, (_, i) =>
        awarenessFrame(attackerClient * 1_000 + i, 1, { pad: 'x'.repeat(attack.stateBytes) }),
      )
    case 'malformed':
      return attack.frames.map((frame) => (attack.text ? Buffer.from(frame).toString('latin1') : frame))
    default:
      return attack satisfies never
  }
}

export function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  encoding.writeVarUint(encoder, 2)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

function nestedTypes(client: number, { root, depth, via }: Extract<Attack, { kind: 'deepNesting' }>): HostileItem[] {
  if (via === 'map') return nestedMaps(client, root, depth, root === 'threads' ? `t-${client}` : 'm')
  const items: HostileItem[] = [{ id: [client, 0], parent: root, content: { type: 'array' } }]
  for (let clock = 1; clock < depth; clock++) {
    items.push({ id: [client, clock], parent: [client, clock - 1], content: { type: 'array' } })
  }
  return items
}

function deepValueUpdate(client: number, depth: number): Uint8Array {
  let value: unknown = '深'
  for (let level = 0; level < depth; level++) value = level % 2 ? [value] : { v: value }
  return encodeHostileUpdate([{ id: [client, 0], parent: 'elsewhere', parentSub: 'value', content: { any: [value] } }])
}

function deleteSetUpdate(client: number, ranges: number): Uint8Array {
  const deletions: Deletion[] = Array.from({ length: ranges }, (_, i) => [client, i * 2, 1] as const)
  return encodeHostileUpdate([], deletions)
}

/** An item of `client` at clock `index` that refers to clock `index` of a client nobody has. */
function missingReferenceItem(client: number, index: number, via: 'origin' | 'rightOrigin' | 'parent'): HostileItem {
  const absent = [client + 5_000, index] as const
  const item: HostileItem = { id: [client, index], content: { text: '缺' } }
  if (via === 'parent') return { ...item, parent: absent, parentSub: 'k' }
  return { ...item, [via]: absent }
}

function selfReferenceItems(client: number, via: 'origin' | 'rightOrigin' | 'parent' | 'circle'): HostileItem[] {
  const id = [client, 0] as const
  switch (via) {
    case 'circle':
      return [
        { id: [client, 0], origin: [client + 1, 0], content: { text: '甲' } },
        { id: [client + 1, 0], origin: [client, 0], content: { text: '乙' } },
      ]
    case 'parent':
      return [{ id, parent: id, parentSub: 'self', content: { type: 'map' } }]
    default:
      return [{ id, [via]: id, content: { text: '我' } }]
  }
}

/** Real Yjs updates of one character each, into a root of their own, as a runaway client sends them. */
function floodUpdates(client: number, count: number): Uint8Array[] {
  const doc = new Y.Doc()
  doc.clientID = client
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  const text = doc.getText('flood')
  for (let i = 0; i < count; i++) text.insert(text.length, '洪')
  doc.destroy()
  return updates
}

function awarenessFrame(clientId: number, clock: number, state: Record<string, unknown>): Uint8Array {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc())
  awareness.clientID = clientId
  awareness.meta.set(clientId, { clock, lastUpdated: 0 })
  awareness.states.set(clientId, state)
  const frame = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, [clientId]))
  awareness.destroy()
  return frame
}
