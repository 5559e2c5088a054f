import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { limits } from '../../../shared/limits.ts'
import { ImportRefusal } from '../../../server/import/import-refusal.ts'
import { readDocx } from '../../../server/import/read-docx.ts'
import { defaultLessonTemplate } from '../../../shared/template/default-template.ts'
import { buildDocx, heading, image, paragraph } from './fixtures/docx-builder.ts'
import { pixelPng, sampleLessonBody } from './fixtures/sample-lesson-docx.ts'
import { imageUrl } from '../../../shared/images/image-url.ts'
import { jpegHeader, noisePng, pngHeaderOnly, pngImage } from '../../helpers/test-images.ts'
import { match } from '../../helpers/match.ts'
import { readImageHeader } from '../../../shared/images/image-header.ts'

describe('readDocx', () => {
  it('drops a corrupt image and lists it as damaged, keeping the rest', async () => {
    const file = buildDocx(heading(2, '学习目标') + paragraph('会解方程') + image(), {
      imageBytes: pngImage(4, 4).subarray(0, 20),
    })
    const { lesson, images, unkept } = await readDocx(file, defaultLessonTemplate)
    expect(lesson.outline.map((section) => section.key)).toEqual(['objectives'])
    expect(images).toEqual([])
    expect(JSON.stringify(lesson.sections)).not.toContain('"image"')
    expect(unkept).toEqual([{ kind: 'imagesCorrupt', count: 1, message: '1 张图片已损坏，没有导入' }])
  })

  it('keeps a picture as an image block with its size and alt text, to be stored with the draft', async () => {
    const png = pngImage(30, 20)
    const file = buildDocx(heading(2, '学习目标') + paragraph('看图') + image() + paragraph('回答') + image(), {
      imageBytes: png,
    })
    const { lesson, images, unkept } = await readDocx(file, defaultLessonTemplate)
    expect(unkept).toEqual([])
    // The picture is used twice in the file and stored once.
    expect(images).toEqual([{ id: match.any(String), contentType: 'image/png', width: 30, height: 20, bytes: png }])
    const blocks = lesson.sections[0]!.content!
    expect(blocks.map((block) => block.type)).toEqual(['paragraph', 'image', 'paragraph', 'image'])
    expect(blocks[1]!.attrs).toMatchObject({ src: imageUrl(images[0]!.id), alt: '示意图', width: 30, height: 20 })
  })

  it('lists pictures too large or of a format the web cannot show, with the reason, and imports the rest', async () => {
    const huge = buildDocx(heading(2, '学习目标') + paragraph('会解方程') + image(), {
      imageBytes: pngHeaderOnly(9000, 9000),
    })
    const tooLarge = await readDocx(huge, defaultLessonTemplate)
    expect(tooLarge.images).toEqual([])
    expect(tooLarge.unkept).toEqual([
      match.objectContaining({ kind: 'imagesTooLarge', count: 1, message: match.stringContaining('图片太大') }),
    ])
    expect(JSON.stringify(tooLarge.lesson.sections)).toContain('会解方程')

    // A Windows metafile, as Word keeps many pasted pictures (its placeable header's magic number).
    const wmf = buildDocx(paragraph('图') + image(), {
      imageBytes: new Uint8Array([0xd7, 0xcd, 0xc6, 0x9a, 0, 0, 1, 2, 3, 4]),
    })
    expect((await readDocx(wmf, defaultLessonTemplate)).unkept).toEqual([
      match.objectContaining({ kind: 'images', count: 1, message: match.stringContaining('WMF') }),
    ])
  })

  it('[EXPORT-12] shrinks a phone photo over the picture limit and imports it with the text around it', async () => {
    // Noise does not compress: about 6 MB in the zip, under the upload limit, over the picture limit.
    const photo = noisePng(1500, 1300)
    expect(photo.length).toBeGreaterThan(limits.maxImageBytes)
    const file = buildDocx(
      heading(2, '学习目标') + paragraph('观察照片中的方程') + image() + paragraph('写出等量关系'),
      { imageBytes: photo },
    )
    expect(file.length).toBeLessThan(limits.maxUploadBytes)
    const { lesson, images, unkept } = await readDocx(file, defaultLessonTemplate)
    expect(unkept).toEqual([])
    expect(images).toHaveLength(1)
    const shrunk = images[0]!
    expect(shrunk).toMatchObject({ contentType: 'image/jpeg', width: 1500, height: 1300 })
    expect(shrunk.bytes.length).toBeLessThanOrEqual(limits.maxImageBytes)
    expect(readImageHeader(shrunk.bytes)).toEqual({ type: 'image/jpeg', width: 1500, height: 1300 })
    const text = JSON.stringify(lesson.sections)
    expect(text).toContain('观察照片中的方程')
    expect(text).toContain('写出等量关系')
    expect(text).toContain(imageUrl(shrunk.id))
  })

  it('[EXPORT-12] lists a photo over the limit that cannot be decoded, with the limit in Chinese, and keeps the text', async () => {
    // A JPEG header of a 3000 × 2000 photo, then 6 MB that no decoder reads.
    const broken = Buffer.concat([jpegHeader(3000, 2000), randomBytes(limits.maxImageBytes + 1024 * 1024)])
    const file = buildDocx(paragraph('观察照片中的方程') + image() + paragraph('写出等量关系'), { imageBytes: broken })
    const { lesson, images, unkept } = await readDocx(file, defaultLessonTemplate)
    expect(images).toEqual([])
    expect(unkept).toEqual([
      {
        kind: 'imagesTooLarge',
        count: 1,
        message: '1 张图片太大，没有导入：每张图片不能超过 5 MB，长边不能超过 8000 像素',
      },
    ])
    const text = JSON.stringify(lesson.sections)
    expect(text).toContain('观察照片中的方程')
    expect(text).toContain('写出等量关系')
    expect(text).not.toContain('"image"')
  })

  it('strips ActiveX controls and lists them with the rest of what was not kept', async () => {
    const file = buildDocx(sampleLessonBody, {
      imageBytes: pixelPng,
      extraParts: [
        {
          name: 'word/activeX/activeX1.xml',
          data: '<ax:ocx xmlns:ax="http://schemas.microsoft.com/office/2006/activeX"/>',
        },
      ],
    })
    const { unkept } = await readDocx(file, defaultLessonTemplate)
    expect(unkept.map((item) => item.kind)).toEqual(
      expect.arrayContaining(['activeX', 'equations', 'comments', 'textBoxes']),
    )
    for (const item of unkept) expect(item.message).toMatch(/[\u4e00-\u9fff]/)
  })

  it('refuses, as damaged, a file whose image points at a part that is not there', async () => {
    const file = buildDocx(paragraph('正文') + image())
    await expect(readDocx(file, defaultLessonTemplate)).rejects.toMatchObject({ code: 'corrupt_file' })
    await expect(readDocx(file, defaultLessonTemplate)).rejects.toBeInstanceOf(ImportRefusal)
  })
})
