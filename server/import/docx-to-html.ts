/**
 * A checked .docx as HTML, with mammoth: Word's heading styles (also WPS's “标题 1”) become h1–h6, lists,
 * tables and bold/italic/underline/strike stay. Images are counted and left out without being read
 * (the 导学案 has no images yet), footnote references are dropped with their notes.
 */
import mammoth from 'mammoth'
import { type UnkeptItem, unkeptItem } from '../../shared/import/unkept.ts'
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
  unkept: UnkeptItem[]
}

/**
 * Warnings about things `unkeptFeatures` already lists, by the element mammoth names. Unknown styles are
 * not listed either: their paragraphs arrive as plain ones, which the formatting item already says.
 */
const listedElsewhere = /oMath|object|footnote|endnote|comment|Unrecognised (paragraph|run|table) style/i

export async function docxToHtml(bytes: Uint8Array): Promise<DocxHtml> {
  let images = 0
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
        convertImage: mammoth.images.imgElement(async () => {
          images++
          return { src: '' }
        }),
      },
    )
  } catch {
    throw corruptDocx()
  }
  const unreadable = result.messages.filter(({ message }) => !listedElsewhere.test(message)).length
  const unkept: UnkeptItem[] = []
  if (images > 0) unkept.push(unkeptItem('images', images))
  if (unreadable > 0) unkept.push(unkeptItem('unreadable', unreadable))
  return { html: result.value, unkept }
}
