import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { ImportResult } from '../../../shared/api/import.ts'
import type { LessonPlanInput, LessonSummary } from '../../../shared/api/lessons.ts'
import { storedImageId } from '../../../shared/images/image-url.ts'
import { buildEditorSchema, contentFragmentName } from '../../../shared/schema/editor-schema.ts'
import { limits } from '../../../shared/limits.ts'
import { login } from '../../helpers/collab-client.ts'
import { planInput, userId } from '../../helpers/lesson-fixtures.ts'
import { startTestServer, type TestServer } from '../../helpers/test-server.ts'
import { pngImage } from '../../helpers/test-images.ts'
import { buildDocx, documentXmlOf, heading, hyperlink, image, paragraph, run } from './fixtures/docx-builder.ts'
import { sampleLessonDocx } from './fixtures/sample-lesson-docx.ts'

let server: TestServer
let groupId: string
let entry: LessonPlanInput
const cookies: Record<string, string> = {}

beforeAll(async () => {
  server = await startTestServer({ demoPlan: false })
  for (const username of ['leader', 'teacher1', 'teacher2']) cookies[username] = await login(server.url, username)
  const leader = (await server.store.accounts.findUserByUsername('leader'))!
  groupId = (await server.store.groups.groupIdsOfUser(leader.id))[0]!
  entry = planInput(await userId(server, 'teacher1'), { title: '3.2 解一元一次方程（一）' })
})

afterAll(async () => {
  await server.stop()
})

async function upload(file: Uint8Array, { as = 'leader', name = '导学案.docx', fields = entry } = {}) {
  const form = new FormData()
  form.set(
    'file',
    new File([new Uint8Array(file)], name, {
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    }),
  )
  form.set('entry', JSON.stringify(fields))
  const response = await fetch(`${server.url}/api/groups/${groupId}/lessons/import`, {
    method: 'POST',
    headers: { cookie: cookies[as]! },
    body: form,
  })
  return {
    status: response.status,
    body: (await response.json()) as ImportResult & { error?: { code: string; message: string } },
  }
}

async function counts() {
  const leader = (await server.store.accounts.findUserByUsername('leader'))!
  return {
    lessons: (await server.store.lessons.listLessonsOfGroup(groupId, null)).length,
    documents: (await server.store.documents.listDocumentsOfSchool(leader.schoolId)).length,
  }
}

async function storedDoc(documentId: string) {
  const state = await server.store.updates.loadDocumentState(documentId)
  const doc = new Y.Doc()
  for (const part of state.snapshot ? [state.snapshot, ...state.updates] : state.updates) Y.applyUpdate(doc, part)
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(contentFragmentName), buildEditorSchema())
}

describe('从 Word 导入 a 导学案 as a new plan entry', () => {
  it('creates the lesson with the file as its draft, sections matched to the template, and lists what was left out', async () => {
    const before = await counts()
    const { status, body } = await upload(sampleLessonDocx())
    expect(status, JSON.stringify(body)).toBe(201)
    expect(body.lesson).toMatchObject({ title: '3.2 解一元一次方程（一）', stage: 'draft' })
    expect(await counts()).toEqual({ lessons: before.lessons + 1, documents: before.documents + 1 })
    expect(body.sections.map((section) => section.key)).toEqual([
      'objectives',
      'keyPoints',
      'preview',
      'inquiry',
      'classCheck',
      'summary',
      'homework',
      'imported-1',
      'reflection',
    ])
    expect(body.unkept.map((item) => item.kind).sort()).toEqual(['comments', 'equations', 'textBoxes'])

    const doc = await storedDoc(body.lesson.documentId)
    const header = doc.child(0)
    const field = (name: string) => {
      let text = ''
      header.forEach((node) => {
        if (node.attrs.field === name) text = node.textContent
      })
      return text
    }
    // The plan says who prepares it and when; the file fills in what the plan does not know.
    expect(field('topic')).toBe('3.2 解一元一次方程（一）')
    expect(field('classes')).toBe('七（3）班')
    expect(field('leadPreparer')).not.toBe('王老师')
    const types: string[] = []
    doc.descendants((node) => {
      types.push(node.type.name)
    })
    expect(types).toEqual(expect.arrayContaining(['orderedList', 'bulletList', 'table', 'tableCell', 'image']))
    // The file's picture is stored with the new draft, under the address its image node shows.
    let src = ''
    doc.descendants((node) => {
      if (node.type.name === 'image') src = String(node.attrs.src)
    })
    const [stored] = await server.store.images.findImages([storedImageId(src)!])
    expect(stored).toMatchObject({ documentId: body.lesson.documentId, contentType: 'image/png', width: 1, height: 1 })
    const reflection = doc.child(doc.childCount - 1)
    expect(reflection.attrs).toMatchObject({ key: 'reflection', teacherOnly: true })
  })

  it('refuses a teacher, who may not add lessons, before reading the file', async () => {
    const before = await counts()
    const { status, body } = await upload(sampleLessonDocx(), { as: 'teacher1' })
    expect(status).toBe(403)
    expect(body.error?.code).toBe('forbidden')
    expect(await counts()).toEqual(before)
  })

  it('refuses an incomplete plan entry', async () => {
    const before = await counts()
    const { status } = await upload(sampleLessonDocx(), { fields: { ...entry, title: '' } })
    expect(status).toBe(400)
    expect(await counts()).toEqual(before)
  })
})

describe('a file written to attack the reader', () => {
  it('keeps its words and safe links, but no script link, script or event handler reaches the draft', async () => {
    const script = '<script>alert(document.cookie)</script>'
    const handler = '<img src=x onerror=alert(1)>'
    const file = buildDocx(
      heading(2, '学习目标') +
        paragraph('课前请', hyperlink('rIdScript', '点这里看答案'), '。') +
        paragraph(hyperlink('rIdMixedCase', '课件下载'), hyperlink('rIdTab', '练习题'), hyperlink('rIdData', '视频')) +
        paragraph('教材见', hyperlink('rIdSafe', '人教版网站')) +
        paragraph(run(script)) +
        paragraph(run(handler)),
      {
        links: {
          rIdScript: 'javascript:alert(document.cookie)',
          rIdMixedCase: 'JaVaScRiPt:alert(1)',
          rIdTab: 'java\tscript:alert(1)',
          rIdData: 'data:text/html,<script>alert(1)</script>',
          rIdSafe: 'https://www.pep.com.cn/',
        },
      },
    )
    const { status, body } = await upload(file)
    expect(status, JSON.stringify(body)).toBe(201)
    const doc = await storedDoc(body.lesson.documentId)

    const hrefs: string[] = []
    const attributes: string[] = []
    doc.descendants((node) => {
      attributes.push(JSON.stringify(node.attrs))
      for (const mark of node.marks) {
        attributes.push(JSON.stringify(mark.attrs))
        if (mark.type.name === 'link') hrefs.push(String(mark.attrs.href))
      }
    })
    expect(hrefs).toEqual(['https://www.pep.com.cn/'])
    for (const value of attributes) expect(value).not.toMatch(/script|onerror|data:/i)
    // What looked like markup in the file is the teacher's words, kept as text and never as an element.
    const paragraphs: string[] = []
    doc.descendants((node) => {
      if (node.type.name === 'paragraph') paragraphs.push(node.textContent)
    })
    expect(paragraphs).toEqual(
      expect.arrayContaining(['课前请点这里看答案。', '课件下载练习题视频', '教材见人教版网站', script, handler]),
    )
  })
})

describe('bad files get a clear error and change nothing', () => {
  it.each<[string, () => Uint8Array, number, string, RegExp]>([
    [
      'a file over the upload limit',
      () => new Uint8Array(limits.maxUploadBytes + 1),
      413,
      'payload_too_large',
      /不能超过 10 MB/,
    ],
    [
      'a text file',
      () => new TextEncoder().encode('这只是一段文字'),
      400,
      'unsupported_file',
      /这不是 Word 文档（\.docx）/,
    ],
    [
      'an old binary .doc',
      () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      400,
      'unsupported_file',
      /\.doc/,
    ],
    ['an empty file', () => new Uint8Array(0), 400, 'unsupported_file', /这不是 Word 文档/],
    [
      'a macro-enabled .docm',
      () => buildDocx(paragraph('宏'), { mainContentType: 'application/vnd.ms-word.document.macroEnabled.main+xml' }),
      400,
      'unsafe_file',
      /宏/,
    ],
    [
      'a .docx carrying vbaProject.bin',
      () => buildDocx(paragraph('宏'), { extraParts: [{ name: 'word/vbaProject.bin', data: new Uint8Array(64) }] }),
      400,
      'unsafe_file',
      /宏/,
    ],
    [
      'a zip bomb',
      () => buildDocx('', { documentXml: documentXmlOf(paragraph('x'.repeat(30 * 1024 * 1024))) }),
      400,
      'unsafe_file',
      /压缩炸弹/,
    ],
    ['corrupt XML', () => buildDocx('', { documentXml: '<w:document><w:body><w:p>' }), 400, 'corrupt_file', /损坏/],
  ])('%s', async (_, file, status, code, message) => {
    const before = await counts()
    const response = await upload(file())
    expect(response.status, JSON.stringify(response.body)).toBe(status)
    expect(response.body.error?.code).toBe(code)
    expect(response.body.error?.message).toMatch(message)
    expect(await counts()).toEqual(before)
  })
})

describe('从 Word 导入 into a lesson’s unwritten 初稿', () => {
  async function newLesson(): Promise<LessonSummary> {
    const response = await fetch(`${server.url}/api/groups/${groupId}/lessons`, {
      method: 'POST',
      headers: { cookie: cookies.leader!, 'content-type': 'application/json' },
      body: JSON.stringify({ ...entry, title: '3.3 解一元一次方程（二）' }),
    })
    expect(response.status).toBe(201)
    return (await response.json()) as LessonSummary
  }

  async function importInto(lessonId: string, file: Uint8Array, as = 'teacher1') {
    const form = new FormData()
    form.set('file', new File([new Uint8Array(file)], '旧教案.docx'))
    const response = await fetch(`${server.url}/api/lessons/${lessonId}/import`, {
      method: 'POST',
      headers: { cookie: cookies[as]! },
      body: form,
    })
    return {
      status: response.status,
      body: (await response.json()) as Omit<ImportResult, 'lesson'> & { error?: { code: string; message: string } },
    }
  }

  const storedSeq = async (documentId: string) => (await server.store.updates.loadDocumentState(documentId)).lastSeq

  it('lets the 主备人 bring last year’s plan into the draft, keeping the header the plan filled in', async () => {
    const lesson = await newLesson()
    const { status, body } = await importInto(lesson.id, sampleLessonDocx())
    expect(status, JSON.stringify(body)).toBe(200)
    expect(body.sections[0]!.key).toBe('objectives')
    const doc = await storedDoc(lesson.documentId)
    expect(doc.child(0).type.name).toBe('lessonHeader')
    expect(doc.child(0).textContent).toContain('3.3 解一元一次方程（二）')
    expect(doc.child(0).textContent).toContain('七（3）班')
    const keys: string[] = []
    doc.forEach((node) => {
      if (node.type.name === 'section') keys.push(String(node.attrs.key))
    })
    expect(keys).toEqual(body.sections.map((section) => section.key))

    // Now the draft is written in: a second import would overwrite it, and is refused.
    const seq = await storedSeq(lesson.documentId)
    const again = await importInto(lesson.id, sampleLessonDocx())
    expect(again.status).toBe(400)
    expect(again.body.error?.message).toMatch(/已经写了内容/)
    expect(await storedSeq(lesson.documentId)).toBe(seq)
  })

  it('stores the file’s pictures with the draft, lists a corrupt one, and stores nothing when the draft is refused', async () => {
    const png = pngImage(24, 16)
    const lesson = await newLesson()
    const withPicture = buildDocx(heading(2, '学习目标') + paragraph('看图') + image(), { imageBytes: png })
    expect((await importInto(lesson.id, withPicture)).status).toBe(200)
    const sources: string[] = []
    ;(await storedDoc(lesson.documentId)).descendants((node) => {
      if (node.type.name === 'image') sources.push(String(node.attrs.src))
    })
    expect(sources).toHaveLength(1)
    const [stored] = await server.store.images.findImages([storedImageId(sources[0])!])
    expect(stored).toMatchObject({ documentId: lesson.documentId, width: 24, height: 16 })
    expect(Buffer.from(stored!.bytes).equals(Buffer.from(png))).toBe(true)

    // A draft holding only a picture is written in: the next import is refused and stores no picture.
    const adding = vi.spyOn(server.store.images, 'addImages')
    try {
      expect((await importInto(lesson.id, withPicture)).status).toBe(400)
      expect(adding).not.toHaveBeenCalled()
    } finally {
      adding.mockRestore()
    }

    const other = await newLesson()
    const corrupt = buildDocx(heading(2, '学习目标') + paragraph('看图') + image(), { imageBytes: png.subarray(0, 20) })
    const { status, body } = await importInto(other.id, corrupt)
    expect(status).toBe(200)
    expect(body.unkept).toEqual([{ kind: 'imagesCorrupt', count: 1, message: '1 张图片已损坏，没有导入' }])
    expect((await storedDoc(other.documentId)).textContent).toContain('看图')
  })

  it('refuses a teacher who may not edit the draft, and a bad file, changing nothing', async () => {
    const lesson = await newLesson()
    const seq = await storedSeq(lesson.documentId)
    expect((await importInto(lesson.id, sampleLessonDocx(), 'teacher2')).status).toBe(403)
    const notWord = await importInto(lesson.id, new TextEncoder().encode('不是 Word'))
    expect(notWord.body.error).toEqual({ code: 'unsupported_file', message: '这不是 Word 文档（.docx）' })
    expect(await storedSeq(lesson.documentId)).toBe(seq)
  })
})
