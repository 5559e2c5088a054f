/**
 * A document seen as its blocks: the textblocks (paragraphs, headings, list paragraphs, table cell
 * paragraphs) and leaf blocks (rules) in reading order. Diffs, 二次备课 conflicts and 反思 references
 * all work on blocks.
 *
 * A block's `key` is the id of its Yjs item. A version, the shared plan and every adaptation forked
 * from it hold the same items, so one passage keeps its key across all of them for as long as it is
 * edited in place; a block that was deleted and typed anew gets a new key.
 */
import type { Schema } from '@tiptap/pm/model'
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { contentFragmentName } from '../schema/editor-schema.ts'
import { proseMirrorDocOf } from '../schema/y-prosemirror.ts'
import type { SharedType } from '../sync/shared-type.ts'

export type BlockJson = Record<string, unknown>

export interface Block {
  key: string
  /** Node type name: `paragraph`, `heading`, … */
  type: string
  text: string
  /** Title of the 导学案 section (or, in a plan without sections, the heading) the block is under; '' before the first. */
  section: string
  /** Template key of that section, '' outside template sections: variants of one lesson pair sections by it. */
  sectionKey: string
  /** The block as ProseMirror JSON, marks included. */
  json: BlockJson
}

export function blockKeyOf(element: SharedType): string | null {
  const id = element._item?.id
  return id ? `${id.client}:${id.clock}` : null
}

/** Blocks of the document body of `doc`. */
export function documentBlocks(doc: Y.Doc, schema: Schema): Block[] {
  return fragmentBlocks(doc.getXmlFragment(contentFragmentName), schema)
}

export function fragmentBlocks(fragment: Y.XmlFragment, schema: Schema): Block[] {
  const { mapping } = proseMirrorDocOf(fragment, schema)
  const blocks: Block[] = []
  let heading = ''
  const visit = (parent: Y.XmlFragment | Y.XmlElement, section: { title: string; key: string } | null): void => {
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue
      const node = mapping.get(child)
      // Elements the schema cannot read (from a newer editor) are left out rather than guessed at.
      if (!node || Array.isArray(node)) continue
      if (node.type.name === 'section') {
        visit(child, { title: String(node.attrs['title'] ?? ''), key: String(node.attrs['key'] ?? '') })
        continue
      }
      if (node.isTextblock || (node.isBlock && node.isLeaf)) {
        // In a plan without template sections, headings divide it instead.
        if (node.type.name === 'heading' && section === null) heading = node.textContent
        const key = blockKeyOf(child)
        if (!key) continue
        blocks.push({
          key,
          type: node.type.name,
          text: node.textContent,
          section: section?.title ?? heading,
          sectionKey: section?.key ?? '',
          json: node.toJSON() as BlockJson,
        })
        continue
      }
      visit(child, section)
    }
  }
  visit(fragment, null)
  return blocks
}

/** Whether two blocks hold the same content, formatting included. */
export function sameContent(a: Block, b: Block): boolean {
  return JSON.stringify(a.json) === JSON.stringify(b.json)
}

/** Loads a full document state (one Yjs update) into a fresh Y.Doc. */
export function docFromState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  return doc
}

/**
 * The document body of a full state as ProseMirror JSON, to show it read-only. Built through the
 * schema, so what a reader is handed always renders: a node the schema does not know (written by a
 * newer client) is left out instead of breaking the page.
 */
export function bodyJsonOfState(state: Uint8Array, schema: Schema): BlockJson {
  const doc = docFromState(state)
  const json = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(contentFragmentName), schema).toJSON() as BlockJson
  doc.destroy()
  return json
}

export function blocksOfState(state: Uint8Array, schema: Schema): Block[] {
  const doc = docFromState(state)
  const blocks = documentBlocks(doc, schema)
  doc.destroy()
  return blocks
}
