/**
 * [LIBRARY-11] The 来源 of copied blocks on a real server: named for each reader by `GET /api/block-sources`
 * (another school's reader is told only that there is one), and printed in the 教师版 .docx, read back
 * with the independent reader, never in the 学生版.
 */
import type { JSONContent } from '@tiptap/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BlockSourceNames } from '../../../shared/api/library.ts'
import type { LessonSummary } from '../../../shared/api/lessons.ts'
import type { VersionSummary } from '../../../shared/api/versions.ts'
import { unreadableBlockSourceLabel } from '../../../shared/library/lineage.ts'
import { type ApiClient, apiClientFor } from '../../helpers/api-client.ts'
import { login } from '../../helpers/collab-client.ts'
import { addLesson, addOutsiders, demoGroupId, planInput, userId } from '../../helpers/lesson-fixtures.ts'
import { startTestServer, type TestServer } from '../../helpers/test-server.ts'
import { match } from '../../helpers/match.ts'
import { readDocx } from './docx-reader.ts'
import { download, finalizedSampleLesson, sample, writeContent } from './export-fixtures.ts'

let server: TestServer
let version: VersionSummary
let draft: LessonSummary
const as: Record<string, ApiClient> = {}
const copied = '（复制的例题）某数的 3 倍减 2 等于 10，求这个数。'
const sourceLabel = /^来源：.+ 七年级数学备课组《3\.1\.1 一元一次方程》定稿 v1，李老师$/

beforeAll(async () => {
  server = await startTestServer({ demoPlan: false })
  await addOutsiders(server)
  for (const username of ['leader', 'teacher1', 'teacher2', 'riverside-leader'])
    as[username] = await apiClientFor(server.url, username)
  ;({ version } = await finalizedSampleLesson(server, as.leader!, { title: '3.1.1 一元一次方程' }))
  draft = await addLesson(
    as.leader!,
    await demoGroupId(as.leader!),
    planInput(await userId(server, 'teacher2'), { title: '3.2 解一元一次方程（一）' }),
  )
  const content = sample()
  const explore = content.content!.find((block) => block.attrs?.['key'] === 'inquiry')!
  const block: JSONContent = {
    type: 'paragraph',
    attrs: { blockSource: `version:${version.id}` },
    content: [{ type: 'text', text: copied }],
  }
  explore.content!.push(block)
  await writeContent(server, draft.documentId, content)
})

afterAll(async () => {
  await server?.stop()
})

describe('[LIBRARY-11] naming a copied block’s source', () => {
  it('names a 定稿 the reader may read, with where it opens', async () => {
    const { status, body } = await as.teacher2!.get<BlockSourceNames>(
      `/api/block-sources?sources=version:${version.id},document:${draft.documentId}`,
    )
    expect(status).toBe(200)
    expect(body.sources[0]).toEqual({
      source: `version:${version.id}`,
      label: match.stringMatching(sourceLabel),
      opens: { kind: 'version', id: version.id },
    })
    expect(body.sources[1]!.label).toMatch(/^来源：.+ 七年级数学备课组《3\.2 解一元一次方程（一）》导学案，张老师$/)
  })

  it('tells a reader of another school only that there is a source', async () => {
    const { body } = await as['riverside-leader']!.get<BlockSourceNames>(
      `/api/block-sources?sources=version:${version.id}`,
    )
    expect(body.sources).toEqual([{ source: `version:${version.id}`, label: unreadableBlockSourceLabel, opens: null }])
  })

  it('refuses a request naming nothing', async () => {
    expect((await as.teacher2!.get('/api/block-sources?sources=')).status).toBe(400)
  })
})

describe('[LIBRARY-11] the 教师版 prints the source, the 学生版 does not', () => {
  it('prints it after the copied block in the 教师版', async () => {
    const cookie = await login(server.url, 'teacher2')
    const teacher = readDocx(
      (await download(server.url, cookie, `/api/documents/${draft.documentId}/export?edition=teacher`)).bytes,
    )
    const texts = teacher.paragraphs.map((paragraph) => paragraph.text)
    const at = texts.indexOf(copied)
    expect(at).toBeGreaterThan(0)
    expect(texts[at + 1]).toMatch(/^（来源：.+定稿 v1，李老师）$/)

    const student = readDocx(
      (await download(server.url, cookie, `/api/documents/${draft.documentId}/export?edition=student`)).bytes,
    )
    expect(student.text).toContain(copied)
    expect(student.text).not.toContain('来源：')
  })
})
