/**
 * The export model of a stored document state: the plan as the editor schema reads it, and for the
 * 教师版 of a 二次备课 its 个人加减 against the 定稿 version it is based on, computed exactly as the
 * adaptation page computes it (`diffBlocks` over `documentBlocks`).
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import * as Y from 'yjs'
import { buildExport } from '../../shared/export/build-export.ts'
import { changeMarksOf } from '../../shared/export/change-marks.ts'
import type { Edition, ExportDocument } from '../../shared/export/export-model.ts'
import { blockSourceAttribute, parseBlockSource } from '../../shared/schema/block-source.ts'
import { contentFragmentName } from '../../shared/schema/editor-schema.ts'
import { type ProsemirrorMapping, proseMirrorDocOf } from '../../shared/schema/y-prosemirror.ts'
import { diffBlocks } from '../../shared/versions/block-diff.ts'
import { blockKeyOf, blocksOfState, docFromState, documentBlocks } from '../../shared/versions/document-blocks.ts'
import { editorSchema } from '../versions/version-service.ts'

export interface StateExport {
  edition: Edition
  title: string
  subtitle: string
  /** The 定稿 version a 二次备课 is based on: its changes are marked in the 教师版. */
  baseState?: Uint8Array
  /** The 来源 of copied blocks named for the reader (`blockSourcesOfState`, then `blockSourceLabels`). */
  sourceLabels?: ReadonlyMap<string, string>
}

export function exportOfState(state: Uint8Array, options: StateExport): ExportDocument {
  const ydoc = docFromState(state)
  try {
    const fragment = ydoc.getXmlFragment(contentFragmentName)
    const { doc, mapping } = proseMirrorDocOf(fragment, editorSchema)
    const base = options.edition === 'teacher' ? options.baseState : undefined
    const changes = base
      ? {
          marks: changeMarksOf(diffBlocks(blocksOfState(base, editorSchema), documentBlocks(ydoc, editorSchema))),
          keyOf: nodeKeys(mapping),
        }
      : undefined
    return buildExport(doc, {
      edition: options.edition,
      title: options.title,
      subtitle: options.subtitle,
      changes,
      ...(options.sourceLabels ? { sourceLabels: options.sourceLabels } : {}),
    })
  } finally {
    ydoc.destroy()
  }
}

/** Block keys by ProseMirror node, from y-tiptap's mapping of Yjs elements to the nodes it built. */
function nodeKeys(mapping: ProsemirrorMapping): (node: ProseMirrorNode) => string | null {
  const keys = new Map<ProseMirrorNode, string>()
  for (const [type, node] of mapping) {
    if (!(type instanceof Y.XmlElement) || Array.isArray(node)) continue
    const key = blockKeyOf(type)
    if (key) keys.set(node, key)
  }
  return (node) => keys.get(node) ?? null
}

/** Every block source the state holds (LIBRARY-11), to be named for the reader before the export. */
export function blockSourcesOfState(state: Uint8Array): string[] {
  const ydoc = docFromState(state)
  try {
    const sources = new Set<string>()
    const types: (Y.XmlElement | Y.XmlFragment)[] = [ydoc.getXmlFragment(contentFragmentName)]
    // An explicit stack: the depth of stored content is bounded (BOUNDS-2), but a loop needs no trust.
    for (let type = types.pop(); type !== undefined; type = types.pop()) {
      for (const child of type.toArray()) {
        if (!(child instanceof Y.XmlElement)) continue
        const value = child.getAttribute(blockSourceAttribute)
        if (parseBlockSource(value)) sources.add(value as string)
        types.push(child)
      }
    }
    return [...sources]
  } finally {
    ydoc.destroy()
  }
}
