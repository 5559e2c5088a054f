/**
 * Pulling a newer 定稿 version into a teacher's 二次备课 (ADAPT-1…3). The adaptation is a fork of the
 * version it is based on, so the newer version merges in as CRDT changes and every passage only one
 * side changed comes out right by itself. A passage both changed would come out as Yjs's merge of the
 * two, character by character — 「第1、2题。正方体，并标出相对的面」, words of each side interleaved —
 * which is nobody's text. So in the same change the teacher's passage is made to read exactly as she
 * wrote it again, and the shared version waits beside it (the conflict) until she decides. A passage
 * both changed alike is written once, not with both sides' copies of the same words.
 */
import type { Schema } from '@tiptap/pm/model'
import * as Y from 'yjs'
import { contentFragmentName } from '../schema/editor-schema.ts'
import { type Block, blocksOfState, docFromState, documentBlocks } from '../versions/document-blocks.ts'
import { type ConflictSpot, findAgreements, findConflicts } from './conflicts.ts'
import { rewriteBlock } from './document-changes.ts'
import { mergeVersion } from './fork.ts'

export interface PulledVersion {
  /** One update: the newer version's changes, its threads left out, the flagged passages kept as the teacher's. */
  update: Uint8Array
  /**
   * The passages both sides changed, keyed by the block that holds the teacher's passage after the
   * pull: a new one where the shared plan had deleted hers and it was put back.
   */
  conflicts: ConflictSpot[]
}

export function pullVersion(
  baseState: Uint8Array,
  versionState: Uint8Array,
  adaptationState: Uint8Array,
  schema: Schema,
): PulledVersion {
  const base = blocksOfState(baseState, schema)
  const shared = blocksOfState(versionState, schema)
  const mine = blocksOfState(adaptationState, schema)
  const spots = findConflicts(base, shared, mine)
  const doc = docFromState(adaptationState)
  const before = Y.encodeStateVector(doc)
  mergeVersion(doc, versionState)
  const body = doc.getXmlFragment(contentFragmentName)
  for (const agreed of findAgreements(base, shared, mine)) {
    rewriteBlock(doc, body, agreed.key, schema.nodeFromJSON(agreed.json), null)
  }
  // Each of the teacher's passages after the merge, by its key before: put back ones under their new key.
  const present = new Map(documentBlocks(doc, schema).map((block) => [block.key, block.key]))
  const conflicts = spots.map((spot): ConflictSpot => {
    // The teacher deleted it: the merge leaves it deleted, whatever the shared plan wrote inside it.
    if (spot.mine === null) return spot
    // Where the shared plan deleted it, it goes back after the nearest passage before it that is left.
    const afterKey = present.has(spot.key) ? spot.afterKey : lastBefore(mine, spot.key, present)
    const key = rewriteBlock(doc, body, spot.key, schema.nodeFromJSON(spot.mine.json), afterKey)
    if (key !== null) present.set(spot.key, key)
    return { ...spot, key: key ?? spot.key, afterKey }
  })
  const update = Y.encodeStateAsUpdate(doc, before)
  doc.destroy()
  return { update, conflicts }
}

/** Where the last of `blocks` before `key` that is still there is now; null when none is. */
function lastBefore(blocks: readonly Block[], key: string, present: ReadonlyMap<string, string>): string | null {
  const index = blocks.findIndex((block) => block.key === key)
  for (let at = index - 1; at >= 0; at--) {
    const now = present.get(blocks[at]!.key)
    if (now !== undefined) return now
  }
  return null
}
