/**
 * 来源 of copied blocks in the editor (LIBRARY-8). Copying whole blocks or sections out of a document
 * writes the document into the clipboard's HTML (`data-block-source` on each block, through the
 * schema's attribute), unless a block already names where it came from; pasting them into another
 * document keeps it as the blocks' `blockSource`, so it lives in the Y.Doc, stays while the block is
 * edited and reaches every co-editor. Pasted into the document they came from, they carry none. A
 * pasted section becomes a heading and blocks (`lesson-structure.ts`); the heading takes its source.
 *
 * Each sourced block shows its 来源 above it as a link to the source, named by the server for this
 * reader (`GET /api/block-sources`).
 */
import { Extension } from '@tiptap/core'
import { Fragment, type Node as ProseMirrorNode, Slice } from '@tiptap/pm/model'
import { type EditorState, Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { NamedBlockSource } from '../../../shared/api/library.ts'
import {
  blockSourceAttribute,
  blockSourceValue,
  parseBlockSource,
  sourcedBlockTypes,
} from '../../../shared/schema/block-source.ts'
import { hrefFor } from '../routing.ts'

export interface BlockSourcesOptions {
  documentId: string
  /** Names sources for this reader; the editor passes the API call. */
  name: (sources: readonly string[]) => Promise<NamedBlockSource[]>
}

interface SourcesState {
  names: ReadonlyMap<string, NamedBlockSource>
  /** Sources shown in the document now. */
  shown: readonly string[]
  decorations: DecorationSet
}

const key = new PluginKey<SourcesState>('blockSources')
const sourced = new Set<string>(sourcedBlockTypes)
/** After a failed lookup (offline), how long before the same source is asked for again. */
const retryAfterMs = 30_000

export const BlockSources = Extension.create<BlockSourcesOptions>({
  name: 'blockSources',

  addOptions() {
    return { documentId: '', name: () => Promise.resolve([]) }
  },

  addProseMirrorPlugins() {
    const own = blockSourceValue({ kind: 'document', id: this.options.documentId })
    const name = this.options.name
    return [
      new Plugin<SourcesState>({
        key,
        state: {
          init: (_config, state) => sourcesState(state.doc, new Map()),
          apply: (transaction, value, _old, state) => {
            const named = transaction.getMeta(key) as NamedBlockSource[] | undefined
            if (!named && !transaction.docChanged) return value
            const names = named
              ? new Map([...value.names, ...named.map((one) => [one.source, one] as const)])
              : value.names
            return sourcesState(state.doc, names)
          },
        },
        props: {
          decorations: (state) => key.getState(state)?.decorations,
          transformCopied: (slice, view) => withOwnSource(slice, view.state, own),
          transformPasted: (slice) => pastedSlice(slice, own),
        },
        view: () => {
          const asked = new Set<string>()
          return {
            update: (view) => {
              const state = key.getState(view.state)
              const missing = state?.shown.filter((source) => !state.names.has(source) && !asked.has(source)) ?? []
              if (missing.length === 0) return
              for (const source of missing) asked.add(source)
              name(missing).then(
                (named) => {
                  if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(key, named).setMeta('addToHistory', false))
                },
                () => setTimeout(() => missing.forEach((source) => asked.delete(source)), retryAfterMs),
              )
            },
          }
        },
      }),
    ]
  },
})

/** The blocks that show a source: loose blocks, sections and the blocks of sections. */
function sourcedBlocks(doc: ProseMirrorNode, visit: (node: ProseMirrorNode, pos: number, source: string) => void) {
  const look = (node: ProseMirrorNode, pos: number) => {
    const source: unknown = node.attrs[blockSourceAttribute]
    if (sourced.has(node.type.name) && typeof source === 'string' && parseBlockSource(source)) visit(node, pos, source)
  }
  doc.forEach((child, offset) => {
    look(child, offset)
    if (child.type.name === 'section') child.forEach((block, inner) => look(block, offset + 1 + inner))
  })
}

function sourcesState(doc: ProseMirrorNode, names: ReadonlyMap<string, NamedBlockSource>): SourcesState {
  const shown = new Set<string>()
  const widgets: Decoration[] = []
  sourcedBlocks(doc, (node, pos, source) => {
    shown.add(source)
    const named = names.get(source)
    // A section names its source under its title, inside it; any other block just above itself.
    const at = node.type.name === 'section' ? pos + 1 : pos
    widgets.push(
      Decoration.widget(at, () => sourceLink(source, named), {
        side: -1,
        key: `${source} ${named?.label ?? ''}`,
        ignoreSelection: true,
        stopEvent: () => true,
      }),
    )
  })
  return { names, shown: [...shown], decorations: DecorationSet.create(doc, widgets) }
}

function sourceLink(source: string, named: NamedBlockSource | undefined): HTMLElement {
  const opens = named?.opens
  const link = document.createElement(opens ? 'a' : 'span')
  link.className = 'block-source'
  link.contentEditable = 'false'
  link.dataset['testid'] = 'block-source'
  link.dataset['source'] = source
  link.textContent = named?.label ?? '来源：……'
  if (opens) {
    const href = hrefFor(
      opens.kind === 'version' ? { page: 'version', versionId: opens.id } : { page: 'editor', documentId: opens.id },
    )
    link.setAttribute('href', href)
    link.title = '打开来源'
    // The editor would otherwise take the press as placing the caret.
    link.addEventListener('mousedown', (event) => event.preventDefault())
    link.addEventListener('click', (event) => {
      event.preventDefault()
      window.location.hash = href
    })
  }
  return link
}

/**
 * The copied slice with this document as the source of every whole block or section the selection
 * covers and that names no source yet; built from the document with the attribute set, never
 * dispatched. When the selection runs from the start of a line to the end of one, the slice is closed:
 * whole lines arrive as lines of their own, so their source is not lost by merging the first copied
 * line into the line the caret is on.
 */
function withOwnSource(slice: Slice, state: EditorState, own: string): Slice {
  const { from, to, $from, $to } = state.selection
  const transaction = state.tr
  state.doc.nodesBetween(from, to, (node, pos) => {
    if (!sourced.has(node.type.name)) return true
    const covered = from <= pos + 1 && to >= pos + node.nodeSize - 1
    if (covered && !node.attrs[blockSourceAttribute]) transaction.setNodeAttribute(pos, blockSourceAttribute, own)
    // A covered section carries the source for all of it; in a partly covered one, its whole blocks do.
    return node.type.name === 'section' && !covered
  })
  if (!transaction.docChanged) return slice
  const copied = state.selection.map(transaction.doc, transaction.mapping).content()
  const wholeLines = $from.parentOffset === 0 && $to.parentOffset === $to.parent.content.size
  if (!wholeLines) return copied
  // Lines of one section come wrapped in it; closed, the wrapper would arrive as a heading of its title.
  let { content, openStart, openEnd } = copied
  while (openStart > 0 && openEnd > 0 && content.childCount === 1 && !content.firstChild!.isTextblock) {
    content = content.firstChild!.content
    openStart -= 1
    openEnd -= 1
  }
  return new Slice(content, 0, 0)
}

/** A pasted slice without the sources that name this document: a block moved within its own plan has none. */
function pastedSlice(slice: Slice, own: string): Slice {
  const content = mapBlocks(slice.content, (node) =>
    node.attrs[blockSourceAttribute] === own
      ? node.type.create({ ...node.attrs, [blockSourceAttribute]: null }, node.content, node.marks)
      : node,
  )
  return content === slice.content ? slice : new Slice(content, slice.openStart, slice.openEnd)
}

function mapBlocks(fragment: Fragment, change: (node: ProseMirrorNode) => ProseMirrorNode): Fragment {
  let changed = false
  const nodes: ProseMirrorNode[] = []
  fragment.forEach((node) => {
    const inner = node.isTextblock || node.isLeaf ? node.content : mapBlocks(node.content, change)
    const withInner = inner === node.content ? node : node.copy(inner)
    const next = sourced.has(node.type.name) ? change(withInner) : withInner
    if (next !== node) changed = true
    nodes.push(next)
  })
  return changed ? Fragment.from(nodes) : fragment
}
