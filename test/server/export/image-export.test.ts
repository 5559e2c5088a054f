import type { JSONContent } from '@tiptap/core'
import { browserSuitesEnabled } from '../../browser/helpers/chromium.ts'
import { describe, expect, it } from 'vitest'
import { docxOf } from '../../../server/export/docx/docx-file.ts'
import { type ExportImage, webpInWordText } from '../../../server/export/docx/docx-image.ts'
import { inlineImageSource } from '../../../server/export/export-images.ts'
import { PdfRenderer } from '../../../server/export/pdf/pdf-renderer.ts'
import { printPage } from '../../../server/export/pdf/print-page.ts'
import { readDocx as importDocx } from '../../../server/import/read-docx.ts'
import { buildExport } from '../../../shared/export/build-export.ts'
import { exportHtml } from '../../../shared/export/export-html.ts'
import { imageIdsOf, withAvailableImages } from '../../../shared/export/export-images.ts'
import type { Edition } from '../../../shared/export/export-model.ts'
import { imageUrl } from '../../../shared/images/image-url.ts'
import { buildEditorSchema } from '../../../shared/schema/editor-schema.ts'
import { defaultLessonTemplate } from '../../../shared/template/default-template.ts'
import { pngImage, webpHeader } from '../../helpers/test-images.ts'
import { readDocx } from './docx-reader.ts'

const schema = buildEditorSchema()
const ids = {
  figure: '0f8fad5b-d9cb-469f-a165-70867728950e',
  wide: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  answer: '16fd2706-8baf-433b-82eb-8c7fada847da',
  gone: 'a8098c1a-f86e-41d3-8c7a-5d2f3e1a9b4c',
  webp: 'c0a80164-4a3b-4d2e-9f10-123456789abc',
}
const images = new Map<string, ExportImage>([
  [ids.figure, { contentType: 'image/png', bytes: pngImage(30, 20), width: 30, height: 20 }],
  [ids.wide, { contentType: 'image/png', bytes: pngImage(2000, 1000), width: 2000, height: 1000 }],
  [ids.answer, { contentType: 'image/png', bytes: pngImage(10, 10, [200, 0, 0]), width: 10, height: 10 }],
  [ids.webp, { contentType: 'image/webp', bytes: webpHeader(40, 40), width: 40, height: 40 }],
])

const image = (id: string, alt: string, width: number, height: number, teacherOnly = false): JSONContent => ({
  type: 'image',
  attrs: { src: imageUrl(id), alt, width, height, teacherOnly },
})
const p = (text: string): JSONContent => ({ type: 'paragraph', content: [{ type: 'text', text }] })

/** A plan with a figure, a wide photo, a 教师用 answer picture, one whose row is gone, and a WebP. */
const plan = (): JSONContent => ({
  type: 'doc',
  content: [
    {
      type: 'section',
      attrs: { key: 'inquiry', title: '合作探究', hint: '', teacherOnly: false },
      content: [
        p('观察数轴：'),
        image(ids.figure, '数轴', 30, 20),
        image(ids.wide, '', 2000, 1000),
        image(ids.answer, '答案图', 10, 10, true),
      ],
    },
    {
      type: 'section',
      attrs: { key: 'homework', title: '课后作业', hint: '', teacherOnly: false },
      content: [image(ids.gone, '旧图', 50, 50), image(ids.webp, '', 40, 40)],
    },
  ],
})

function exported(edition: Edition) {
  const model = buildExport(schema.nodeFromJSON(plan()), { edition, title: '数轴', subtitle: '' })
  return withAvailableImages(model, new Set(images.keys()))
}

/** EMU per pixel at 96 dpi. */
const emu = 9525

describe('images in the export model', () => {
  it('names every image once; the 学生版 drops the 教师用 one; a missing row becomes a placeholder', () => {
    const teacher = exported('teacher')
    expect(
      imageIdsOf(buildExport(schema.nodeFromJSON(plan()), { edition: 'teacher', title: '', subtitle: '' }).blocks),
    ).toEqual([ids.figure, ids.wide, ids.answer, ids.gone, ids.webp])
    expect(imageIdsOf(teacher.blocks)).toEqual([ids.figure, ids.wide, ids.answer, ids.webp])
    expect(imageIdsOf(exported('student').blocks)).toEqual([ids.figure, ids.wide, ids.webp])
  })
})

describe('images in the .docx', () => {
  it('stores each picture in word/media, referenced from document.xml, scaled to the text width with its aspect', async () => {
    const file = readDocx(await docxOf(exported('teacher'), images))
    expect(file.images).toHaveLength(3)
    const [figure, wide, answer] = file.images
    expect(figure!.part).toMatch(/^word\/media\/.+\.png$/)
    expect(Buffer.from(figure!.bytes).equals(Buffer.from(images.get(ids.figure)!.bytes))).toBe(true)
    // Small pictures keep their own size …
    expect([figure!.widthEmu, figure!.heightEmu]).toEqual([30 * emu, 20 * emu])
    expect(figure!.description).toBe('数轴')
    // … large ones are fitted to A4's text width (16.6 cm), aspect kept.
    expect(wide!.widthEmu).toBeLessThanOrEqual(16.6 * 360000)
    expect(wide!.widthEmu).toBeGreaterThan(16 * 360000)
    expect(wide!.heightEmu / wide!.widthEmu).toBeCloseTo(0.5, 2)
    expect(Buffer.from(answer!.bytes).equals(Buffer.from(images.get(ids.answer)!.bytes))).toBe(true)
    expect(file.text).toContain('【图片缺失：旧图】')
    expect(file.text).toContain(webpInWordText)
    expect(file.text).toContain('【教师用】')
  })

  it('keeps the pictures in the 学生版 except the 教师用 one', async () => {
    const file = readDocx(await docxOf(exported('student'), images))
    expect(file.images.map((found) => found.bytes.length)).toEqual([
      images.get(ids.figure)!.bytes.length,
      images.get(ids.wide)!.bytes.length,
    ])
    expect(file.text).not.toContain('【教师用】')
  })

  it('fits a picture in a table cell to the cell', async () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [
                { type: 'tableCell', content: [p('题号')] },
                { type: 'tableCell', content: [image(ids.wide, '', 2000, 1000)] },
              ],
            },
          ],
        },
      ],
    }
    const model = buildExport(schema.nodeFromJSON(doc), { edition: 'teacher', title: '表', subtitle: '' })
    const [picture] = readDocx(await docxOf(model, images)).images
    expect(picture!.widthEmu).toBeLessThan(16 * 360000)
    expect(picture!.heightEmu / picture!.widthEmu).toBeCloseTo(0.5, 2)
  })
})

describe('images in the print HTML', () => {
  it('shows the images by address in the print view, inlined for the PDF, and the placeholder for a missing one', () => {
    const model = exported('teacher')
    const view = exportHtml(model)
    expect(view).toContain(`src="${imageUrl(ids.figure)}" alt="数轴" width="30" height="20"`)
    expect(view).toContain('【图片缺失：旧图】')
    const pdf = exportHtml(model, inlineImageSource(images))
    expect(pdf).toContain(
      `src="data:image/png;base64,${Buffer.from(images.get(ids.figure)!.bytes).toString('base64')}"`,
    )
    expect(pdf).not.toContain('/api/images/')
  })

  it('escapes the alt text', () => {
    const doc = { type: 'doc', content: [image(ids.figure, '"><script>alert(1)</script>', 30, 20)] }
    const html = exportHtml(buildExport(schema.nodeFromJSON(doc), { edition: 'teacher', title: '', subtitle: '' }))
    expect(html).not.toContain('<script>')
  })
})

describe('export → import round trip', () => {
  it('brings the picture back as an image block with the same bytes', async () => {
    const file = await docxOf(exported('student'), images)
    const { lesson, images: imported, unkept } = await importDocx(file, defaultLessonTemplate)
    expect(unkept.filter((item) => item.kind.startsWith('images'))).toEqual([])
    expect(imported.map((found) => [found.width, found.height])).toEqual([
      [30, 20],
      [2000, 1000],
    ])
    expect(Buffer.from(imported[0]!.bytes).equals(Buffer.from(images.get(ids.figure)!.bytes))).toBe(true)
    const json = JSON.stringify(lesson.sections)
    for (const found of imported) expect(json).toContain(imageUrl(found.id))
    expect(json).toContain('"alt":"数轴"')
  })
})

describe.runIf(browserSuitesEnabled())('images in the PDF', () => {
  it('prints the inlined pictures although the page may fetch nothing', async () => {
    const renderer = new PdfRenderer()
    try {
      const model = exported('student')
      const pdf = new TextDecoder('latin1').decode(await renderer.render(printPage(model, inlineImageSource(images))))
      const imageObjects = pdf.match(/\/Subtype\s*\/Image/g) ?? []
      expect(imageObjects.length).toBeGreaterThanOrEqual(2)
      const withoutImages = new TextDecoder('latin1').decode(await renderer.render(printPage(model, () => null)))
      expect(withoutImages).not.toMatch(/\/Subtype\s*\/Image/)
    } finally {
      await renderer.close()
    }
  })
})
