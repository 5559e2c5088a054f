import type { JSONContent } from '@tiptap/core'
import { generateHTML, generateJSON } from '@tiptap/html/server'
import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import { imageUrl } from '../../../shared/images/image-url.ts'
import { buildEditorSchema, contentExtensions, contentFragmentName } from '../../../shared/schema/editor-schema.ts'

const schema = buildEditorSchema()
const extensions = contentExtensions()
const src = imageUrl('0f8fad5b-d9cb-469f-a165-70867728950e')

describe('the image block', () => {
  it('parses our stored images with their size and alt text', () => {
    const doc = generateJSON(
      `<p>图 1</p><img src="${src}" alt="数轴" width="320" height="80">`,
      extensions,
    ) as JSONContent
    expect(doc.content?.[1]).toEqual({
      type: 'image',
      attrs: { src, alt: '数轴', width: 320, height: 80, teacherOnly: false, blockSource: null },
    })
  })

  it('gives no image for other sites or data: URLs, so a document never makes a reader fetch them', () => {
    for (const other of ['https://tracker.example/a.png', 'data:image/png;base64,iVBORw0KGgo=', '/api/documents/x']) {
      const doc = generateJSON(`<p>前</p><img src="${other}"><p>后</p>`, extensions)
      expect(JSON.stringify(doc)).not.toContain('"image"')
    }
  })

  it('renders back as an img with its size, and survives the Yjs round trip with the teacherOnly mark', () => {
    const json = {
      type: 'doc',
      content: [{ type: 'image', attrs: { src, alt: '', width: 40, height: 30, teacherOnly: true } }],
    }
    const html = generateHTML(json, extensions)
    for (const attribute of [`src="${src}"`, 'width="40"', 'height="30"', 'data-teacher-only=""'])
      expect(html).toContain(attribute)
    const ydoc = prosemirrorJSONToYDoc(schema, json, contentFragmentName)
    const back = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(contentFragmentName), schema)
    expect(back.firstChild?.attrs).toEqual({
      src,
      alt: '',
      width: 40,
      height: 30,
      teacherOnly: true,
      blockSource: null,
    })
  })
})
