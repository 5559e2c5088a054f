/**
 * A picture of the 导学案 (a figure, a diagram, a photo of the blackboard): a block of its own, holding
 * only the address of the stored image, never its bytes, so a document's Yjs state and every sync stay
 * small on weak networks. `width` and `height` are the picture's own pixels, known at upload, so the
 * page keeps its place while the image loads and the export scales it without reading the file first.
 *
 * Only our own `/api/images/{id}` addresses parse as images: pasted HTML pointing at other sites, or
 * carrying data: URLs, gives no image node (the editor uploads pasted files itself).
 */
import { mergeAttributes, Node } from '@tiptap/core'
import { storedImageId } from '../images/image-url.ts'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    lessonImage: {
      /** Inserts a stored image as a block at the selection. */
      insertLessonImage: (image: { src: string; alt?: string; width: number; height: number }) => ReturnType
    }
  }
}

const dimension = (name: 'width' | 'height') => ({
  default: null,
  parseHTML: (element: HTMLElement) => {
    const value = Number(element.getAttribute(name))
    return Number.isInteger(value) && value > 0 ? value : null
  },
})

export const LessonImage = Node.create({
  name: 'image',
  group: 'block',
  atom: true,
  draggable: true,

  addAttributes() {
    return {
      src: { default: '' },
      alt: { default: '', parseHTML: (element) => element.getAttribute('alt') ?? '' },
      width: dimension('width'),
      height: dimension('height'),
    }
  },

  parseHTML() {
    return [{ tag: 'img[src]', getAttrs: (element) => (storedImageId(element.getAttribute('src')) ? null : false) }]
  },

  renderHTML({ HTMLAttributes }) {
    const { src, width, height, ...rest } = HTMLAttributes as Record<string, unknown>
    return [
      'img',
      mergeAttributes(
        { src: storedImageId(src) ? src : '' },
        rest,
        { class: 'lesson-image' },
        width ? { width } : {},
        height ? { height } : {},
      ),
    ]
  },

  addCommands() {
    return {
      insertLessonImage:
        (image) =>
        ({ commands }) =>
          storedImageId(image.src) !== null &&
          commands.insertContent({
            type: this.name,
            attrs: { src: image.src, alt: image.alt ?? '', width: image.width, height: image.height },
          }),
    }
  },
})
