/**
 * Keeps a 导学案's structure whole while teachers type: the header's fields and the sections (their
 * keys and titles) change only with the template, never by an edit in the editor.
 *
 * The schema's isolating nodes already keep Enter and Backspace inside a section; what remains are
 * edits across the structure: a selection from one section into the next deleted or typed over, select-all
 * then Delete, a drag that moves a section, the browser's own editing joining a line to the field before
 * it. A local transaction that changes the structure, or replaces a range reaching from one section or
 * header field into another, is refused as a whole; changes that come from Yjs (colleagues, undo) always
 * pass, or two editors could disagree about the document.
 * Pasted sections and headers become plain blocks, so copying from another 导学案 still works.
 *
 * Backspace at the very start of a section or a header field, and Delete at its very end, do nothing:
 * no command handles them there, and the browser's own handling would pull the line across the
 * section's title into the previous field or section.
 */
import { Extension } from '@tiptap/core'
import { isChangeOrigin } from '@tiptap/extension-collaboration'
import { Fragment, type Node as ProseMirrorNode, type ResolvedPos, type Schema, Slice } from '@tiptap/pm/model'
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { headerFieldLabels, isHeaderFieldKey } from '../../../shared/schema/header-fields.ts'

/** The parts of a document no edit may change, as one comparable string. Loose blocks do not count. */
export function structureOf(doc: ProseMirrorNode): string {
  const parts: string[] = []
  doc.forEach((child) => {
    if (child.type.name === 'section') {
      parts.push(JSON.stringify(['section', child.attrs.key, child.attrs.title, child.attrs.teacherOnly]))
    } else if (child.type.name === 'lessonHeader') {
      const fields: unknown[] = []
      child.forEach((field) => fields.push(field.attrs.field))
      parts.push(JSON.stringify(['header', fields]))
    }
  })
  return parts.join('\n')
}

/** Which section, header field or loose part of the document `pos` is in. */
function containerAt(doc: ProseMirrorNode, pos: number): string {
  const $pos = doc.resolve(pos)
  if ($pos.depth === 0) return 'doc'
  const top = $pos.node(1).type.name
  if (top === 'section') return `section ${$pos.index(0)}`
  if (top === 'lessonHeader') return $pos.depth === 1 ? 'header' : `field ${$pos.index(1)}`
  return 'doc'
}

function replacesAcrossStructure(transaction: Transaction): boolean {
  return transaction.steps.some((step, index) => {
    const doc = transaction.docs[index]!
    let across = false
    step.getMap().forEach((from, to) => {
      if (containerAt(doc, from) !== containerAt(doc, to)) across = true
    })
    return across
  })
}

export function keepsStructure(transaction: Transaction, before: ProseMirrorNode): boolean {
  return !replacesAcrossStructure(transaction) && structureOf(transaction.doc) === structureOf(before)
}

/** The guard: whether `transaction` may be applied to `state`. */
export function allowsTransaction(transaction: Transaction, state: EditorState): boolean {
  return !transaction.docChanged || isChangeOrigin(transaction) || keepsStructure(transaction, state.doc)
}

const structuralTypes = new Set(['lessonHeader', 'headerField', 'section'])

function containsStructure(fragment: Fragment): boolean {
  let found = false
  fragment.descendants((node) => {
    if (structuralTypes.has(node.type.name)) found = true
    return !found
  })
  return found
}

/** Section titles become headings, header fields become `学科：数学` lines, everything else stays. */
function flattenInto(node: ProseMirrorNode, schema: Schema, openAtStart: boolean, blocks: ProseMirrorNode[]): void {
  switch (node.type.name) {
    case 'section': {
      const title = String(node.attrs.title)
      // The heading takes the section's 来源 (LIBRARY-8): it now stands for the section.
      const blockSource: unknown = node.attrs.blockSource
      const attrs = { level: 3, blockSource: blockSource ?? null }
      if (!openAtStart && title) blocks.push(schema.nodes.heading!.create(attrs, schema.text(title)))
      node.forEach((child, _offset, index) => flattenInto(child, schema, openAtStart && index === 0, blocks))
      return
    }
    case 'lessonHeader':
      node.forEach((field) => flattenInto(field, schema, false, blocks))
      return
    case 'headerField': {
      if (node.textContent === '') return
      const field: unknown = node.attrs.field
      const label = isHeaderFieldKey(field) ? `${headerFieldLabels[field]}：` : ''
      blocks.push(schema.nodes.paragraph!.create(null, schema.text(label + node.textContent)))
      return
    }
    default:
      blocks.push(node)
  }
}

export function flattenPastedStructure(slice: Slice, schema: Schema): Slice {
  if (!containsStructure(slice.content)) return slice
  const blocks: ProseMirrorNode[] = []
  slice.content.forEach((node, _offset, index) => flattenInto(node, schema, index === 0 && slice.openStart > 0, blocks))
  return blocks.length === 0 ? Slice.empty : Slice.maxOpen(Fragment.from(blocks))
}

const boundaryTypes = new Set(['section', 'headerField'])

/** Depth of the nearest section or header field around `$pos`, or -1. */
function boundaryDepth($pos: ResolvedPos): number {
  for (let depth = $pos.depth; depth > 0; depth--) if (boundaryTypes.has($pos.node(depth).type.name)) return depth
  return -1
}

/** Whether an empty selection sits at the very start (or end) of its section or header field. */
export function atStructureEdge(state: EditorState, edge: 'start' | 'end'): boolean {
  const { empty, $from } = state.selection
  if (!empty || !$from.parent.isTextblock) return false
  const depth = boundaryDepth($from)
  if (depth < 0) return false
  if (edge === 'start') {
    if ($from.parentOffset > 0) return false
    for (let d = depth; d < $from.depth; d++) if ($from.index(d) > 0) return false
  } else {
    if ($from.parentOffset < $from.parent.content.size) return false
    for (let d = depth; d < $from.depth; d++) if ($from.indexAfter(d) < $from.node(d).childCount) return false
  }
  return true
}

export interface LessonStructureOptions {
  /** Called when an edit was refused, to tell the teacher why nothing happened. */
  onRefused: () => void
}

export const LessonStructure = Extension.create<LessonStructureOptions>({
  name: 'lessonStructure',
  // Its keys are the last resort, after every other extension declined them.
  priority: 1,

  addOptions() {
    return { onRefused: () => {} }
  },

  addKeyboardShortcuts() {
    const atStart = () => atStructureEdge(this.editor.state, 'start')
    const atEnd = () => atStructureEdge(this.editor.state, 'end')
    return {
      Backspace: atStart,
      'Mod-Backspace': atStart,
      'Alt-Backspace': atStart,
      Delete: atEnd,
      'Mod-Delete': atEnd,
      'Alt-Delete': atEnd,
    }
  },

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('lessonStructure'),
        filterTransaction: (transaction, state) => {
          const allowed = allowsTransaction(transaction, state)
          if (!allowed) this.options.onRefused()
          return allowed
        },
        props: {
          transformPasted: (slice, view) => {
            const { schema, selection } = view.state
            // A header field holds one line of text: whatever is pasted there arrives as that line.
            if (selection.$from.parent.type.name === 'headerField') {
              const text = slice.content.textBetween(0, slice.content.size, ' ', ' ').replace(/\s+/g, ' ').trim()
              return text ? new Slice(Fragment.from(schema.text(text)), 0, 0) : Slice.empty
            }
            return flattenPastedStructure(slice, schema)
          },
        },
      }),
    ]
  },
})
