/**
 * An image in Word: an inline picture in a paragraph of its own, at its own size when that fits and
 * otherwise scaled down, aspect kept, to the width it has (the text width of A4, less a list's indent or
 * a table cell's margins) and to one page's height. Word takes PNG, JPEG and GIF; a WebP, or an image
 * that is gone, prints as a placeholder that says so instead of leaving a silent gap.
 */
import { ImageRun, type ParagraphChild, TextRun } from 'docx'
import type { ImageType } from '../../../shared/images/image-header.ts'
import { missingImageText } from '../../../shared/export/export-images.ts'
import type { ExportBlock } from '../../../shared/export/export-model.ts'
import { a4, pageMargins } from './docx-styles.ts'

/** The stored image as the export needs it. */
export interface ExportImage {
  contentType: ImageType
  bytes: Uint8Array
  width: number
  height: number
}

export type ExportImages = ReadonlyMap<string, ExportImage>

/** Word's pictures are sized in pixels at 96 dpi: 15 twips each. */
const twipsPerPixel = 15
/** Room for the title line of a page above a full-page figure. */
const maxHeightTwips = (a4.height - pageMargins.top - pageMargins.bottom) * 0.9

const wordTypes: Partial<Record<ImageType, 'png' | 'jpg' | 'gif'>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
}

export const webpInWordText = '【此处为 WebP 图片，Word 无法显示，请在打印预览或 PDF 中查看】'

/** The largest size within `maxWidth` × `maxHeight` (pixels) with the aspect of `width` × `height`, never enlarged. */
export function fittedSize(
  width: number,
  height: number,
  maxWidth: number,
  maxHeight: number,
): { width: number; height: number } {
  const scale = Math.min(1, maxWidth / width, maxHeight / height)
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

/** The run of an image block that has `availableTwips` of width. */
export function imageRun(
  block: Extract<ExportBlock, { kind: 'image' }>,
  images: ExportImages,
  availableTwips: number,
): ParagraphChild {
  const image = block.imageId ? images.get(block.imageId) : undefined
  if (!image) return new TextRun({ text: missingImageText(block.alt) })
  const type = wordTypes[image.contentType]
  if (!type) return new TextRun({ text: webpInWordText })
  const size = fittedSize(image.width, image.height, availableTwips / twipsPerPixel, maxHeightTwips / twipsPerPixel)
  return new ImageRun({
    type,
    data: image.bytes,
    transformation: size,
    altText: { name: block.alt || '图片', description: block.alt, title: block.alt },
  })
}
