/**
 * The exported .docx printed by LibreOffice, read back with poppler: the files must come out right in a
 * program that is not ours, the way a school prints them. Skipped (with a printed line) without
 * LibreOffice, unless GONGBEI_REQUIRE_LIBREOFFICE=1.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { JSONContent } from '@tiptap/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { docxOf } from '../../../server/export/docx/docx-file.ts'
import type { ExportImage } from '../../../server/export/docx/docx-image.ts'
import { buildExport } from '../../../shared/export/build-export.ts'
import { withAvailableImages } from '../../../shared/export/export-images.ts'
import type { Edition, ExportBlock, ExportDocument } from '../../../shared/export/export-model.ts'
import { imageUrl } from '../../../shared/images/image-url.ts'
import { buildEditorSchema } from '../../../shared/schema/editor-schema.ts'
import { convertToPdf, libreOfficeSuitesEnabled, pdfImagePages, pdfText, pdfWords } from '../../helpers/libreoffice.ts'
import { pngImage } from '../../helpers/test-images.ts'
import { sample } from './export-fixtures.ts'

const schema = buildEditorSchema()
const ids = { figure: '0f8fad5b-d9cb-469f-a165-70867728950e', answer: '16fd2706-8baf-433b-82eb-8c7fada847da' }
const images = new Map<string, ExportImage>([
  [ids.figure, { contentType: 'image/png', bytes: pngImage(400, 160), width: 400, height: 160 }],
  [ids.answer, { contentType: 'image/png', bytes: pngImage(200, 100, [200, 0, 0]), width: 200, height: 100 }],
])
/** The figure's 160 px at 96 dpi, in points. */
const figureHeightPt = (160 * 72) / 96

const p = (text: string): JSONContent => ({ type: 'paragraph', content: [{ type: 'text', text }] })

/** The demo's sample 导学案 with a picture between two marker lines, and a 教师用 answer picture. */
function plan(): JSONContent {
  const doc = sample()
  const objectives = doc.content!.find((node) => node.attrs?.['key'] === 'objectives')!
  objectives.content!.unshift(
    p('图前一行'),
    { type: 'image', attrs: { src: imageUrl(ids.figure), alt: '数轴', width: 400, height: 160 } },
    p('图后一行'),
    { type: 'image', attrs: { src: imageUrl(ids.answer), alt: '答案图', width: 200, height: 100, teacherOnly: true } },
  )
  return doc
}

function model(edition: Edition): ExportDocument {
  return withAvailableImages(
    buildExport(schema.nodeFromJSON(plan()), { edition, title: '3.1.1 一元一次方程 导学案', subtitle: '' }),
    new Set(images.keys()),
  )
}

/** Every printed text of the blocks, one entry per paragraph or cell paragraph; `teacherOnly` only those inside 教师用. */
function textsOf(blocks: readonly ExportBlock[], teacherOnly = false, inside = false): string[] {
  return blocks.flatMap((block): string[] => {
    const marked = inside || block.teacherOnly
    switch (block.kind) {
      case 'section':
        return [...(teacherOnly && !marked ? [] : [block.title]), ...textsOf(block.blocks, teacherOnly, marked)]
      case 'paragraph':
      case 'heading':
        return teacherOnly && !marked ? [] : [block.inlines.map((inline) => inline.text).join('')]
      case 'code':
        return teacherOnly && !marked ? [] : block.text.split('\n')
      case 'list':
        return block.items.flatMap((item) => textsOf(item, teacherOnly, marked))
      case 'table':
        return block.rows.flatMap((row) => row.flatMap((cell) => textsOf(cell.blocks, teacherOnly, marked)))
      case 'quote':
        return textsOf(block.blocks, teacherOnly, marked)
      case 'rule':
      case 'image':
        return []
      default:
        return block satisfies never
    }
  })
}

function imageCount(blocks: readonly ExportBlock[]): number {
  return blocks.reduce((count, block) => {
    switch (block.kind) {
      case 'image':
        return count + (block.imageId ? 1 : 0)
      case 'section':
      case 'quote':
        return count + imageCount(block.blocks)
      case 'list':
        return count + block.items.reduce((sum, item) => sum + imageCount(item), 0)
      case 'table':
        return count + block.rows.flat().reduce((sum, cell) => sum + imageCount(cell.blocks), 0)
      default:
        return count
    }
  }, 0)
}

const squeezed = (text: string) => text.replace(/\s+/g, '')

describe.runIf(libreOfficeSuitesEnabled())('exported .docx printed by LibreOffice', () => {
  let dir: string
  const pdfs = new Map<Edition, string>()
  const models = new Map<Edition, ExportDocument>()

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongbei-lo-'))
    const documents: string[] = []
    for (const edition of ['student', 'teacher'] as const) {
      models.set(edition, model(edition))
      const file = join(dir, `${edition}.docx`)
      writeFileSync(file, await docxOf(models.get(edition)!, images))
      documents.push(file)
      pdfs.set(edition, join(dir, `${edition}.pdf`))
    }
    convertToPdf(documents, dir)
  }, 300_000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('[EXPORT-9] prints every picture of each edition on a page, at its full height', () => {
    for (const edition of ['student', 'teacher'] as const) {
      const pages = pdfImagePages(pdfs.get(edition)!)
      expect(pages, edition).toHaveLength(imageCount(models.get(edition)!.blocks))
      for (const page of pages) expect(page, edition).toBeGreaterThanOrEqual(1)
      // A picture clipped to one line's strip leaves the next line about a line below the one before it.
      const words = pdfWords(pdfs.get(edition)!)
      const before = words.find((word) => word.text === '图前一行')!
      const after = words.find((word) => word.text === '图后一行')!
      expect(after.page, edition).toBe(before.page)
      expect(after.yMin - before.yMax, edition).toBeGreaterThanOrEqual(figureHeightPt)
    }
  })

  it('[EXPORT-10] loses no text of the export model, and the 学生版 none of the 教师用 passages', () => {
    for (const edition of ['student', 'teacher'] as const) {
      const printed = squeezed(pdfText(pdfs.get(edition)!))
      const lost = textsOf(models.get(edition)!.blocks)
        .map(squeezed)
        .filter((text) => text !== '' && !printed.includes(text))
      expect(lost, edition).toEqual([])
    }
    const teacherOnly = textsOf(models.get('teacher')!.blocks, true)
      .map(squeezed)
      .filter((text) => text !== '')
    expect(teacherOnly.length).toBeGreaterThan(2)
    const student = squeezed(pdfText(pdfs.get('student')!))
    expect(teacherOnly.filter((text) => student.includes(text))).toEqual([])
    expect(squeezed(pdfText(pdfs.get('teacher')!))).toContain(teacherOnly[0])
  })
})
