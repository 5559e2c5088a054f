/**
 * Pictures in pasted HTML. Only our own stored images parse as image blocks, so before a paste the
 * pictures it carries as data: URLs (WPS, many web pages) are uploaded and their addresses put in their
 * place, and our own pictures (copied from a document) are made this document's own; pictures the
 * browser cannot read (Word's `file:///…/clip_image001.png`, other sites) are counted, to tell the
 * teacher, and left out.
 */
import { storedImageId } from '../../../shared/images/image-url.ts'
import type { StoredImage } from '../../../shared/api/images.ts'

export interface PastedImages {
  /** data: URLs of pictures, each once, in order. */
  dataUrls: string[]
  /** Ids of our stored pictures, each once. */
  storedIds: string[]
  /** Pictures that can be neither uploaded nor shown. */
  unreadable: number
}

const dataImage = /^data:image\/[\w.+-]+;base64,/i

export function pastedImages(document: Document): PastedImages {
  const dataUrls = new Set<string>()
  const storedIds = new Set<string>()
  let unreadable = 0
  for (const image of document.querySelectorAll('img')) {
    const src = image.getAttribute('src') ?? ''
    const id = storedImageId(src)
    if (dataImage.test(src)) dataUrls.add(src)
    else if (id) storedIds.add(id)
    else unreadable += 1
  }
  return { dataUrls: [...dataUrls], storedIds: [...storedIds], unreadable }
}

/**
 * The HTML with each picture of `uploaded` (by its pasted `src`) at its stored address and size; our
 * other pictures stay as they are, every other picture is taken out.
 */
export function withUploadedImages(document: Document, uploaded: ReadonlyMap<string, StoredImage>): string {
  for (const image of [...document.querySelectorAll('img')]) {
    const src = image.getAttribute('src') ?? ''
    const stored = uploaded.get(src)
    if (!stored) {
      if (!storedImageId(src)) image.remove()
      continue
    }
    image.setAttribute('src', stored.url)
    image.setAttribute('width', String(stored.width))
    image.setAttribute('height', String(stored.height))
  }
  return document.body.innerHTML
}

export function dataUrlBlob(url: string): Blob {
  const comma = url.indexOf(',')
  const type = /^data:([^;,]+)/.exec(url)?.[1] ?? 'application/octet-stream'
  const binary = atob(url.slice(comma + 1))
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index)
  return new Blob([bytes], { type })
}

export function unreadableImagesMessage(count: number): string {
  return `${count} 张图片没有粘贴进来：浏览器读不到 Word 或网页中的图片文件。请在 Word 里把图片另存为文件，再用“插入图片”添加`
}
