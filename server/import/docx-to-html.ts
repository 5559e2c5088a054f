/**
 * A checked .docx as HTML, with mammoth: Word's heading styles (also WPS's “标题 1”) become h1–h6, lists,
 * tables and bold/italic/underline/strike stay, footnote references are dropped with their notes.
 * Images are checked like an upload (`checkImage`), one too large shrunk first; those that pass become `<img>` with the address they
 * will be stored under (the import stores them with the draft), the others are listed with the reason.
 */
import { createHash } from 'node:crypto'
import mammoth from 'mammoth'
import type { ImageRefusalCode } from '../../shared/images/image-check.ts'
import { imageUrl } from '../../shared/images/image-url.ts'
import { type UnkeptItem, type UnkeptKind, unkeptItem } from '../../shared/import/unkept.ts'
import { type CheckedImage, checkedImage } from '../images/image-access.ts'
import { shrinkPicture } from '../images/picture-shrinker.ts'
import { corruptDocx } from './import-refusal.ts'

const styleMap = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='标题'] => h1:fresh",
  ...[1, 2, 3, 4, 5, 6].map((level) => `p[style-name='标题 ${level}'] => h${level}:fresh`),
  "r[style-name='Strong'] => strong",
  'u => u',
  'strike => s',
]

interface MammothElement {
  type: string
  children?: MammothElement[]
}

/** Without references no notes are written; the notes are listed as not kept instead. */
function withoutNoteReferences<T extends MammothElement>(element: T): T {
  if (!element.children) return element
  const children = element.children.filter((child) => child.type !== 'noteReference').map(withoutNoteReferences)
  return { ...element, children }
}

export interface DocxHtml {
  html: string
  /** The pictures the HTML shows, not yet stored. */
  images: CheckedImage[]
  unkept: UnkeptItem[]
}

const unkeptKindOf: Record<ImageRefusalCode, UnkeptKind> = {
  payload_too_large: 'imagesTooLarge',
  corrupt_file: 'imagesCorrupt',
  unsupported_file: 'images',
  unsafe_file: 'images',
}

/**
 * Warnings about things `unkeptFeatures` already lists, by the element mammoth names. Unknown styles are
 * not listed either: their paragraphs arrive as plain ones, which the formatting item already says.
 */
const listedElsewhere = /oMath|object|footnote|endnote|comment|Unrecognised (paragraph|run|table) style/i

/** A phone photo over the limits is shrunk as an upload would be (EXPORT-12); if it cannot be, the refusal stands. */
async function checkedOrShrunk(data: Uint8Array): Promise<ReturnType<typeof checkedImage>> {
  const checked = checkedImage(data)
  if (checked.ok || checked.code !== 'payload_too_large') return checked
  const shrunk = await shrinkPicture(data)
  return shrunk ? checkedImage(shrunk) : checked
}

export async function docxToHtml(bytes: Uint8Array): Promise<DocxHtml> {
  // A picture used twice in the file is stored once.
  const images = new Map<string, CheckedImage>()
  const refused = new Map<UnkeptKind, number>()
  let result: { value: string; messages: { type: string; message: string }[] }
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap,
        ignoreEmptyParagraphs: true,
        // Linked images and files on the server's disk or network are never read.
        externalFileAccess: false,
        transformDocument: withoutNoteReferences,
        convertImage: mammoth.images.imgElement(async (element) => {
          const data = new Uint8Array(await element.readAsBuffer())
          const digest = createHash('sha256').update(data).digest('hex')
          let image = images.get(digest)
          if (!image) {
            const checked = await checkedOrShrunk(data)
            if (!checked.ok) {
              const kind = unkeptKindOf[checked.code]
              refused.set(kind, (refused.get(kind) ?? 0) + 1)
              return { src: '' }
            }
            image = checked.image
            images.set(digest, image)
          }
          return { src: imageUrl(image.id), width: String(image.width), height: String(image.height) }
        }),
      },
    )
  } catch {
    throw corruptDocx()
  }
  const unreadable = result.messages.filter(({ message }) => !listedElsewhere.test(message)).length
  const unkept: UnkeptItem[] = []
  for (const [kind, count] of refused) unkept.push(unkeptItem(kind, count))
  if (unreadable > 0) unkept.push(unkeptItem('unreadable', unreadable))
  // A picture alone on its line is a block of its own, not a paragraph the image block would split.
  const html = result.value.replace(/<p>((?:<img [^>]*\/>)+)<\/p>/g, '$1')
  return { html, images: [...images.values()], unkept }
}
