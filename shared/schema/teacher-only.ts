/**
 * 教师用: any block of a section (answers, 二次备课 notes, timing) and a whole section (课后反思) can be
 * teacher-only. It is one boolean attribute, `teacherOnly`, so every consumer decides by the node alone:
 * the editor tints it, the 学生版 export leaves it out, the 教师版 keeps it marked.
 */
import { Extension } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { EditorState } from '@tiptap/pm/state'

/** Blocks a teacher can mark from the toolbar; sections get the attribute from the template. */
export const teacherOnlyBlockTypes = [
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'blockquote',
  'codeBlock',
  'table',
  'image',
] as const

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    teacherOnly: {
      /** Marks the blocks touched by the selection 教师用, or unmarks them if all of them are. */
      toggleTeacherOnly: () => ReturnType
    }
  }
}

export const TeacherOnly = Extension.create({
  name: 'teacherOnly',

  addGlobalAttributes() {
    return [
      {
        types: [...teacherOnlyBlockTypes, 'section'],
        attributes: {
          teacherOnly: {
            default: false,
            // Enter at the end of an answer continues the answer.
            keepOnSplit: true,
            parseHTML: (element) => element.hasAttribute('data-teacher-only'),
            renderHTML: (attributes) => (attributes.teacherOnly ? { 'data-teacher-only': '' } : {}),
          },
        },
      },
    ]
  },

  addCommands() {
    return {
      toggleTeacherOnly:
        () =>
        ({ state, tr, dispatch }) => {
          const blocks = markableBlocksInSelection(state)
          if (blocks.length === 0) return false
          const value = !blocks.every(({ node }) => node.attrs.teacherOnly === true)
          if (dispatch) for (const { pos } of blocks) tr.setNodeAttribute(pos, 'teacherOnly', value)
          return true
        },
    }
  },
})

export interface MarkableBlock {
  node: ProseMirrorNode
  pos: number
}

/**
 * The blocks the 教师用 button acts on: the outermost markable blocks the selection touches, i.e. whole
 * lists and tables rather than one item or cell, never the header.
 */
export function markableBlocksInSelection(state: EditorState): MarkableBlock[] {
  const markable = new Set<string>(teacherOnlyBlockTypes)
  const blocks: MarkableBlock[] = []
  const { from, to } = state.selection
  state.doc.nodesBetween(from, to, (node, pos) => {
    if (markable.has(node.type.name)) {
      blocks.push({ node, pos })
      return false
    }
    return node.type.name === 'section'
  })
  return blocks
}

/** Whether every block the selection touches is teacher-only (the 教师用 button shows pressed). */
export function selectionIsTeacherOnly(state: EditorState): boolean {
  const blocks = markableBlocksInSelection(state)
  return blocks.length > 0 && blocks.every(({ node }) => node.attrs.teacherOnly === true)
}
