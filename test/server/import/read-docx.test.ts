import { describe, expect, it } from 'vitest'
import { ImportRefusal } from '../../../server/import/import-refusal.ts'
import { readDocx } from '../../../server/import/read-docx.ts'
import { defaultLessonTemplate } from '../../../shared/template/default-template.ts'
import { buildDocx, heading, image, paragraph } from './fixtures/docx-builder.ts'
import { pixelPng, sampleLessonBody } from './fixtures/sample-lesson-docx.ts'

describe('readDocx', () => {
  it('drops a corrupt image without reading it and lists it, keeping the rest', async () => {
    const file = buildDocx(heading(2, '学习目标') + paragraph('会解方程') + image(), { imageBytes: new Uint8Array([0x89, 0x50, 0, 1, 2]) })
    const { lesson, unkept } = await readDocx(file, defaultLessonTemplate)
    expect(lesson.outline.map((section) => section.key)).toEqual(['objectives'])
    expect(unkept).toEqual([expect.objectContaining({ kind: 'images', count: 1 })])
  })

  it('strips ActiveX controls and lists them with the rest of what was not kept', async () => {
    const file = buildDocx(sampleLessonBody, {
      imageBytes: pixelPng,
      extraParts: [{ name: 'word/activeX/activeX1.xml', data: '<ax:ocx xmlns:ax="http://schemas.microsoft.com/office/2006/activeX"/>' }],
    })
    const { unkept } = await readDocx(file, defaultLessonTemplate)
    expect(unkept.map((item) => item.kind)).toEqual(expect.arrayContaining(['activeX', 'equations', 'comments', 'textBoxes']))
    for (const item of unkept) expect(item.message).toMatch(/[\u4e00-\u9fff]/)
  })

  it('refuses, as damaged, a file whose image points at a part that is not there', async () => {
    const file = buildDocx(paragraph('正文') + image())
    await expect(readDocx(file, defaultLessonTemplate)).rejects.toMatchObject({ code: 'corrupt_file' })
    await expect(readDocx(file, defaultLessonTemplate)).rejects.toBeInstanceOf(ImportRefusal)
  })
})
