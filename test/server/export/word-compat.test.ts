/**
 * The .docx as Word, WPS and LibreOffice read it: markup those programs interpret differently from our
 * own reader, checked in the XML itself.
 */
import type { JSONContent } from '@tiptap/core'
import type { Element } from '@xmldom/xmldom'
import { describe, expect, it } from 'vitest'
import { docxOf } from '../../../server/export/docx/docx-file.ts'
import type { ExportImage } from '../../../server/export/docx/docx-image.ts'
import { buildExport } from '../../../shared/export/build-export.ts'
import { withAvailableImages } from '../../../shared/export/export-images.ts'
import type { Edition } from '../../../shared/export/export-model.ts'
import { imageUrl } from '../../../shared/images/image-url.ts'
import { buildEditorSchema } from '../../../shared/schema/editor-schema.ts'
import { pngImage } from '../../helpers/test-images.ts'
import { docxPart, wordAttribute, wordElements } from './docx-reader.ts'

const schema = buildEditorSchema()
const figureId = '0f8fad5b-d9cb-469f-a165-70867728950e'
const images = new Map<string, ExportImage>([
  [figureId, { contentType: 'image/png', bytes: pngImage(300, 200), width: 300, height: 200 }],
])

const text = (value: string): JSONContent => ({ type: 'text', text: value })
const p = (value: string): JSONContent => ({ type: 'paragraph', content: [text(value)] })
const cell = (type: 'tableCell' | 'tableHeader', value: string): JSONContent => ({ type, content: [p(value)] })

/** A plan with a heading, a table with a header row, a picture, Chinese quotation marks and an English line. */
function plan(): JSONContent {
  return {
    type: 'doc',
    content: [
      {
        type: 'section',
        attrs: { key: 'inquiry', title: '合作探究', hint: '', teacherOnly: false },
        content: [
          { type: 'heading', attrs: { level: 1 }, content: [text('探究一：从算式到方程')] },
          p('经历“设未知数、找相等关系、列方程”的过程。'),
          p('Say “hello” to the class.'),
          {
            type: 'table',
            content: [
              { type: 'tableRow', content: [cell('tableHeader', '年份'), cell('tableHeader', '台数')] },
              { type: 'tableRow', content: [cell('tableCell', '前年'), cell('tableCell', 'x')] },
              { type: 'tableRow', content: [cell('tableCell', '去年'), cell('tableCell', '2x')] },
            ],
          },
          {
            type: 'image',
            attrs: { src: imageUrl(figureId), alt: '数轴', width: 300, height: 200, teacherOnly: false },
          },
        ],
      },
      {
        type: 'section',
        attrs: { key: 'reflection', title: '课后反思', hint: '', teacherOnly: true },
        content: [p('学生对相等关系掌握较好。')],
      },
    ],
  }
}

async function exported(edition: Edition = 'teacher'): Promise<Uint8Array> {
  const model = buildExport(schema.nodeFromJSON(plan()), { edition, title: '3.1.1 一元一次方程 导学案', subtitle: '' })
  return docxOf(withAvailableImages(model, new Set(images.keys())), images)
}

function paragraphStyle(paragraph: Element): string | null {
  const style = wordElements(paragraph, 'pStyle')[0]
  return style ? wordAttribute(style, 'val') : null
}

const textOf = (element: Element) =>
  wordElements(element, 't')
    .map((node) => node.textContent ?? '')
    .join('')

describe('the .docx in Word, WPS and LibreOffice', () => {
  it('[EXPORT-1] says the rule of every line spacing, so LibreOffice does not clip a picture to one line', async () => {
    const bytes = await exported()
    const spacings = [
      ...wordElements(docxPart(bytes, 'word/document.xml'), 'spacing'),
      ...wordElements(docxPart(bytes, 'word/styles.xml'), 'spacing'),
    ]
    const withLine = spacings.filter((spacing) => wordAttribute(spacing, 'line') !== null)
    expect(withLine.length).toBeGreaterThan(10)
    for (const spacing of withLine) expect(wordAttribute(spacing, 'lineRule')).toBe('auto')

    const pictureParagraph = wordElements(docxPart(bytes, 'word/document.xml'), 'p').find(
      (paragraph) => wordElements(paragraph, 'drawing').length > 0,
    )!
    const spacing = wordElements(pictureParagraph, 'spacing')[0]!
    expect([wordAttribute(spacing, 'line'), wordAttribute(spacing, 'lineRule')]).toEqual(['240', 'auto'])
  })

  it('[EXPORT-2] marks header rows as repeated headers and writes nothing of the kind on body rows', async () => {
    const document = docxPart(await exported(), 'word/document.xml')
    const table = wordElements(document, 'tbl').find((candidate) => textOf(candidate).includes('年份'))!
    const rows = wordElements(table, 'tr')
    expect(rows.map((row) => wordElements(row, 'tblHeader').length)).toEqual([1, 0, 0])
    for (const header of wordElements(document, 'tblHeader')) expect(wordAttribute(header, 'val')).toBeNull()
  })

  it('[EXPORT-3] says the text is Chinese (zh-CN), so LibreOffice does not draw Japanese glyph shapes', async () => {
    const styles = docxPart(await exported(), 'word/styles.xml')
    const defaults = wordElements(styles, 'rPrDefault')[0]!
    const language = wordElements(defaults, 'lang')[0]!
    expect(wordAttribute(language, 'eastAsia')).toBe('zh-CN')
  })

  it('[EXPORT-4] makes section titles Word headings of level 1 and a section’s headings one level deeper, in black 黑体', async () => {
    const bytes = await exported()
    const paragraphs = wordElements(docxPart(bytes, 'word/document.xml'), 'p')
    const byText = (start: string) => paragraphs.find((paragraph) => textOf(paragraph).startsWith(start))!
    expect(paragraphStyle(byText('一、合作探究'))).toBe('Heading1')
    expect(paragraphStyle(byText('二、课后反思'))).toBe('Heading1')
    expect(paragraphStyle(byText('探究一'))).toBe('Heading2')
    expect(paragraphStyle(byText('经历'))).toBeNull()

    const styles = wordElements(docxPart(bytes, 'word/styles.xml'), 'style')
    for (const [id, level] of [
      ['Heading1', '0'],
      ['Heading2', '1'],
    ] as const) {
      const style = styles.find((candidate) => wordAttribute(candidate, 'styleId') === id)!
      expect(wordAttribute(wordElements(style, 'outlineLvl')[0]!, 'val')).toBe(level)
      expect(wordAttribute(wordElements(style, 'color')[0]!, 'val')).toBe('000000')
      expect(wordAttribute(wordElements(style, 'rFonts')[0]!, 'eastAsia')).toBe('SimHei')
    }
  })

  it('[EXPORT-5] names 共备 as the last to modify the file, not 「Un-named」', async () => {
    const core = docxPart(await exported(), 'docProps/core.xml')
    expect(core.getElementsByTagName('cp:lastModifiedBy')[0]?.textContent).toBe('共备')
  })

  it('[EXPORT-6] gives runs with quotation marks in Chinese text the East Asian hint, and English text none', async () => {
    const runs = wordElements(docxPart(await exported(), 'word/document.xml'), 'r')
    const hintOf = (start: string) => {
      const run = runs.find((candidate) => textOf(candidate).startsWith(start))!
      const fonts = wordElements(run, 'rFonts')[0]
      return fonts ? wordAttribute(fonts, 'hint') : null
    }
    expect(hintOf('经历“设未知数')).toBe('eastAsia')
    expect(hintOf('Say “hello”')).toBeNull()
    expect(hintOf('学生对相等关系')).toBeNull()
  })
})
