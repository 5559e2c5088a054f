/**
 * Pictures a plan's content points at, so that content taken from one document into another can make
 * them the new document's own (LIBRARY-3): a reader of the new plan may not be able to read the old one.
 */
import type { JSONContent } from '@tiptap/core'
import { imageUrl, storedImageId } from '../images/image-url.ts'

export function imageIdsOf(content: JSONContent): string[] {
  const ids = new Set<string>()
  const visit = (node: JSONContent) => {
    const id = node.type === 'image' ? storedImageId(node.attrs?.src) : null
    if (id) ids.add(id)
    node.content?.forEach(visit)
  }
  visit(content)
  return [...ids]
}

/** The content with each image in `replacements` (old id → new id) pointing at its copy, others left out. */
export function withImagesReplaced(content: JSONContent, replacements: ReadonlyMap<string, string>): JSONContent {
  const keep = (node: JSONContent) => node.type !== 'image' || replacements.has(storedImageId(node.attrs?.src) ?? '')
  const rewrite = (node: JSONContent): JSONContent => {
    if (node.type === 'image') {
      return { ...node, attrs: { ...node.attrs, src: imageUrl(replacements.get(storedImageId(node.attrs?.src)!)!) } }
    }
    return node.content ? { ...node, content: node.content.filter(keep).map(rewrite) } : node
  }
  return rewrite(content)
}
