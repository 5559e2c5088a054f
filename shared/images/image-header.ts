/**
 * What kind of picture some bytes are and how large it is, read from the file's own header: PNG, JPEG,
 * GIF and WebP by their magic numbers, never by a name or a declared content type. Pure and without a
 * decoder, so the browser checks a file before it uploads and the server checks it again the same way.
 *
 * Why not `image-size`: it is a Node package (it loads `fs` and `path` on import), so it does not belong
 * in code the browser runs; it reads a dozen formats we refuse; and a truncated PNG or GIF header gives it
 * a size of `null` rather than an error, so every caller would need these checks anyway.
 */

export const imageTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const
export type ImageType = (typeof imageTypes)[number]

export interface ImageHeader {
  type: ImageType
  width: number
  height: number
}

/** `svg`: markup, which may carry scripts; `unknown`: no picture format we take; `corrupt`: a known one whose header cannot be read. */
export type UnreadableImage = 'svg' | 'unknown' | 'corrupt'

export function readImageHeader(bytes: Uint8Array): ImageHeader | UnreadableImage {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return png(bytes, view)
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return jpeg(bytes, view)
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return gif(view)
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return webp(bytes, view)
  return looksLikeSvg(bytes) ? 'svg' : 'unknown'
}

function png(bytes: Uint8Array, view: DataView): ImageHeader | 'corrupt' {
  if (bytes.length < 33 || ascii(bytes, 12, 4) !== 'IHDR') return 'corrupt'
  return sized('image/png', view.getUint32(16), view.getUint32(20))
}

function gif(view: DataView): ImageHeader | 'corrupt' {
  if (view.byteLength < 13) return 'corrupt'
  return sized('image/gif', view.getUint16(6, true), view.getUint16(8, true))
}

/** Walks the marker segments up to the first frame header (SOFn), which holds the size. */
function jpeg(bytes: Uint8Array, view: DataView): ImageHeader | 'corrupt' {
  let offset = 2
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return 'corrupt'
    const marker = bytes[offset + 1]!
    if (marker === 0xff) {
      offset += 1
      continue
    }
    // Markers without a length: restart markers and TEM.
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += 2
      continue
    }
    const length = view.getUint16(offset + 2)
    if (length < 2) return 'corrupt'
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc
    if (isFrame) {
      if (offset + 9 > bytes.length) return 'corrupt'
      return sized('image/jpeg', view.getUint16(offset + 7), view.getUint16(offset + 5))
    }
    // Scan data or the end before any frame header: nothing says how large the picture is.
    if (marker === 0xda || marker === 0xd9) return 'corrupt'
    offset += 2 + length
  }
  return 'corrupt'
}

function webp(bytes: Uint8Array, view: DataView): ImageHeader | 'corrupt' {
  if (bytes.length < 30 || view.getUint32(4, true) + 8 > bytes.length) return 'corrupt'
  switch (ascii(bytes, 12, 4)) {
    case 'VP8X':
      return sized('image/webp', 1 + uint24(bytes, 24), 1 + uint24(bytes, 27))
    case 'VP8 ':
      if (!startsWith(bytes.subarray(23), [0x9d, 0x01, 0x2a])) return 'corrupt'
      return sized('image/webp', view.getUint16(26, true) & 0x3fff, view.getUint16(28, true) & 0x3fff)
    case 'VP8L': {
      if (bytes[20] !== 0x2f) return 'corrupt'
      const bits = view.getUint32(21, true)
      return sized('image/webp', 1 + (bits & 0x3fff), 1 + ((bits >>> 14) & 0x3fff))
    }
    default:
      return 'corrupt'
  }
}

function sized(type: ImageType, width: number, height: number): ImageHeader | 'corrupt' {
  return width > 0 && height > 0 ? { type, width, height } : 'corrupt'
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((value, index) => bytes[index] === value)
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  return offset + length > bytes.length ? '' : String.fromCharCode(...bytes.subarray(offset, offset + length))
}

function uint24(bytes: Uint8Array, offset: number): number {
  return bytes[offset]! | (bytes[offset + 1]! << 8) | (bytes[offset + 2]! << 16)
}

/** SVG is text: an optional BOM, an XML declaration or comments, then `<svg`. */
function looksLikeSvg(bytes: Uint8Array): boolean {
  const start = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 4096))
    .replace(/^\ufeff/, '')
    .trimStart()
  return start.startsWith('<') && /<svg[\s>]/i.test(start)
}
