/**
 * An `ExportDocument` as a .docx file (loaded on first use through `docx-file.ts`): title, the 学生版's 班级 / 姓名 / 学号 line, the header as a
 * bordered form, the body, and 第 X 页 共 Y 页 in the footer (Word fields, so every reader counts its
 * own pages).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import type { ExportDocument } from '../../../shared/export/export-model.ts'
import { headerLines } from '../../../shared/export/header-layout.ts'
import { DocxBlockWriter } from './docx-blocks.ts'
import { runFont } from './east-asian-hint.ts'
import type { ExportImages } from './docx-image.ts'
import {
  a4,
  bodyLineSpacing,
  bodySize,
  borderColor,
  cellLineSpacing,
  documentLanguage,
  headingStyles,
  heiti,
  lineSpacing,
  numberingConfig,
  pageMargins,
  smallSize,
  songti,
  textWidth,
  titleSize,
} from './docx-styles.ts'

const thinBorder = { style: BorderStyle.SINGLE, size: 4, color: borderColor }
const labelFill = { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' }

/** `images`: the bytes of the model's images, by id; those not in it print as placeholders. */
export async function docxDocument(model: ExportDocument, images: ExportImages): Promise<Uint8Array> {
  const writer = new DocxBlockWriter(images)
  const body = writer.body(model.blocks)
  const document = new Document({
    title: model.title,
    creator: '共备',
    // Otherwise the library writes 「Un-named」, which Word and WPS show as the last editor.
    lastModifiedBy: '共备',
    styles: {
      default: {
        document: {
          run: { font: songti, size: bodySize, language: documentLanguage },
          paragraph: { spacing: lineSpacing(bodyLineSpacing) },
        },
        ...headingStyles(),
      },
    },
    numbering: numberingConfig(writer.orderedStarts),
    sections: [
      {
        properties: { page: { size: a4, margin: pageMargins } },
        footers: { default: pageNumberFooter() },
        children: [...opening(model), ...body],
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(document))
}

function opening(model: ExportDocument): (Paragraph | Table)[] {
  const parts: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 60 },
      children: [
        new TextRun({ text: model.title, bold: true, size: titleSize, ...runFont(model.title, model.title, heiti) }),
      ],
    }),
  ]
  if (model.subtitle) {
    parts.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: model.subtitle, size: smallSize, ...runFont(model.subtitle, model.subtitle) })],
      }),
    )
  }
  if (model.studentLine) {
    parts.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 120, after: 120 },
        children: [new TextRun({ text: '班级 ____________　　姓名 ____________　　学号 ________' })],
      }),
    )
  }
  if (model.header.length > 0) parts.push(headerTable(model), new Paragraph({ spacing: { after: 60 } }))
  if (model.legend)
    parts.push(
      new Paragraph({
        children: [
          new TextRun({ text: model.legend, size: smallSize, italics: true, ...runFont(model.legend, model.legend) }),
        ],
      }),
    )
  return parts
}

/** Four columns, label and value twice per row; a wide field takes a whole row. */
function headerTable(model: ExportDocument): Table {
  const label = Math.round(textWidth * 0.14)
  const value = Math.floor(textWidth / 2) - label
  const cell = (text: string, width: number, isLabel: boolean, span = 1) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      columnSpan: span,
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      ...(isLabel ? { shading: labelFill } : {}),
      children: [
        new Paragraph({
          spacing: lineSpacing(cellLineSpacing),
          alignment: isLabel ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [new TextRun({ text, ...runFont(text, text, isLabel ? heiti : undefined) })],
        }),
      ],
    })
  return new Table({
    width: { size: 2 * (label + value), type: WidthType.DXA },
    columnWidths: [label, value, label, value],
    borders: {
      top: thinBorder,
      bottom: thinBorder,
      left: thinBorder,
      right: thinBorder,
      insideHorizontal: thinBorder,
      insideVertical: thinBorder,
    },
    rows: headerLines(model.header).map(
      (line) =>
        new TableRow({
          cantSplit: true,
          children:
            line.length === 2
              ? line.flatMap((row) => [cell(row.label, label, true), cell(row.value, value, false)])
              : [cell(line[0].label, label, true), cell(line[0].value, label + 2 * value, false, 3)],
        }),
    ),
  })
}

function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            size: smallSize,
            children: ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'],
          }),
        ],
      }),
    ],
  })
}
