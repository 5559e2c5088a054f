/**
 * What an export prints, independent of the file format: a title, the 导学案 header as label/value
 * pairs, and blocks. The .docx writer, the HTML of the PDF and the client's print view all render this
 * one model, so 学生版/教师版 and the 二次备课 marks are decided once, in `build-export.ts`.
 *
 * A new node type becomes one more `ExportBlock` kind here and one case in each renderer; the
 * exhaustive switches there make the compiler list every place to add it.
 */

export const editions = ['student', 'teacher'] as const
/** 学生版 leaves out everything 教师用; 教师版 keeps it, marked. */
export type Edition = (typeof editions)[number]

export const editionLabels: Record<Edition, string> = { student: '学生版', teacher: '教师版' }

/** What a 教师版 prints before a 教师用 passage; an import reads it back as the mark, not as text. */
export const teacherOnlyLabel = '【教师用】'

/** How a passage of a 二次备课 differs from the 定稿 version it is based on. */
export type ChangeMark = 'added' | 'removed' | 'changed'

export interface TextRun {
  text: string
  bold?: boolean
  italic?: boolean
  underline?: boolean
  strike?: boolean
  code?: boolean
  /** Only http(s) and mailto addresses are kept. */
  link?: string
  /** Inside a changed passage of a 二次备课: text the teacher added or cut. */
  change?: 'added' | 'removed'
}

/** A line break inside a paragraph. */
export interface LineBreak {
  text: '\n'
  lineBreak: true
}

export type Inline = TextRun | LineBreak

interface Marked {
  teacherOnly: boolean
  /** Set only in the 教师版 of a 二次备课. */
  change?: ChangeMark
}

export interface TableCell {
  header: boolean
  colspan: number
  rowspan: number
  blocks: ExportBlock[]
}

export type ExportBlock =
  | ({ kind: 'paragraph'; inlines: Inline[] } & Marked)
  | ({ kind: 'heading'; level: number; inlines: Inline[] } & Marked)
  | ({ kind: 'list'; ordered: boolean; start: number; items: ExportBlock[][] } & Marked)
  | ({ kind: 'table'; rows: TableCell[][] } & Marked)
  | ({ kind: 'quote'; blocks: ExportBlock[] } & Marked)
  | ({ kind: 'code'; text: string } & Marked)
  | ({ kind: 'rule' } & Marked)
  /**
   * A stored image at its own pixel size; renderers scale it down to the text width. `imageId` is null
   * when there is nothing to print (not one of our images, or not readable): a placeholder says so.
   */
  | ({ kind: 'image'; imageId: string | null; alt: string; width: number | null; height: number | null } & Marked)
  /** A 导学案 section: `number` is its printed numeral (一、二、…). */
  | ({ kind: 'section'; number: string; title: string; blocks: ExportBlock[] } & Marked)

export interface HeaderRow {
  label: string
  value: string
}

export interface ExportDocument {
  title: string
  /** Under the title, e.g. 教师版 · 定稿 v2, or 李老师的二次备课. */
  subtitle: string
  edition: Edition
  /** Records and reflections print the same for everyone: no 学生版/教师版 to choose. */
  singleEdition: boolean
  /** The 导学案 header; empty for documents without one. */
  header: HeaderRow[]
  /** The 班级 ____ 姓名 ____ 学号 ____ line that students fill in. */
  studentLine: boolean
  /** A line that says how the 二次备课 marks read, when the document has any. */
  legend: string | null
  blocks: ExportBlock[]
}
