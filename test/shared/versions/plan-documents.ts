/**
 * Builds 导学案 Y.Docs and edits them the way the editor does (y-tiptap's binding turns the edited
 * ProseMirror document into minimal Yjs changes), so tests see the same block identities as real use.
 */
import { prosemirrorJSONToYDoc, updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { buildEditorSchema, contentFragmentName } from '../../../shared/schema/editor-schema.ts'

export const schema = buildEditorSchema()

type Json = { type: string; attrs?: Record<string, unknown>; content?: Json[]; text?: string }

export const heading = (text: string): Json => ({
  type: 'heading',
  attrs: { level: 2 },
  content: [{ type: 'text', text }],
})
export const paragraph = (text: string): Json =>
  text === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text }] }

export function planDoc(blocks: Json[]): Y.Doc {
  return prosemirrorJSONToYDoc(schema, { type: 'doc', content: blocks }, contentFragmentName)
}

export function stateOf(doc: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(doc)
}

export function fork(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  return doc
}

export function bodyJson(doc: Y.Doc): { content: Json[] } {
  const body = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(contentFragmentName), schema)
  return body.toJSON() as { content: Json[] }
}

export function texts(doc: Y.Doc): string[] {
  return bodyJson(doc).content.map((block) => (block.content ?? []).map((inline) => inline.text ?? '').join(''))
}

/** Edits the body as a teacher in the editor would: `edit` gets the blocks and returns new ones. */
export function editBody(doc: Y.Doc, edit: (blocks: Json[]) => Json[]): void {
  const next = schema.nodeFromJSON({ type: 'doc', content: edit(bodyJson(doc).content) })
  updateYFragment(doc, doc.getXmlFragment(contentFragmentName), next, { mapping: new Map(), isOMark: new Map() })
}

/** Replaces the text of the block at `index`, keeping the block (typing inside it). */
export function retype(doc: Y.Doc, index: number, text: string): void {
  editBody(doc, (blocks) =>
    blocks.map((block, at) => (at === index ? { ...block, content: text ? [{ type: 'text', text }] : [] } : block)),
  )
}
