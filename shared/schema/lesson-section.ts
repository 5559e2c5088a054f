/**
 * A section of the 导学案 (学习目标, 合作探究, …): its `key` and `title` come from the school's template
 * when the draft is created and are attributes, so the title is shown as a heading no one types into or
 * deletes by accident. The body is ordinary blocks. `hint` is the template's guidance, shown while the
 * body is empty.
 *
 * Isolating: Backspace at the start of the body, Enter on an empty last line and the like stay inside the
 * section instead of merging it into the previous one or lifting text out of it.
 */
import { Node, mergeAttributes } from '@tiptap/core'

export const LessonSection = Node.create({
  name: 'section',
  group: 'section',
  content: 'block+',
  isolating: true,
  defining: true,
  selectable: false,
  draggable: false,

  addAttributes() {
    return {
      key: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-section-key') ?? '',
        renderHTML: (attributes: Record<string, unknown>) => ({ 'data-section-key': attributes['key'] }),
      },
      title: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-title') ?? '',
        renderHTML: (attributes: Record<string, unknown>) => ({ 'data-title': attributes['title'] }),
      },
      hint: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-hint') ?? '',
        renderHTML: () => ({}),
      },
    }
  },

  parseHTML() {
    return [{ tag: 'section[data-section-key]', contentElement: '.section-body' }]
  },

  renderHTML({ node, HTMLAttributes }) {
    return [
      'section',
      mergeAttributes(HTMLAttributes, { class: 'lesson-section' }),
      ['h2', { class: 'section-title', contenteditable: 'false' }, String(node.attrs.title)],
      ['div', { class: 'section-body' }, 0],
    ]
  },
})
