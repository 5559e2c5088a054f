/**
 * The images of an export, loaded once before it is rendered: those the reader may see (the same rule
 * as `GET /api/images/{id}`), and the model with every other image marked missing, so that each
 * renderer prints the same placeholder for it.
 */
import type { Actor } from '../../shared/access.ts'
import type { ImageSource } from '../../shared/export/export-html.ts'
import { imageIdsOf, withAvailableImages } from '../../shared/export/export-images.ts'
import type { ExportDocument } from '../../shared/export/export-model.ts'
import { readableImages } from '../images/image-access.ts'
import type { Store } from '../store/store.ts'
import type { ExportImages } from './docx/docx-image.ts'

export interface WithImages {
  model: ExportDocument
  images: ExportImages
}

export async function withExportImages(
  store: Pick<Store, 'documents' | 'images' | 'lessons' | 'mentorships' | 'versions'>,
  actor: Actor,
  model: ExportDocument,
): Promise<WithImages> {
  const ids = imageIdsOf(model.blocks)
  if (ids.length === 0) return { model, images: new Map() }
  const images = new Map((await readableImages(store, actor, ids)).map((image) => [image.id, image]))
  return { model: withAvailableImages(model, new Set(images.keys())), images }
}

/** Images inlined as data: URLs, for the PDF's page, which may load nothing from anywhere. */
export function inlineImageSource(images: ExportImages): ImageSource {
  return (id) => {
    const image = images.get(id)
    return image ? `data:${image.contentType};base64,${Buffer.from(image.bytes).toString('base64')}` : null
  }
}
