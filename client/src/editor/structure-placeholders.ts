/**
 * Grey hints inside the 导学案's structure: the template's hint in a section whose body is still one empty
 * line, a prompt in an empty header field, `输入标题` in an empty heading of a section.
 *
 * Tiptap's Placeholder only hands its callback the node, not the document being decorated, so it cannot
 * ask which section a line is in; this plugin reads the document it decorates.
 */
import { Extension } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'

export interface StructurePlaceholder {
  /** Position before the empty textblock. */
  pos: number
  text: string
}

export function structurePlaceholders(doc: ProseMirrorNode): StructurePlaceholder[] {
  const found: StructurePlaceholder[] = []
  doc.forEach((child, offset) => {
    if (child.type.name === 'lessonHeader') {
      child.forEach((field, fieldOffset) => {
        if (field.content.size === 0) found.push({ pos: offset + 1 + fieldOffset, text: '点击填写' })
      })
    } else if (child.type.name === 'section') {
      child.forEach((block, blockOffset) => {
        if (!block.isTextblock || block.content.size > 0) return
        const pos = offset + 1 + blockOffset
        if (block.type.name === 'heading') found.push({ pos, text: '输入标题' })
        else if (child.childCount === 1)
          found.push({ pos, text: String(child.attrs.hint) || `在这里填写${String(child.attrs.title)}` })
      })
    }
  })
  return found
}

export const StructurePlaceholders = Extension.create({
  name: 'structurePlaceholders',

  addProseMirrorPlugins() {
    const { editor } = this
    return [
      new Plugin({
        key: new PluginKey('structurePlaceholders'),
        props: {
          decorations: ({ doc }) => {
            // Like Placeholder: a reader has nothing to fill in.
            if (!editor.isEditable) return DecorationSet.empty
            const decorations = structurePlaceholders(doc).map(({ pos, text }) =>
              Decoration.node(pos, pos + doc.nodeAt(pos)!.nodeSize, { class: 'is-empty', 'data-placeholder': text }),
            )
            return DecorationSet.create(doc, decorations)
          },
        },
      }),
    ]
  },
})
