/**
 * Whether a picture may go into a 导学案: PNG, JPEG, GIF or WebP by its bytes, within the size limits of
 * `limits.ts`. SVG is refused because it can carry scripts. Each refusal says in words what to do.
 */
import type { ErrorCode } from '../api/error-codes.ts'
import { limits } from '../limits.ts'
import { type ImageHeader, readImageHeader } from './image-header.ts'

export type ImageRefusalCode = Extract<
  ErrorCode,
  'payload_too_large' | 'unsupported_file' | 'unsafe_file' | 'corrupt_file'
>

export type ImageCheck = { ok: true; image: ImageHeader } | { ok: false; code: ImageRefusalCode; message: string }

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`

export const imageRefusals = {
  tooLarge: `图片太大了：每张图片不能超过 ${megabytes(limits.maxImageBytes)}`,
  svg: '不能插入 SVG 图片（其中可能含有脚本），请另存为 PNG 或 JPG 后再插入',
  unknown: '只能插入 PNG、JPG、GIF 或 WebP 格式的图片',
  corrupt: '图片已损坏，无法读取',
} as const

export function tooManyPixels(width: number, height: number): string {
  return `图片尺寸太大了（${width}×${height} 像素）：长边不能超过 ${limits.maxImageSide} 像素，请缩小后再插入`
}

export function checkImage(bytes: Uint8Array): ImageCheck {
  if (bytes.length > limits.maxImageBytes)
    return { ok: false, code: 'payload_too_large', message: imageRefusals.tooLarge }
  const header = readImageHeader(bytes)
  switch (header) {
    case 'svg':
      return { ok: false, code: 'unsafe_file', message: imageRefusals.svg }
    case 'unknown':
      return { ok: false, code: 'unsupported_file', message: imageRefusals.unknown }
    case 'corrupt':
      return { ok: false, code: 'corrupt_file', message: imageRefusals.corrupt }
    default: {
      const { width, height } = header
      if (Math.max(width, height) > limits.maxImageSide || width * height > limits.maxImagePixels) {
        return { ok: false, code: 'payload_too_large', message: tooManyPixels(width, height) }
      }
      return { ok: true, image: header }
    }
  }
}
