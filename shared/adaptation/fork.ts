/**
 * A document started from the shared plan's state — a 二次备课 forked from a 定稿 version, a 同课异构
 * design started from the plan — takes its text, not its threads (批注): those are remarks on the
 * plan, answered and resolved there, and a copy in the teacher's document would only look like one.
 * So the server drops them in the very change that brings them: the first state, and each pull.
 */
import * as Y from 'yjs'
import { threadsOf } from '../threads/thread-model.ts'
import { docFromState } from '../versions/document-blocks.ts'

/** The first state of a document started from `planState`: the plan's, without its threads. */
export function forkState(planState: Uint8Array): Uint8Array {
  return pullUpdate(planState, Y.encodeStateAsUpdate(new Y.Doc()))
}

/**
 * What an adaptation with `adaptationState` lacks of `versionState` — the shared plan's new changes —
 * together with the removal of the plan's threads they would bring. The adaptation's own threads stay.
 */
export function pullUpdate(versionState: Uint8Array, adaptationState: Uint8Array): Uint8Array {
  const doc = docFromState(adaptationState)
  const before = Y.encodeStateVector(doc)
  mergeVersion(doc, versionState)
  const update = Y.encodeStateAsUpdate(doc, before)
  doc.destroy()
  return update
}

/** Merges `versionState` into `doc` in one transaction, leaving the plan's threads out. */
export function mergeVersion(doc: Y.Doc, versionState: Uint8Array): void {
  const version = docFromState(versionState)
  const planThreadIds = [...threadsOf(version).keys()]
  version.destroy()
  doc.transact(() => {
    Y.applyUpdate(doc, versionState)
    const threads = threadsOf(doc)
    for (const id of planThreadIds) threads.delete(id)
  })
}
