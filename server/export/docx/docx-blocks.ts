/**
 * Export blocks as Word paragraphs and tables: lists as real Word numbering (one numbering instance per
 * list, so each starts again at 1), tables with borders and repeated header rows, 教师用 passages on a
 * grey fill with a 【教师用】 label, 二次备课 changes labelled and marked with underline or strikethrough
 * so that they read in black and white too, images scaled to the width they have (`docx-image.ts`).
 */
import {
  BorderStyle,
  ExternalHyperlink,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  UnderlineType,
  WidthType,
} from 'docx'
import type { ChangeMark, ExportBlock, Inline, TableCell as ExportCell } from '../../../shared/export/export-model.ts'
import {
  bodyLineSpacing,
  bodySize,
  borderColor,
  cellLineSpacing,
  contentHeading,
  headingRun,
  heiti,
  indentStep,
  lineSpacing,
  listReferences,
  monospace,
  orderedReference,
  sectionTitleHeading,
  sectionTitleSize,
  singleLineSpacing,
  teacherOnlyFill,
  teacherOnlyLabel,
  textWidth,
} from './docx-styles.ts'
import { runFont } from './east-asian-hint.ts'
import { columnWidths } from './column-widths.ts'
import { type ExportImages, imageRun } from './docx-image.ts'

export type BodyElement = Paragraph | Table

const changeLabels: Record<ChangeMark, string> = {
  added: '【二次备课·增】',
  removed: '【二次备课·删】',
  changed: '【二次备课·改】',
}
const thinBorder = { style: BorderStyle.SINGLE, size: 4, color: borderColor }
const grey = { type: ShadingType.CLEAR, color: 'auto', fill: teacherOnlyFill }

interface Place {
  /** Inside a 教师用 block or section: every paragraph gets the fill, only the outermost the label. */
  teacherOnly: boolean
  inTable: boolean
  /** Left indent of paragraphs that continue a list item. */
  indent: number
  /** Word numbering level of the next list: 0, or one deeper than the list item it is in. */
  listLevel: number
  /** Width the content has here, in twips: the text width, or a table cell's. */
  width: number
}

export class DocxBlockWriter {
  /** Word numbering instances: one per list, so that every list is numbered from its own start. */
  private nextListInstance = 1
  readonly orderedStarts = new Set<number>()

  constructor(private readonly images: ExportImages) {}

  body(blocks: readonly ExportBlock[]): BodyElement[] {
    return this.blocks(blocks, { teacherOnly: false, inTable: false, indent: 0, listLevel: 0, width: textWidth })
  }

  private blocks(blocks: readonly ExportBlock[], place: Place): BodyElement[] {
    return blocks.flatMap((block) => this.block(block, place))
  }

  private block(block: ExportBlock, place: Place): BodyElement[] {
    const labelled = block.teacherOnly && !place.teacherOnly
    const inner: Place = { ...place, teacherOnly: place.teacherOnly || block.teacherOnly }
    switch (block.kind) {
      case 'section':
        return [this.sectionTitle(`${block.number}、${block.title}`, labelled), ...this.blocks(block.blocks, inner)]
      case 'paragraph':
        // An empty 教师用 line is printed grey without the label: a label alone on its line would read, on
        // import, as marking the blocks after it.
        return [
          this.paragraph(block.inlines, inner, {
            labelled: labelled && block.inlines.length > 0,
            change: block.change,
          }),
        ]
      case 'heading':
        return [this.paragraph(block.inlines, inner, { labelled, change: block.change, heading: block.level })]
      case 'list':
        return [...this.label(labelled, inner), ...this.list(block, inner)]
      case 'table':
        return [...this.label(labelled, inner), this.table(block.rows, inner)]
      case 'quote':
        return [
          ...this.label(labelled, inner),
          ...this.blocks(block.blocks, { ...inner, indent: inner.indent + indentStep }),
        ]
      case 'code':
        return [
          ...this.label(labelled, inner),
          this.paragraph(codeInlines(block.text), inner, { code: true, change: block.change }),
        ]
      case 'rule':
        return [new Paragraph({ border: { bottom: { ...thinBorder, space: 1 } } })]
      case 'image':
        return [...this.label(labelled, inner), this.image(block, inner)]
      default:
        return block satisfies never
    }
  }

  private sectionTitle(text: string, teacherOnly: boolean): Paragraph {
    return new Paragraph({
      heading: sectionTitleHeading,
      keepNext: true,
      spacing: { before: 240, after: 120, ...lineSpacing(bodyLineSpacing) },
      children: [
        new TextRun({ ...headingRun, text, size: sectionTitleSize, ...runFont(text, text, heiti) }),
        ...(teacherOnly ? [new TextRun({ ...headingRun, text: ` ${teacherOnlyLabel}`, size: bodySize })] : []),
      ],
    })
  }

  /**
   * Single line spacing: at 1.5 lines Word would add half the picture's height above it. Its rule is
   * said (`lineSpacing`): LibreOffice reads a bare `w:line` as an exact height and clips the picture.
   */
  private image(block: Extract<ExportBlock, { kind: 'image' }>, place: Place): Paragraph {
    return new Paragraph({
      keepLines: true,
      spacing: { before: 60, after: 60, ...lineSpacing(singleLineSpacing) },
      ...(place.indent > 0 ? { indent: { left: place.indent } } : {}),
      ...(place.teacherOnly ? { shading: grey } : {}),
      children: [imageRun(block, this.images, place.width - place.indent)],
    })
  }

  /** The 【教师用】 line above a teacher-only list, table, quotation or image. */
  private label(labelled: boolean, place: Place): Paragraph[] {
    if (!labelled) return []
    return [this.paragraph([], place, { labelled: true })]
  }

  private paragraph(
    inlines: readonly Inline[],
    place: Place,
    options: {
      labelled?: boolean
      change?: ChangeMark
      heading?: number
      code?: boolean
      numbering?: { reference: string; instance: number }
    },
  ): Paragraph {
    const prefix: ParagraphChild[] = []
    if (options.labelled) prefix.push(new TextRun({ text: teacherOnlyLabel, bold: true }))
    if (options.change) prefix.push(new TextRun({ text: changeLabels[options.change], bold: true }))
    const heading = options.heading !== undefined
    return new Paragraph({
      ...(heading ? { heading: contentHeading(options.heading!) } : {}),
      keepNext: heading,
      spacing: place.inTable
        ? lineSpacing(cellLineSpacing)
        : { ...lineSpacing(bodyLineSpacing), ...(heading ? { before: 120 } : {}) },
      ...(options.numbering
        ? {
            numbering: {
              reference: options.numbering.reference,
              level: place.listLevel,
              instance: options.numbering.instance,
            },
          }
        : place.indent > 0
          ? { indent: { left: place.indent } }
          : {}),
      ...(place.teacherOnly || options.code ? { shading: grey } : {}),
      children: [...prefix, ...runsOf(inlines, { heading, code: options.code === true, blockChange: options.change })],
    })
  }

  private list(list: Extract<ExportBlock, { kind: 'list' }>, place: Place): BodyElement[] {
    const reference = list.ordered ? orderedReference(list.start) : listReferences.bullet
    if (list.ordered) this.orderedStarts.add(list.start)
    const instance = this.nextListInstance++
    const level = place.listLevel
    const itemPlace: Place = { ...place, listLevel: level, indent: indentStep * (level + 1) }
    return list.items.flatMap((item) => {
      const [first, ...rest] = item
      const numbered =
        first && (first.kind === 'paragraph' || first.kind === 'heading')
          ? [
              this.paragraph(first.inlines, itemPlace, {
                change: first.change,
                numbering: { reference, instance },
                labelled: first.teacherOnly && !place.teacherOnly,
              }),
            ]
          : [
              this.paragraph([], itemPlace, { numbering: { reference, instance } }),
              ...(first ? this.block(first, itemPlace) : []),
            ]
      const nested: Place = { ...itemPlace, listLevel: level + 1 }
      return [...numbered, ...rest.flatMap((block) => this.block(block, block.kind === 'list' ? nested : itemPlace))]
    })
  }

  private table(rows: readonly (readonly ExportCell[])[], place: Place): Table {
    const widths = columnWidths(rows, place.width - place.indent)
    const cellPlace: Place = { ...place, inTable: true, indent: 0, listLevel: 0 }
    const cellMargins = 160
    return new Table({
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      borders: {
        top: thinBorder,
        bottom: thinBorder,
        left: thinBorder,
        right: thinBorder,
        insideHorizontal: thinBorder,
        insideVertical: thinBorder,
      },
      rows: rows.map(
        (cells) =>
          new TableRow({
            // Only on header rows: the library writes `w:tblHeader w:val="off"` for false, and mammoth reads
            // any tblHeader as a header row, so a body row would come back from an import as a header.
            ...(cells.length > 0 && cells.every((cell) => cell.header) ? { tableHeader: true } : {}),
            // A question and its score stay on one page.
            cantSplit: true,
            children: cells.map((cell, index) => {
              const width = spannedWidth(widths, cells, index)
              const content = this.blocks(cell.blocks, { ...cellPlace, width: width - cellMargins })
              // Word needs a paragraph at the end of every cell.
              if (!(content.at(-1) instanceof Paragraph)) content.push(new Paragraph({}))
              return new TableCell({
                children: content,
                columnSpan: cell.colspan,
                rowSpan: cell.rowspan,
                width: { size: width, type: WidthType.DXA },
                margins: { left: 80, right: 80, top: 40, bottom: 40 },
                ...(cell.header || place.teacherOnly ? { shading: grey } : {}),
              })
            }),
          }),
      ),
    })
  }
}

/** The width of the grid columns the cell spans. */
function spannedWidth(widths: readonly number[], cells: readonly ExportCell[], index: number): number {
  const first = cells.slice(0, index).reduce((sum, cell) => sum + cell.colspan, 0)
  return widths.slice(first, first + cells[index]!.colspan).reduce((a, b) => a + b, 0)
}

function codeInlines(text: string): Inline[] {
  return text
    .split('\n')
    .flatMap((line, index): Inline[] =>
      index === 0 ? [{ text: line }] : [{ text: '\n', lineBreak: true }, { text: line }],
    )
}

function runsOf(
  inlines: readonly Inline[],
  options: { heading: boolean; code: boolean; blockChange?: ChangeMark },
): ParagraphChild[] {
  const paragraphText = inlines.map((inline) => inline.text).join('')
  return inlines.map((inline) => {
    if ('lineBreak' in inline) return new TextRun({ break: 1 })
    const change =
      inline.change ??
      (options.blockChange === 'added' ? 'added' : options.blockChange === 'removed' ? 'removed' : undefined)
    const font = inline.code || options.code ? monospace : options.heading ? heiti : undefined
    const run = new TextRun({
      text: inline.text,
      ...(options.heading ? headingRun : {}),
      ...(inline.bold ? { bold: true } : {}),
      ...(inline.italic ? { italics: true } : {}),
      ...(inline.strike || change === 'removed' ? { strike: true } : {}),
      ...(change === 'added'
        ? { underline: { type: UnderlineType.DOUBLE } }
        : inline.underline || inline.link
          ? { underline: { type: UnderlineType.SINGLE } }
          : {}),
      ...runFont(inline.text, paragraphText, font),
    })
    return inline.link ? new ExternalHyperlink({ link: inline.link, children: [run] }) : run
  })
}
