import { describe, expect, it } from 'vitest'
import { openDocxPackage } from '../../../server/import/docx-package.ts'
import { ImportRefusal } from '../../../server/import/import-refusal.ts'
import { buildDocx, documentXmlOf, paragraph } from './fixtures/docx-builder.ts'
import { sampleLessonDocx } from './fixtures/sample-lesson-docx.ts'
import { zip } from './fixtures/zip-writer.ts'

function refusalOf(file: Uint8Array): { code: string; message: string } {
  try {
    openDocxPackage(file)
  } catch (error) {
    if (error instanceof ImportRefusal) return { code: error.code, message: error.message }
    throw error
  }
  throw new Error('the file was accepted')
}

const body = documentXmlOf(paragraph('正文'))

describe('openDocxPackage', () => {
  it('accepts a Word document and hands on its XML parts', () => {
    const docx = openDocxPackage(sampleLessonDocx())
    expect(docx.xmlParts.get('word/document.xml')).toContain('学习目标')
    expect(docx.dropped).toEqual([])
  })

  it('refuses a zip that is no Word document', () => {
    expect(
      refusalOf(
        zip([
          { name: 'xl/workbook.xml', data: '<workbook/>' },
          { name: '[Content_Types].xml', data: '<Types/>' },
        ]),
      ),
    ).toEqual({
      code: 'unsupported_file',
      message: '这不是 Word 文档（.docx）',
    })
  })

  it('refuses a zip bomb by the sizes its directory declares, before inflating anything', () => {
    const declaredHuge = zip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: body, declaredSize: 60 * 1024 * 1024 },
    ])
    expect(refusalOf(declaredHuge).code).toBe('unsafe_file')
  })

  it('refuses a zip bomb by its compression ratio', () => {
    const zeros = zip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: body },
      { name: 'word/padding.xml', data: new Uint8Array(8 * 1024 * 1024) },
    ])
    expect(refusalOf(zeros).message).toMatch(/压缩炸弹/)
  })

  it('refuses a zip bomb whose directory understates what an entry inflates to', () => {
    const lying = zip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: documentXmlOf(paragraph('很长'.repeat(100_000))), declaredSize: 1000 },
    ])
    expect(refusalOf(lying)).toMatchObject({ code: 'unsafe_file' })
  })

  it('refuses too many parts', () => {
    const parts = Array.from({ length: 2001 }, (_, index) => ({ name: `word/part${index}.xml`, data: '<x/>' }))
    expect(
      refusalOf(
        zip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'word/document.xml', data: body }, ...parts]),
      ).code,
    ).toBe('unsafe_file')
  })

  it('refuses an image larger than the per-image limit', () => {
    const file = buildDocx(paragraph('图'), {
      extraParts: [
        { name: 'word/media/image9.png', data: new Uint8Array(10), stored: true, declaredSize: 21 * 1024 * 1024 },
      ],
    })
    expect(refusalOf(file).message).toMatch(/过大的图片/)
  })

  it('never reads images, so a corrupt one does not matter (it is dropped and listed by the converter)', () => {
    const file = buildDocx(paragraph('图'), {
      extraParts: [{ name: 'word/media/image2.png', data: new Uint8Array([1, 2, 3]), stored: true, declaredSize: 999 }],
    })
    expect(() => openDocxPackage(file)).not.toThrow()
  })

  it('refuses damaged data (a checksum that does not match)', () => {
    const file = buildDocx(paragraph('正文'))
    const damaged = file.slice()
    // The first entry's data begins after its 30-byte local header and its name.
    const dataStart = 30 + '[Content_Types].xml'.length
    damaged[dataStart + 10] = damaged[dataStart + 10]! ^ 0xff
    expect(refusalOf(damaged).code).toBe('corrupt_file')
  })

  it('refuses a truncated file', () => {
    expect(refusalOf(buildDocx(paragraph('正文')).slice(0, 200)).code).toBe('corrupt_file')
  })

  it('refuses encrypted parts', () => {
    const file = buildDocx(paragraph('正文'))
    const view = new DataView(file.buffer)
    // Set the encryption flag of the first directory entry.
    const directory = view.getUint32(file.length - 22 + 16, true)
    view.setUint16(directory + 8, view.getUint16(directory + 8, true) | 1, true)
    expect(refusalOf(file).message).toMatch(/密码/)
  })

  it('lists ActiveX controls and embedded objects as dropped instead of refusing the file', () => {
    const file = buildDocx(paragraph('控件'), {
      extraParts: [
        { name: 'word/activeX/activeX1.xml', data: '<ax:ocx/>' },
        { name: 'word/activeX/activeX1.bin', data: new Uint8Array(32) },
        { name: 'word/embeddings/Microsoft_Excel_Worksheet.xlsx', data: new Uint8Array(32) },
      ],
    })
    expect(openDocxPackage(file).dropped.map((item) => [item.kind, item.count])).toEqual([
      ['activeX', 1],
      ['embeddedObjects', 1],
    ])
  })
})
