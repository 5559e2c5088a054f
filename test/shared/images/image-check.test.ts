import { describe, expect, it } from 'vitest'
import { checkImage, imageRefusals } from '../../../shared/images/image-check.ts'
import { readImageHeader } from '../../../shared/images/image-header.ts'
import { imageUrl, storedImageId } from '../../../shared/images/image-url.ts'
import { limits } from '../../../shared/limits.ts'
import { gifHeader, jpegHeader, pngHeaderOnly, pngImage, webpHeader } from '../../helpers/test-images.ts'

const svg = new TextEncoder().encode(
  '\ufeff<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
)

describe('readImageHeader', () => {
  it('reads type and size of PNG, JPEG, GIF and WebP from their headers', () => {
    expect(readImageHeader(pngImage(3, 2))).toEqual({ type: 'image/png', width: 3, height: 2 })
    expect(readImageHeader(jpegHeader(640, 480))).toEqual({ type: 'image/jpeg', width: 640, height: 480 })
    expect(readImageHeader(gifHeader(20, 10))).toEqual({ type: 'image/gif', width: 20, height: 10 })
    expect(readImageHeader(webpHeader(300, 150))).toEqual({ type: 'image/webp', width: 300, height: 150 })
  })

  it('tells SVG, other files and broken headers apart', () => {
    expect(readImageHeader(svg)).toBe('svg')
    expect(readImageHeader(new TextEncoder().encode('%PDF-1.7'))).toBe('unknown')
    expect(readImageHeader(new Uint8Array())).toBe('unknown')
    expect(readImageHeader(pngImage(3, 2).subarray(0, 20))).toBe('corrupt')
    expect(readImageHeader(jpegHeader(640, 480).subarray(0, 24))).toBe('corrupt')
    expect(readImageHeader(webpHeader(300, 150).subarray(0, 28))).toBe('corrupt')
    expect(readImageHeader(pngHeaderOnly(0, 5))).toBe('corrupt')
  })

  it('finds the JPEG frame header after other segments, not at a fixed place', () => {
    const jpeg = jpegHeader(800, 600)
    const comment = [0xff, 0xfe, 0x00, 0x06, 0x61, 0x62, 0x63, 0x64]
    const withComment = new Uint8Array([...jpeg.subarray(0, 2), ...comment, ...jpeg.subarray(2)])
    expect(readImageHeader(withComment)).toEqual({ type: 'image/jpeg', width: 800, height: 600 })
  })
})

describe('checkImage', () => {
  it('takes a small picture of a known format', () => {
    expect(checkImage(pngImage(4, 4))).toEqual({ ok: true, image: { type: 'image/png', width: 4, height: 4 } })
  })

  it('refuses SVG as unsafe, other files as unsupported, broken ones as corrupt', () => {
    expect(checkImage(svg)).toEqual({ ok: false, code: 'unsafe_file', message: imageRefusals.svg })
    expect(checkImage(new TextEncoder().encode('<html></html>'))).toMatchObject({ ok: false, code: 'unsupported_file' })
    expect(checkImage(pngImage(3, 2).subarray(0, 20))).toMatchObject({ ok: false, code: 'corrupt_file' })
  })

  it('refuses files over the byte limit before reading them', () => {
    const huge = new Uint8Array(limits.maxImageBytes + 1)
    huge.set(pngImage(2, 2))
    expect(checkImage(huge)).toEqual({ ok: false, code: 'payload_too_large', message: imageRefusals.tooLarge })
  })

  it('refuses a small file that declares a huge picture', () => {
    const long = checkImage(pngHeaderOnly(limits.maxImageSide + 1, 10))
    expect(long).toMatchObject({ ok: false, code: 'payload_too_large' })
    expect(checkImage(pngHeaderOnly(7000, 7000))).toMatchObject({ ok: false, code: 'payload_too_large' })
    expect(checkImage(pngHeaderOnly(limits.maxImageSide, 100))).toMatchObject({ ok: true })
  })
})

describe('image addresses', () => {
  it('reads the id back from our own address only', () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e'
    expect(storedImageId(imageUrl(id))).toBe(id)
    expect(storedImageId('https://example.com/api/images/' + id)).toBeNull()
    expect(storedImageId('/api/images/../documents')).toBeNull()
    expect(storedImageId('data:image/png;base64,AAAA')).toBeNull()
    expect(storedImageId(null)).toBeNull()
  })
})
