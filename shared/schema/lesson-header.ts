/**
 * The 导学案 header: a `lessonHeader` holding one `headerField` per key of `header-fields.ts`, each with
 * its value as plain text. The label comes from the key, so it is never part of the editable text.
 *
 * Both nodes are isolating: Enter, Backspace and Delete never split, join or lift a field, so the header
 * keeps its nine fields however a teacher types. Enter moves on to the next field instead.
 */
import { Node, mergeAttributes } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'
import { headerFieldLabels, isHeaderFieldKey } from './header-fields.ts'

export const LessonHeader = Node.create({
  name: 'lessonHeader',
  content: 'headerField+',
  isolating: true,
  defining: true,
  selectable: false,
  draggable: false,

  parseHTML() {
    return [{ tag: 'div[data-lesson-header]' }]
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-lesson-header': '', class: 'lesson-header' }), 0]
  },
})

export const HeaderField = Node.create({
  name: 'headerField',
  content: 'text*',
  marks: '',
  isolating: true,
  selectable: false,
  draggable: false,

  addAttributes() {
    return {
      field: {
        default: 'subject',
        parseHTML: (element) => element.getAttribute('data-field'),
        renderHTML: (attributes: Record<string, unknown>) => ({ 'data-field': attributes['field'] }),
      },
    }
  },

  parseHTML() {
    return [
      {
        tag: 'div[data-field]',
        contentElement: '.header-value',
        getAttrs: (element) => (isHeaderFieldKey(element.getAttribute('data-field')) ? null : false),
      },
    ]
  },

  renderHTML({ node, HTMLAttributes }) {
    const field: unknown = node.attrs.field
    const label = isHeaderFieldKey(field) ? headerFieldLabels[field] : String(field)
    return [
      'div',
      mergeAttributes(HTMLAttributes, { class: 'header-field' }),
      ['span', { class: 'header-label', contenteditable: 'false' }, label],
      ['span', { class: 'header-value' }, 0],
    ]
  },

  addKeyboardShortcuts() {
    return {
      Enter: ({ editor }) => {
        const { $from } = editor.state.selection
        if ($from.parent.type.name !== this.name) return false
        // The start of the next field, or of the first section after the last field.
        const next = TextSelection.findFrom(editor.state.doc.resolve($from.after()), 1, true)
        if (next) editor.view.dispatch(editor.state.tr.setSelection(next).scrollIntoView())
        return true
      },
    }
  },
})
