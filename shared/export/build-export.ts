/**
 * A 导学案 (or any document of the editor schema) as an `ExportDocument` for one edition. The rules of
 * what each edition prints live here and nowhere else:
 * - 学生版 leaves out every 教师用 block and section (answers, timing, 二次备课 notes) and starts with
 *   the 班级 / 姓名 / 学号 line; sections are numbered over what is printed, so there are no gaps.
 * - 教师版 keeps everything, 教师用 marked, and in a 二次备课 the teacher's changes against the 定稿
 *   version (`change-marks.ts`).
 */
import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model'
import { storedImageId } from '../images/image-url.ts'
import { blockSourceAttribute, parseBlockSource } from '../schema/block-source.ts'
import { headerFieldLabels, isHeaderFieldKey } from '../schema/header-fields.ts'
import type { Block } from '../versions/document-blocks.ts'
import type { ChangeMarks } from './change-marks.ts'
import { chineseNumeral } from './chinese-numerals.ts'
import type { Edition, ExportBlock, ExportDocument, HeaderRow, Inline, TableCell, TextRun } from './export-model.ts'

export interface ExportOptions {
  edition: Edition
  title: string
  subtitle: string
  /** The 个人加减 of a 二次备课, with the block key of each node; marked in the 教师版 only. */
  changes?: { marks: ChangeMarks; keyOf: (node: ProseMirrorNode) => string | null }
  /** The 来源 of copied blocks named for the reader (LIBRARY-11), by attribute value; 教师版 only. */
  sourceLabels?: ReadonlyMap<string, string>
}

export const changeLegend =
  '二次备课标记：下划线为增加的内容，删除线为删去的内容，【二次备课·增】为新增段落，【二次备课·删】为删去的段落。'

export function buildExport(doc: ProseMirrorNode, options: ExportOptions): ExportDocument {
  const changes = options.edition === 'teacher' ? options.changes : undefined
  const sourceLabels = options.edition === 'teacher' ? options.sourceLabels : undefined
  const context: BuildContext = { edition: options.edition, changes, sourceLabels, sectionCount: 0 }
  const header: HeaderRow[] = []
  const blocks: ExportBlock[] = []
  doc.forEach((child) => {
    if (child.type.name === 'lessonHeader') header.push(...headerRows(child))
    else blocks.push(...convertBlock(child, context))
  })
  if (changes) blocks.push(...changes.marks.removedAtEnd.map(cutPassage))
  return {
    title: options.title,
    subtitle: options.subtitle,
    edition: options.edition,
    singleEdition: false,
    header,
    studentLine: options.edition === 'student',
    legend: changes && changes.marks.count > 0 ? changeLegend : null,
    blocks,
  }
}

interface BuildContext {
  edition: Edition
  changes: ExportOptions['changes']
  sourceLabels: ExportOptions['sourceLabels']
  sectionCount: number
}

function headerRows(header: ProseMirrorNode): HeaderRow[] {
  const rows: HeaderRow[] = []
  header.forEach((field) => {
    const key: unknown = field.attrs['field']
    rows.push({ label: isHeaderFieldKey(key) ? headerFieldLabels[key] : String(key), value: field.textContent.trim() })
  })
  return rows
}

function convertBlock(node: ProseMirrorNode, context: BuildContext): ExportBlock[] {
  const blocks = convertNode(node, context)
  const source: unknown = node.attrs[blockSourceAttribute]
  const label = parseBlockSource(source) ? context.sourceLabels?.get(source as string) : undefined
  const [first] = blocks
  if (!label || !first) return blocks
  // A section names its source under its title; any other block on the line after it.
  if (first.kind === 'section') return [{ ...first, blocks: [sourceLine(label), ...first.blocks] }, ...blocks.slice(1)]
  return [...blocks, sourceLine(label)]
}

function sourceLine(label: string): ExportBlock {
  return { kind: 'paragraph', inlines: [{ text: `（${label}）`, italic: true }], teacherOnly: false }
}

function convertNode(node: ProseMirrorNode, context: BuildContext): ExportBlock[] {
  const teacherOnly = node.attrs['teacherOnly'] === true
  if (teacherOnly && context.edition === 'student') return []
  const children = () => convertChildren(node, context)
  switch (node.type.name) {
    case 'section':
      context.sectionCount += 1
      return [
        {
          kind: 'section',
          number: chineseNumeral(context.sectionCount),
          title: String(node.attrs['title'] ?? ''),
          teacherOnly,
          blocks: children(),
        },
      ]
    case 'paragraph':
    case 'heading':
      return withCuts(node, context, textBlock(node, teacherOnly, context))
    case 'bulletList':
    case 'orderedList': {
      const items: ExportBlock[][] = []
      node.forEach((item) => items.push(convertChildren(item, context)))
      const start = Number(node.attrs['start'] ?? 1)
      return [
        {
          kind: 'list',
          ordered: node.type.name === 'orderedList',
          start: Number.isFinite(start) ? start : 1,
          items,
          teacherOnly,
        },
      ]
    }
    case 'table':
      return [{ kind: 'table', rows: tableRows(node, context), teacherOnly }]
    case 'blockquote':
      return [{ kind: 'quote', blocks: children(), teacherOnly }]
    case 'codeBlock':
      return withCuts(node, context, { kind: 'code', text: node.textContent, teacherOnly })
    case 'horizontalRule':
      return [{ kind: 'rule', teacherOnly }]
    case 'image':
      return [imageBlock(node, teacherOnly)]
    default:
      // A node this exporter does not know (from a newer editor) still prints its text.
      return node.isTextblock ? withCuts(node, context, textBlock(node, teacherOnly, context)) : children()
  }
}

function convertChildren(node: ProseMirrorNode, context: BuildContext): ExportBlock[] {
  const blocks: ExportBlock[] = []
  node.forEach((child) => blocks.push(...convertBlock(child, context)))
  return blocks
}

function imageBlock(node: ProseMirrorNode, teacherOnly: boolean): ExportBlock {
  const size = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null)
  return {
    kind: 'image',
    imageId: storedImageId(node.attrs['src']),
    alt: String(node.attrs['alt'] ?? ''),
    width: size(node.attrs['width']),
    height: size(node.attrs['height']),
    teacherOnly,
  }
}

function tableRows(table: ProseMirrorNode, context: BuildContext): TableCell[][] {
  const rows: TableCell[][] = []
  table.forEach((row) => {
    const cells: TableCell[] = []
    row.forEach((cell) => {
      cells.push({
        header: cell.type.name === 'tableHeader',
        colspan: Math.max(1, Number(cell.attrs['colspan'] ?? 1)),
        rowspan: Math.max(1, Number(cell.attrs['rowspan'] ?? 1)),
        blocks: convertChildren(cell, context),
      })
    })
    rows.push(cells)
  })
  return rows
}

function textBlock(node: ProseMirrorNode, teacherOnly: boolean, context: BuildContext): ExportBlock {
  const key = context.changes?.keyOf(node) ?? null
  const mark = key === null ? undefined : context.changes?.marks.byKey.get(key)
  const inlines: Inline[] =
    mark?.mark === 'changed'
      ? mark.parts.map((part) =>
          part.change === 'same' ? { text: part.text } : { text: part.text, change: part.change },
        )
      : inlinesOf(node)
  const change = mark?.mark
  if (node.type.name === 'heading') {
    return {
      kind: 'heading',
      level: Number(node.attrs['level'] ?? 3),
      inlines,
      teacherOnly,
      ...(change ? { change } : {}),
    }
  }
  return { kind: 'paragraph', inlines, teacherOnly, ...(change ? { change } : {}) }
}

/** The block with the passages the teacher cut before and after it, when marks are printed. */
function withCuts(node: ProseMirrorNode, context: BuildContext, block: ExportBlock): ExportBlock[] {
  const key = context.changes?.keyOf(node) ?? null
  if (key === null || !context.changes) return [block]
  const { removedBefore, removedAfter } = context.changes.marks
  return [...(removedBefore.get(key) ?? []).map(cutPassage), block, ...(removedAfter.get(key) ?? []).map(cutPassage)]
}

/** A cut picture is printed as words: its bytes may be gone, and struck through it would not read. */
function cutPassage(block: Block): ExportBlock {
  const text = block.type === 'image' ? '〔图片〕' : block.text
  return { kind: 'paragraph', inlines: [{ text, change: 'removed' }], teacherOnly: false, change: 'removed' }
}

function inlinesOf(node: ProseMirrorNode): Inline[] {
  const inlines: Inline[] = []
  node.forEach((child) => {
    if (child.isText) inlines.push(textRun(child.text ?? '', child.marks))
    else if (child.type.name === 'hardBreak') inlines.push({ text: '\n', lineBreak: true })
    else if (child.textContent) inlines.push({ text: child.textContent })
  })
  return inlines
}

function textRun(text: string, marks: readonly Mark[]): TextRun {
  const run: TextRun = { text }
  for (const mark of marks) {
    switch (mark.type.name) {
      case 'bold':
        run.bold = true
        break
      case 'italic':
        run.italic = true
        break
      case 'underline':
        run.underline = true
        break
      case 'strike':
        run.strike = true
        break
      case 'code':
        run.code = true
        break
      case 'link': {
        const href = safeHref(mark.attrs['href'])
        if (href) run.link = href
        break
      }
    }
  }
  return run
}

/** Links print as text with their address; only web and mail addresses are kept. */
export function safeHref(value: unknown): string | null {
  if (typeof value !== 'string') return null
  return /^(https?:\/\/|mailto:)/i.test(value.trim()) ? value.trim() : null
}
