/**
 * What an import could not keep, listed to the teacher after the draft is made. Each kind has one
 * sentence; the server counts, the client shows the sentences as they are.
 */
import { limits } from '../limits.ts'

export const unkeptKinds = [
  /** Pictures in a format the web cannot show (WMF, EMF, TIFF, SVG …). */
  'images',
  'imagesTooLarge',
  'imagesCorrupt',
  'textBoxes',
  'footnotes',
  'comments',
  'equations',
  'embeddedObjects',
  'activeX',
  'trackedChanges',
  'headersAndFooters',
  'formatting',
  'unreadable',
] as const
export type UnkeptKind = (typeof unkeptKinds)[number]

export interface UnkeptItem {
  kind: UnkeptKind
  /** How many, where it can be counted. */
  count: number | null
  message: string
}

const sentences: Record<UnkeptKind, (count: string) => string> = {
  images: (n) => `${n}图片的格式（如 WMF、EMF、SVG）不能在导学案中显示，没有导入，请另存为 PNG 或 JPG 后插入`,
  imagesTooLarge: (n) =>
    `${n}图片太大，没有导入：每张图片不能超过 ${Math.round(limits.maxImageBytes / 1024 / 1024)} MB，长边不能超过 ${limits.maxImageSide} 像素`,
  imagesCorrupt: (n) => `${n}图片已损坏，没有导入`,
  textBoxes: () => '文本框里的文字已作为普通段落导入，文本框的位置和边框没有保留',
  footnotes: (n) => `${n}脚注或尾注没有导入`,
  comments: (n) => `${n}批注没有导入`,
  equations: (n) => `${n}公式没有导入，请在原位置重新输入`,
  embeddedObjects: (n) => `${n}嵌入的对象（如 Excel 表格、公式编辑器对象）没有导入`,
  activeX: (n) => `${n}控件（ActiveX）已去除`,
  trackedChanges: () => '文档中的修订已按“接受全部修订”后的内容导入',
  headersAndFooters: () => '页眉和页脚没有导入',
  formatting: () => '文字颜色、底纹和突出显示没有保留（字体、字号按导学案的统一格式显示）',
  unreadable: (n) => `${n}内容无法识别，已略过`,
}

export function unkeptItem(kind: UnkeptKind, count: number | null = null): UnkeptItem {
  return {
    kind,
    count,
    message: sentences[kind](count === null ? '' : `${count} ${kind.startsWith('images') ? '张' : '处'}`),
  }
}
