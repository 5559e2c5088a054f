/**
 * Server-side changes to a document's body, computed as Yjs updates on top of its current state so
 * that they merge with whatever else is being typed: restoring an old version, settling a 二次备课
 * conflict (pulling a new version is in `pull.ts`). Nothing here rewrites history; every result is an
 * update to submit through the document's room (or the store when no room is open).
 */
import type { Node as ProseMirrorNode, Schema } from '@tiptap/pm/model'
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { contentFragmentName } from '../schema/editor-schema.ts'
import { type BlockJson, blockKeyOf, docFromState } from '../versions/document-blocks.ts'

/** The change that makes the body of `currentState` read like the body of `oldState` again. */
export function restoreUpdate(currentState: Uint8Array, oldState: Uint8Array, schema: Schema): Uint8Array | null {
  const old = docFromState(oldState)
  const oldBody = yXmlFragmentToProseMirrorRootNode(old.getXmlFragment(contentFragmentName), schema)
  old.destroy()
  return changeOf(currentState, (doc, body) => {
    updateYFragment(doc, body, oldBody, freshBindingMeta())
  })
}

/**
 * The change that sets the passage `key` to `json`, or removes it when `json` is null. A passage that
 * is gone is put back after the block `afterKey` (or at the end when that is gone too).
 */
export function rewriteBlockUpdate(
  state: Uint8Array,
  key: string,
  json: BlockJson | null,
  afterKey: string | null,
  schema: Schema,
): Uint8Array | null {
  const node = json === null ? null : schema.nodeFromJSON(json)
  return changeOf(state, (doc, body) => {
    rewriteBlock(doc, body, key, node, afterKey)
  })
}

/**
 * Makes the passage `key` of `body` read as `node` (removes it when null), as `rewriteBlockUpdate`
 * says, and returns the key of the block that holds it now: another one when it had to be made anew
 * (put back, or of another kind), null when it was removed.
 */
export function rewriteBlock(
  doc: Y.Doc,
  body: Y.XmlFragment,
  key: string,
  node: ProseMirrorNode | null,
  afterKey: string | null,
): string | null {
  const found = findElement(body, key)
  if (found) {
    if (node === null) {
      found.parent.delete(found.index, 1)
      return null
    }
    if (found.element.nodeName !== node.type.name) return replaceAt(doc, found.parent, found.index, node, 1)
    updateYFragment(doc, found.element, node, freshBindingMeta())
    return key
  }
  if (node === null) return null
  const anchor = afterKey === null ? null : findElement(body, afterKey)
  return anchor ? replaceAt(doc, anchor.parent, anchor.index + 1, node, 0) : replaceAt(doc, body, body.length, node, 0)
}

/** Runs `change` on a copy of the document and returns what it did, or null if it did nothing. */
function changeOf(state: Uint8Array, change: (doc: Y.Doc, body: Y.XmlFragment) => void): Uint8Array | null {
  const doc = docFromState(state)
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  doc.transact(() => change(doc, doc.getXmlFragment(contentFragmentName)))
  doc.destroy()
  return updates.length === 0 ? null : Y.mergeUpdates(updates)
}

/** Puts a new block reading as `node` at `index` (in place of `remove` blocks) and returns its key. */
function replaceAt(
  doc: Y.Doc,
  parent: Y.XmlFragment | Y.XmlElement,
  index: number,
  node: ProseMirrorNode,
  remove: number,
): string | null {
  if (remove > 0) parent.delete(index, remove)
  const element = new Y.XmlElement(node.type.name)
  parent.insert(index, [element])
  updateYFragment(doc, element, node, freshBindingMeta())
  return blockKeyOf(element)
}

interface FoundElement {
  element: Y.XmlElement
  parent: Y.XmlFragment | Y.XmlElement
  index: number
}

function findElement(parent: Y.XmlFragment | Y.XmlElement, key: string): FoundElement | null {
  const children = parent.toArray()
  for (const [index, child] of children.entries()) {
    if (!(child instanceof Y.XmlElement)) continue
    if (blockKeyOf(child) === key) return { element: child, parent, index }
    const inner = findElement(child, key)
    if (inner) return inner
  }
  return null
}

/** y-tiptap's binding metadata for a one-off update with no editor attached. */
function freshBindingMeta() {
  return { mapping: new Map(), isOMark: new Map() }
}
