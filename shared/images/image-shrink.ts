/**
 * A phone photo is often larger than a 导学案 needs (12 megapixels, 5–10 MB): instead of refusing it,
 * the browser redraws it smaller before the upload. The long side is kept to what a full A4 width
 * prints sharply (17 cm at 300 dpi is about 2000 px), within the pixel limits of `limits.ts`.
 */
import { limits } from '../limits.ts'
import type { ImageHeader } from './image-header.ts'

/** Long side of a shrunk picture, in pixels. */
export const shrunkLongSide = 2000

/** JPEG qualities to try in turn until the picture is within `limits.maxImageBytes`. */
export const shrinkQualities = [0.85, 0.7, 0.55] as const

/** The size to redraw a `width` × `height` picture at: aspect kept, never enlarged, within the limits. */
export function shrunkSize(width: number, height: number): { width: number; height: number } {
  const longSide = Math.min(shrunkLongSide, limits.maxImageSide)
  const scale = Math.min(1, longSide / Math.max(width, height), Math.sqrt(limits.maxImagePixels / (width * height)))
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

/**
 * Whether the server may decode a picture to shrink it: a photo format its decoder reads, with no more
 * pixels than the limits allow, since a small file can declare a huge picture that decoding would have
 * to hold in memory (four bytes a pixel).
 */
export function isShrinkable(header: ImageHeader): boolean {
  return (
    (header.type === 'image/jpeg' || header.type === 'image/png') &&
    header.width * header.height <= limits.maxImagePixels
  )
}
