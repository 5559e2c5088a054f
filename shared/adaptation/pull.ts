/**
 * Pulling a newer 定稿 version into a teacher's 二次备课 (ADAPT-1…3). The adaptation is a fork of the
 * version it is based on, so the newer version merges in as CRDT changes and every passage only one
 * side changed comes out right by itself. A passage both changed would come out as Yjs's merge of the
 * two, character by character — 「第1、2题。正方体，并标出相对的面」, words of each side interleaved —
 * which is nobody's text. So in the same change the teacher's passage is made to read exactly as she
 * wrote it again, and the shared version waits beside it (the conflict) until she decides.
 */
import type { Schema } from '@tiptap/pm/model'
import * as Y from 'yjs'
import { contentFragmentName } from '../schema/editor-schema.ts'
import { blocksOfState, docFromState } from '../versions/document-blocks.ts'
import { type ConflictSpot, findConflicts } from './conflicts.ts'
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

export function pullVersion(baseState: Uint8Array, versionState: Uint8Array, adaptationState: Uint8Array, schema: Schema): PulledVersion {
  const spots = findConflicts(
    blocksOfState(baseState, schema),
    blocksOfState(versionState, schema),
    blocksOfState(adaptationState, schema),
  )
  const doc = docFromState(adaptationState)
  const before = Y.encodeStateVector(doc)
  mergeVersion(doc, versionState)
  const body = doc.getXmlFragment(contentFragmentName)
  const conflicts = spots.map((spot): ConflictSpot => {
    // The teacher deleted it: the merge leaves it deleted, whatever the shared plan wrote inside it.
    if (spot.mine === null) return spot
    const key = rewriteBlock(doc, body, spot.key, schema.nodeFromJSON(spot.mine.json), spot.afterKey)
    return { ...spot, key: key ?? spot.key }
  })
  const update = Y.encodeStateAsUpdate(doc, before)
  doc.destroy()
  return { update, conflicts }
}
