/**
 * Real, small pictures built in code for the image tests: a PNG encoded by hand (zlib + CRC), and the
 * shortest valid headers of JPEG, GIF and WebP. No fixtures to download, no decoder needed.
 */
import { crc32, deflateSync } from 'node:zlib'

/** A width × height PNG, RGB, every pixel `rgb`; a complete file that any viewer or Word opens. */
export function pngImage(width: number, height: number, rgb: [number, number, number] = [30, 110, 200]): Uint8Array {
  const row = Buffer.alloc(1 + width * 3)
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3)
  const raw = Buffer.concat(Array.from({ length: height }, () => row))
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  )
}

/**
 * A width × height PNG of noise, which deflate cannot shrink: about 3 bytes a pixel, like a photo saved
 * as PNG. The noise comes from a fixed seed, so every run gets the same file.
 */
export function noisePng(width: number, height: number): Uint8Array {
  let seed = 0x9e3779b9
  const raw = Buffer.alloc((1 + width * 3) * height)
  for (let i = 0; i < raw.length; i++) {
    seed ^= seed << 13
    seed ^= seed >>> 17
    seed ^= seed << 5
    raw[i] = i % (1 + width * 3) === 0 ? 0 : seed & 0xff
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  )
}

/** A PNG header that declares `width` × `height` without the pixels: enough for the size checks. */
export function pngHeaderOnly(width: number, height: number): Uint8Array {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  return new Uint8Array(
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header)]),
  )
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typed))
  return Buffer.concat([length, typed, crc])
}

/** SOI, an APP0 (JFIF) segment, then a baseline frame header of `width` × `height`. */
export function jpegHeader(width: number, height: number): Uint8Array {
  const app0 = [
    0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
  ]
  const sof = [
    0xff,
    0xc0,
    0x00,
    0x11,
    0x08,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    0x03,
    1,
    0x22,
    0,
    2,
    0x11,
    1,
    3,
    0x11,
    1,
  ]
  return new Uint8Array([0xff, 0xd8, ...app0, ...sof, 0xff, 0xd9])
}

export function gifHeader(width: number, height: number): Uint8Array {
  return new Uint8Array([...Buffer.from('GIF89a'), width & 0xff, width >> 8, height & 0xff, height >> 8, 0, 0, 0, 0x3b])
}

/** A lossless WebP (VP8L) header of `width` × `height`. */
export function webpHeader(width: number, height: number): Uint8Array {
  const body = Buffer.alloc(30)
  body.write('RIFF', 0, 'ascii')
  body.writeUInt32LE(22, 4)
  body.write('WEBP', 8, 'ascii')
  body.write('VP8L', 12, 'ascii')
  body.writeUInt32LE(10, 16)
  body[20] = 0x2f
  body.writeUInt32LE(((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14), 21)
  return new Uint8Array(body)
}
