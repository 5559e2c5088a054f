import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { DocumentSummary } from '../../../shared/api.ts'
import type { ImageCopies, StoredImage } from '../../../shared/api/images.ts'
import type { ExportDocument } from '../../../shared/export/export-model.ts'
import { imageRefusals } from '../../../shared/images/image-check.ts'
import { limits } from '../../../shared/limits.ts'
import { login } from '../../helpers/collab-client.ts'
import { apiClientFor } from '../../helpers/api-client.ts'
import { addLesson, addOutsiders, demoGroupId, planInput, userId } from '../../helpers/lesson-fixtures.ts'
import { gifHeader, jpegHeader, pngHeaderOnly, pngImage, webpHeader } from '../../helpers/test-images.ts'
import { createDocumentInDemoGroup, startTestServer, type TestServer } from '../../helpers/test-server.ts'
import { match } from '../../helpers/match.ts'
import { readDocx } from '../export/docx-reader.ts'
import { writeContent } from '../export/export-fixtures.ts'

let server: TestServer
let documentId: string
const cookies: Record<string, string> = {}

beforeAll(async () => {
  server = await startTestServer({ demoPlan: false })
  await addOutsiders(server)
  for (const username of ['teacher1', 'guest', 'riverside-leader'])
    cookies[username] = await login(server.url, username)
  documentId = await createDocumentInDemoGroup(server, '数轴')
})

afterAll(async () => {
  await server.stop()
})

async function upload(bytes: Uint8Array, { as = 'teacher1', to = documentId, type = 'image/png' } = {}) {
  const response = await fetch(`${server.url}/api/documents/${to}/images`, {
    method: 'POST',
    headers: { cookie: cookies[as]!, 'content-type': type },
    body: new Uint8Array(bytes),
  })
  return {
    status: response.status,
    body: (await response.json()) as StoredImage & { error?: { code: string; message: string } },
  }
}

function read(id: string, as = 'teacher1') {
  return fetch(`${server.url}/api/images/${id}`, { headers: { cookie: cookies[as]! } })
}

describe('uploading an image', () => {
  it('stores a PNG and answers its address and size; the bytes come back as stored, typed by their content', async () => {
    const png = pngImage(12, 8)
    // The declared type is ignored: the bytes say it is a PNG.
    const { status, body } = await upload(png, { type: 'application/octet-stream' })
    expect(status, JSON.stringify(body)).toBe(201)
    expect(body).toEqual({ id: match.any(String), url: `/api/images/${body.id}`, width: 12, height: 8 })

    const response = await read(body.id)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/png')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('cache-control')).toBe('private, max-age=31536000, immutable')
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(png))).toBe(true)
    const [stored] = await server.store.images.findImages([body.id])
    expect(stored).toMatchObject({
      documentId,
      contentType: 'image/png',
      width: 12,
      height: 8,
      createdBy: match.any(String),
    })
  })

  it('takes JPEG, GIF and WebP by their headers', async () => {
    for (const [bytes, type] of [
      [jpegHeader(640, 480), 'image/jpeg'],
      [gifHeader(20, 10), 'image/gif'],
      [webpHeader(30, 15), 'image/webp'],
    ] as const) {
      const { status, body } = await upload(bytes, { type })
      expect(status).toBe(201)
      expect((await read(body.id)).headers.get('content-type')).toBe(type)
    }
  })

  it('refuses SVG, other files, corrupt and oversized images with a clear error, storing nothing', async () => {
    const adding = vi.spyOn(server.store.images, 'addImages')
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>')
    const cases: [Uint8Array, number, string, unknown][] = [
      [svg, 400, 'unsafe_file', imageRefusals.svg],
      [new TextEncoder().encode('%PDF-1.7 not a picture'), 400, 'unsupported_file', imageRefusals.unknown],
      [pngImage(4, 4).subarray(0, 20), 400, 'corrupt_file', imageRefusals.corrupt],
      [new Uint8Array(), 400, 'unsupported_file', imageRefusals.unknown],
      [pngHeaderOnly(limits.maxImageSide * 2, 100), 413, 'payload_too_large', match.stringContaining('图片尺寸太大了')],
    ]
    for (const [bytes, status, code, message] of cases) {
      const answer = await upload(bytes)
      expect(answer.status).toBe(status)
      expect(answer.body.error).toEqual({ code, message })
    }
    expect(adding).not.toHaveBeenCalled()
    adding.mockRestore()
  })

  it('refuses a body over the byte limit before reading it', async () => {
    const huge = new Uint8Array(limits.maxImageBytes + 1024)
    huge.set(pngImage(2, 2))
    const { status, body } = await upload(huge)
    expect(status).toBe(413)
    expect(body.error).toEqual({ code: 'payload_too_large', message: imageRefusals.tooLarge })
  })
})

describe('the OpenAPI document', () => {
  it('describes the upload as a raw picture body and the answer of the read', async () => {
    type Operation = {
      requestBody?: { content: Record<string, unknown> }
      responses: Record<string, { content?: Record<string, unknown> }>
    }
    const spec = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, Operation>>
    }
    const upload = spec.paths['/api/documents/{documentId}/images']!['post']!
    expect(Object.keys(upload.requestBody!.content).sort()).toEqual([
      'application/octet-stream',
      'image/gif',
      'image/jpeg',
      'image/png',
      'image/webp',
    ])
    expect(Object.keys(upload.responses)).toEqual(expect.arrayContaining(['201', '400', '403', '404', '413']))
    expect(Object.keys(spec.paths['/api/images/{imageId}']!['get']!.responses['200']!.content!)).toContain('image/png')
  })
})

describe('who may add and see images', () => {
  it('lets a reader see images but not add them; another school sees no such document or image', async () => {
    const { body } = await upload(pngImage(3, 3))
    const guestUpload = await upload(pngImage(3, 3), { as: 'guest' })
    expect(guestUpload.status).toBe(403)
    expect(guestUpload.body.error?.message).toBe('只有能编辑这份文档的人可以插入图片')
    expect((await read(body.id, 'guest')).status).toBe(200)

    expect((await upload(pngImage(3, 3), { as: 'riverside-leader' })).status).toBe(404)
    const outside = await read(body.id, 'riverside-leader')
    expect(outside.status).toBe(404)
    expect(await outside.json()).toEqual({ error: { code: 'not_found', message: '没有这张图片' } })
  })

  it('lets only the 主备人 add pictures to a draft; a colleague who may only comment cannot', async () => {
    const leader = await apiClientFor(server.url, 'leader')
    const lesson = await addLesson(leader, await demoGroupId(leader), planInput(await userId(server, 'teacher1')))
    const { body: documents } = await (
      await apiClientFor(server.url, 'teacher2')
    ).get<DocumentSummary[]>('/api/documents')
    expect(documents.find((document) => document.id === lesson.documentId)?.access).toBe('comment')
    cookies['teacher2'] ??= await login(server.url, 'teacher2')
    const refused = await upload(pngImage(3, 3), { as: 'teacher2', to: lesson.documentId })
    expect(refused.status).toBe(403)
    expect((await upload(pngImage(3, 3), { as: 'teacher1', to: lesson.documentId })).status).toBe(201)
  })

  it('asks for a login, and knows no image or document it does not have', async () => {
    expect((await fetch(`${server.url}/api/images/0f8fad5b-d9cb-469f-a165-70867728950e`)).status).toBe(401)
    expect((await read('0f8fad5b-d9cb-469f-a165-70867728950e')).status).toBe(404)
    expect((await upload(pngImage(2, 2), { to: 'no-such-document' })).status).toBe(404)
  })
})

describe('exports of a document with images', () => {
  it('embed the images the reader may see and print a placeholder for one that is gone', async () => {
    const { body: figure } = await upload(pngImage(40, 30))
    const gone = '0f8fad5b-d9cb-469f-a165-70867728950e'
    const image = (src: string, alt: string) => ({ type: 'image', attrs: { src, alt, width: 40, height: 30 } })
    await writeContent(server, documentId, {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '看图回答' }] },
        image(figure.url, '示意图'),
        image(`/api/images/${gone}`, '旧图'),
      ],
    })
    const exported = (format: string) =>
      fetch(`${server.url}/api/documents/${documentId}/export?edition=student&format=${format}`, {
        headers: { cookie: cookies['guest']! },
      })

    const docx = readDocx(new Uint8Array(await (await exported('docx')).arrayBuffer()))
    expect(docx.images).toHaveLength(1)
    expect(Buffer.from(docx.images[0]!.bytes).equals(Buffer.from(pngImage(40, 30)))).toBe(true)
    expect(docx.text).toContain('【图片缺失：旧图】')

    const model = (await (await exported('json')).json()) as ExportDocument
    expect(model.blocks.filter((block) => block.kind === 'image').map((block) => block.imageId)).toEqual([
      figure.id,
      null,
    ])
  })
})

describe('pictures pasted from another document', () => {
  async function copy(imageIds: string[], { as = 'teacher1', to = documentId } = {}) {
    const response = await fetch(`${server.url}/api/documents/${to}/images/copies`, {
      method: 'POST',
      headers: { cookie: cookies[as]!, 'content-type': 'application/json' },
      body: JSON.stringify({ imageIds }),
    })
    return { status: response.status, body: (await response.json()) as ImageCopies & { error?: { code: string } } }
  }

  it('become pictures of the document they are pasted into, and outlive the one they came from', async () => {
    const source = await createDocumentInDemoGroup(server, '去年的导学案')
    const { body: original } = await upload(pngImage(5, 4), { to: source })
    const { body: own } = await upload(pngImage(6, 4))
    const { status, body } = await copy([original.id, own.id, '0f8fad5b-d9cb-469f-a165-70867728950e'])
    expect(status).toBe(200)
    expect(body.copies).toHaveLength(2)
    const copied = body.copies.find((entry) => entry.from === original.id)!.image
    expect(copied).toMatchObject({ width: 5, height: 4 })
    expect(copied.id).not.toBe(original.id)
    // Already this document's own: kept as it is.
    expect(body.copies.find((entry) => entry.from === own.id)!.image.id).toBe(own.id)
    const [stored] = await server.store.images.findImages([copied.id])
    expect(stored).toMatchObject({ documentId, contentType: 'image/png' })
    expect(Buffer.from(stored!.bytes).equals(Buffer.from(pngImage(5, 4)))).toBe(true)
  })

  it('are refused to a reader, and another school’s pictures are not copied', async () => {
    const { body: mine } = await upload(pngImage(3, 3))
    expect((await copy([mine.id], { as: 'guest' })).status).toBe(403)
    const riverside = (await server.store.accounts.findUserByUsername('riverside-leader'))!
    const [riversideGroup] = await server.store.groups.groupIdsOfUser(riverside.id)
    const theirs = await server.store.documents.createDocument({
      groupId: riversideGroup!,
      schoolId: riverside.schoolId,
      title: '外校',
      kind: 'lesson-plan',
      createdBy: riverside.id,
    })
    const { body: foreign } = await upload(pngImage(3, 3), { as: 'riverside-leader', to: theirs.id })
    expect((await copy([foreign.id])).body.copies).toEqual([])
    expect((await copy([])).status).toBe(400)
  })
})
