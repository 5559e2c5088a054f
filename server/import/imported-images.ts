/**
 * The pictures an import stores: those its draft shows, nothing the mapping left out (an image in the
 * header table, say), for the document the draft is. Stored before the draft's content is written, so
 * no editor ever shows an address without its image.
 */
import type { JSONContent } from '@tiptap/core'
import type { Actor } from '../../shared/access.ts'
import { storedImageId } from '../../shared/images/image-url.ts'
import type { CheckedImage } from '../images/image-access.ts'
import type { Store } from '../store/store.ts'

function imageIdsIn(node: JSONContent, ids: Set<string>): Set<string> {
  if (node.type === 'image') {
    const id = storedImageId(node.attrs?.['src'])
    if (id) ids.add(id)
  }
  for (const child of node.content ?? []) imageIdsIn(child, ids)
  return ids
}

export async function storeImportedImages(
  store: Pick<Store, 'images'>,
  actor: Actor,
  documentId: string,
  content: JSONContent,
  images: readonly CheckedImage[],
): Promise<void> {
  const shown = imageIdsIn(content, new Set())
  const used = images.filter((image) => shown.has(image.id))
  await store.images.addImages(used.map((image) => ({ ...image, documentId, createdBy: actor.userId })))
}
