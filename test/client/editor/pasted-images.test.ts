import { Window } from 'happy-dom'
import { describe, expect, it } from 'vitest'
import {
  dataUrlBlob,
  pastedImages,
  unreadableImagesMessage,
  withUploadedImages,
} from '../../../client/src/editor/pasted-images.ts'
import { imageUrl } from '../../../shared/images/image-url.ts'
import { pngImage } from '../../helpers/test-images.ts'

const window = new Window()
const parse = (html: string) => new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document

const png = pngImage(3, 2)
const dataUrl = `data:image/png;base64,${Buffer.from(png).toString('base64')}`
const ours = imageUrl('0f8fad5b-d9cb-469f-a165-70867728950e')

/** What WPS or a web page puts on the clipboard: an inline picture, Word's unreadable file, one of ours, another site's. */
const clipboard = `<p>看图：</p><img src="${dataUrl}"><p><img src="file:///C:/Users/li/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png"></p>
<img src="${ours}" width="40" height="30"><img src="https://example.com/a.png"><img src="${dataUrl}">`

describe('pictures in pasted HTML', () => {
  it('finds the data: pictures to upload, each once, and counts those the browser cannot read', () => {
    expect(pastedImages(parse(clipboard))).toEqual({
      dataUrls: [dataUrl],
      storedIds: ['0f8fad5b-d9cb-469f-a165-70867728950e'],
      unreadable: 2,
    })
    expect(pastedImages(parse('<p>没有图片</p>'))).toEqual({ dataUrls: [], storedIds: [], unreadable: 0 })
  })

  it('puts the stored addresses and sizes in place of the uploaded pictures and takes the others out', () => {
    const stored = { id: 'x', url: imageUrl('7c9e6679-7425-40de-944b-e07fc1f90ae7'), width: 3, height: 2 }
    const html = withUploadedImages(parse(clipboard), new Map([[dataUrl, stored]]))
    const images = [...parse(html).querySelectorAll('img')].map((image) => [
      image.getAttribute('src'),
      image.getAttribute('width'),
      image.getAttribute('height'),
    ])
    expect(images).toEqual([
      [stored.url, '3', '2'],
      [ours, '40', '30'],
      [stored.url, '3', '2'],
    ])
    expect(html).toContain('看图：')
  })

  it('gives a picture from another document its copy here', () => {
    const copy = { id: 'y', url: imageUrl('16fd2706-8baf-433b-82eb-8c7fada847da'), width: 40, height: 30 }
    const html = withUploadedImages(parse(clipboard), new Map([[ours, copy]]))
    expect([...parse(html).querySelectorAll('img')].map((image) => image.getAttribute('src'))).toEqual([copy.url])
  })

  it('drops a picture whose upload failed, keeping the text', () => {
    const html = withUploadedImages(parse(clipboard), new Map())
    expect([...parse(html).querySelectorAll('img')].map((image) => image.getAttribute('src'))).toEqual([ours])
    expect(html).toContain('看图：')
  })

  it('turns a data: URL back into the picture’s bytes', async () => {
    const blob = dataUrlBlob(dataUrl)
    expect(blob.type).toBe('image/png')
    expect(Buffer.from(await blob.arrayBuffer()).equals(Buffer.from(png))).toBe(true)
  })

  it('tells how many pictures were left out', () => {
    expect(unreadableImagesMessage(2)).toMatch(/^2 张图片没有粘贴进来/)
  })
})
