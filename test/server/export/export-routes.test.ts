/**
 * Exports through the HTTP API on a real server, read back with an independent .docx reader: what the
 * 学生版 leaves out and the 教师版 marks, section order, the header form, Word numbering, page number
 * fields, the 二次备课 marks, a semester as .zip, the 集体备课记录, a teacher's reflections, PDF, and
 * refusals.
 */
import type { JSONContent } from '@tiptap/core'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserSuitesEnabled } from '../../browser/helpers/chromium.ts'
import type { LessonSummary } from '../../../shared/api/lessons.ts'
import type { AdaptationDetail, VersionSummary } from '../../../shared/api/versions.ts'
import type { ExportDocument } from '../../../shared/export/export-model.ts'
import { type ApiClient, apiClientFor } from '../../helpers/api-client.ts'
import { login } from '../../helpers/collab-client.ts'
import { addLesson, addOutsiders, demoGroupId, planInput, userId } from '../../helpers/lesson-fixtures.ts'
import { startTestServer, type TestServer } from '../../helpers/test-server.ts'
import { type ReadRunProperties, readDocx } from './docx-reader.ts'
import {
  type Download,
  download as downloadAs,
  finalizedSampleLesson,
  moveTo as move,
  sample,
  writeContent,
} from './export-fixtures.ts'

let server: TestServer
let groupId: string
let lesson: LessonSummary
let version: VersionSummary
const as: Record<string, ApiClient> = {}
const cookies: Record<string, string> = {}

const sectionTitles = [
  '学习目标',
  '重点难点',
  '学法指导',
  '预习导学',
  '合作探究',
  '展示交流',
  '当堂检测',
  '课堂小结',
  '课后作业（拓展延伸）',
]
const numbered = ['一', '二', '三', '四', '五', '六', '七', '八', '九'].map(
  (number, index) => `${number}、${sectionTitles[index]}`,
)

async function download(username: string, path: string): Promise<Download> {
  cookies[username] ??= await login(server.url, username)
  return downloadAs(server.url, cookies[username], path)
}

const moveTo = (lessonId: string, stage: string, by = 'leader') => move(as[by]!, lessonId, stage)

function sectionOf(content: JSONContent, key: string): JSONContent {
  return content.content!.find((block) => block.attrs?.['key'] === key)!
}

beforeAll(async () => {
  server = await startTestServer({ demoPlan: false })
  await addOutsiders(server)
  for (const username of ['leader', 'teacher1', 'teacher2', 'guest', 'riverside-leader'])
    as[username] = await apiClientFor(server.url, username)
  groupId = await demoGroupId(as.leader!)
  ;({ lesson, version } = await finalizedSampleLesson(server, as.leader!))
})

afterAll(async () => {
  await server?.stop()
})

describe('学生版 and 教师版 of a 定稿 version', () => {
  it('学生版: no 教师用 blocks or sections, the 班级/姓名/学号 line, the header form, sections in order', async () => {
    const file = await download('teacher2', `/api/versions/${version.id}/export?edition=student`)
    expect(file.status).toBe(200)
    expect(file.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(file.fileName).toBe('3.2 解一元一次方程（一）-学生版.docx')
    const docx = readDocx(file.bytes)
    expect(docx.paragraphs[0]!.text).toBe('3.2 解一元一次方程（一）')
    expect(docx.text).toMatch(/班级 _+\s+姓名 _+\s+学号 _+/)
    const header = docx.tables[0]!.rows
    expect(header[0]).toEqual(['学科', '数学', '年级', '七年级'])
    expect(header.flat()).toEqual(expect.arrayContaining(['课题', '3.1.1 一元一次方程', '主备人', '王老师']))
    const titles = docx.paragraphs.map((p) => p.text).filter((text) => /^[一二三四五六七八九十]+、/.test(text))
    expect(titles).toEqual(numbered)
    for (const answer of ['参考答案', '时间安排', '二次备课：', '课后反思', '教师用'])
      expect(docx.text).not.toContain(answer)
    // The questions stay, the answers go.
    expect(docx.text).toContain('已知 x = 2 是方程 3x + a = 10 的解，求 a 的值。')
  })

  it('教师版: everything, 教师用 passages labelled on a grey fill, no 班级 line', async () => {
    const file = await download('teacher2', `/api/versions/${version.id}/export?edition=teacher`)
    expect(file.fileName).toBe('3.2 解一元一次方程（一）-教师版.docx')
    const docx = readDocx(file.bytes)
    expect(docx.text).not.toContain('班级 _')
    const answers = docx.paragraphs.find((p) => p.text.includes('3. a = 4'))!
    expect(answers.text.startsWith('【教师用】参考答案：')).toBe(true)
    expect(answers.shaded).toBe(true)
    const titles = docx.paragraphs.map((p) => p.text).filter((text) => /^[一二三四五六七八九十]+、/.test(text))
    expect(titles).toEqual([...numbered, '十、课后反思 【教师用】'])
    // The reflection section's lines are teacher-only through their section.
    expect(docx.paragraphs.find((p) => p.text === '成功之处：')!.shaded).toBe(true)
    expect(docx.paragraphs.find((p) => p.text.includes('各小组派代表展示'))!.shaded).toBe(false)
  })

  it('lists are Word numbering, tables have their cells, the footer counts pages', async () => {
    const docx = readDocx((await download('teacher2', `/api/versions/${version.id}/export?edition=student`)).bytes)
    const objective = docx.paragraphs.find((p) => p.text.startsWith('通过分析实际问题中的数量关系'))!
    const bullet = docx.paragraphs.find((p) => p.text === '4x = 24')!
    expect(objective.numId).not.toBeNull()
    expect(bullet.numId).not.toBeNull()
    expect(docx.listFormats.get(objective.numId!)).toBe('decimal')
    expect(docx.listFormats.get(bullet.numId!)).toBe('bullet')
    // Each ordered list is numbered from 1 on its own.
    const previewQuestion = docx.paragraphs.find((p) => p.text.startsWith('含有________'))!
    expect(previewQuestion.numId).not.toBe(objective.numId)
    expect(docx.tables.some((table) => table.rows[0]!.join('|') === '地点|王家庄|青山|秀水')).toBe(true)
    expect(docx.footerFields).toEqual(expect.arrayContaining(['PAGE', 'NUMPAGES']))
    expect(docx.footerText).toContain('第')
  })

  it('prints on A4 in 宋体 小四, titles in 黑体, each font with its Latin half, pages counted in the footer', async () => {
    const docx = readDocx((await download('teacher2', `/api/versions/${version.id}/export?edition=student`)).bytes)
    expect(docx.page).toEqual({ width: 11906, height: 16838 })
    const songti = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun', cs: 'Times New Roman' }
    const heiti = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: 'SimHei', cs: 'Arial' }
    // A run without its own font or size prints in the document's default.
    const printed = (run: ReadRunProperties) => ({
      fonts: run.fonts ?? docx.defaultRun.fonts,
      size: run.size ?? docx.defaultRun.size,
    })
    const runsOf = (text: string) =>
      docx.paragraphs.find((p) => p.text.startsWith(text))!.runs.filter((run) => run.text !== '')
    const body = runsOf('通过分析实际问题中的数量关系')
    expect(body.length).toBeGreaterThan(0)
    for (const run of body) expect(printed(run)).toEqual({ fonts: songti, size: 24 })
    for (const title of [numbered[0]!, '3.2 解一元一次方程（一）']) {
      for (const run of runsOf(title)) expect(printed(run).fonts, title).toEqual(heiti)
    }
    expect(docx.footerFields).toEqual(expect.arrayContaining(['PAGE', 'NUMPAGES']))
  })

  it('gives the print view the same content as JSON', async () => {
    const { status, body } = await as.teacher2!.get<ExportDocument>(
      `/api/versions/${version.id}/export?edition=student&format=json`,
    )
    expect(status).toBe(200)
    expect(body).toMatchObject({ title: '3.2 解一元一次方程（一）', edition: 'student', studentLine: true })
    expect(JSON.stringify(body)).not.toContain('参考答案')
  })

  it('exports the shared plan as it reads now, at any stage', async () => {
    const draft = await addLesson(
      as.leader!,
      groupId,
      planInput(await userId(server, 'teacher1'), { title: '3.2 解一元一次方程（二）' }),
    )
    const file = await download('teacher1', `/api/documents/${draft.documentId}/export?edition=teacher`)
    expect(file.status).toBe(200)
    expect(file.fileName).toBe('3.2 解一元一次方程（二）-教师版.docx')
    expect(readDocx(file.bytes).text).toContain('主备阶段的共享导学案')
  })
})

describe('二次备课 in the 教师版', () => {
  let adaptation: AdaptationDetail

  beforeAll(async () => {
    adaptation = (await as.teacher2!.post<AdaptationDetail>(`/api/lessons/${lesson.id}/adaptations`, {})).body
    const mine = sample()
    const homework = sectionOf(mine, 'homework')
    homework.content![0] = { type: 'paragraph', content: [{ type: 'text', text: '必做：课本习题3.1 第1、2题。' }] }
    homework.content!.push({ type: 'paragraph', content: [{ type: 'text', text: '补充：完成练习册第12页。' }] })
    sectionOf(mine, 'summary').content![0]!.content!.pop()
    await writeContent(server, adaptation.documentId, mine)
  })

  it('marks what the teacher added, changed and cut, in place', async () => {
    const file = await download('teacher2', `/api/documents/${adaptation.documentId}/export?edition=teacher`)
    expect(file.fileName).toBe('3.2 解一元一次方程（一）-张老师的二次备课-教师版.docx')
    const docx = readDocx(file.bytes)
    expect(docx.text).toContain('张老师的二次备课（基于定稿 v1）')
    expect(docx.text).toContain('二次备课标记')
    const added = docx.paragraphs.find((p) => p.text.includes('补充：完成练习册第12页。'))!
    expect(added.text.startsWith('【二次备课·增】')).toBe(true)
    expect(added.doubleUnderlined).toBe('补充：完成练习册第12页。')
    const changed = docx.paragraphs.find((p) => p.text.startsWith('【二次备课·改】'))!
    expect(changed.struck).toBe('、3')
    const cut = docx.paragraphs.find((p) => p.text.includes('从算式到方程，你有什么体会？'))!
    expect(cut.text.startsWith('【二次备课·删】')).toBe(true)
    expect(cut.struck).toBe('从算式到方程，你有什么体会？')
    // The cut passage stays in its section, after the list item it followed.
    const order = docx.paragraphs.map((p) => p.text)
    expect(order.indexOf(cut.text)).toBeGreaterThan(
      order.findIndex((text) => text.startsWith('列方程解决实际问题的一般步骤')),
    )
    expect(order.indexOf(cut.text)).toBeLessThan(order.indexOf('九、课后作业（拓展延伸）'))
  })

  it('prints the 学生版 of the adaptation as the teacher’s class gets it, without marks', async () => {
    const docx = readDocx(
      (await download('teacher2', `/api/documents/${adaptation.documentId}/export?edition=student`)).bytes,
    )
    expect(docx.text).toContain('补充：完成练习册第12页。')
    expect(docx.text).toContain('必做：课本习题3.1 第1、2题。')
    expect(docx.text).not.toContain('从算式到方程，你有什么体会？')
    expect(docx.text).not.toContain('【二次备课')
  })
})

describe('records, reflections and a whole semester', () => {
  it('exports a 集体备课记录 with its attendees and what was decided', async () => {
    const created = await as.leader!.post<{ id: string }>(`/api/lessons/${lesson.id}/meetings`, {
      date: '2026-12-01',
      startTime: '14:00',
      endTime: '15:00',
      attendeeIds: [await userId(server, 'teacher1'), await userId(server, 'teacher2')],
      summary: '讨论了找相等关系的方法。\n第3题学生容易设错未知数。',
      decisions: '第3题改为课后练习。',
    })
    expect(created.status).toBe(201)
    const file = await download('teacher2', `/api/meetings/${created.body.id}/export`)
    expect(file.fileName).toBe('集体备课记录-3.2 解一元一次方程（一）-2026-12-01.docx')
    const docx = readDocx(file.bytes)
    expect(docx.paragraphs[0]!.text).toBe('集体备课记录')
    expect(docx.tables[0]!.rows.flat()).toEqual(
      expect.arrayContaining(['参加人员', '李老师、张老师', '缺席', '时间', '2026-12-01 14:00—15:00']),
    )
    expect(docx.paragraphs.map((p) => p.text)).toEqual(
      expect.arrayContaining([
        '一、讨论纪要',
        '讨论了找相等关系的方法。',
        '第3题学生容易设错未知数。',
        '二、形成共识',
        '第3题改为课后练习。',
      ]),
    )
  })

  it('exports a teacher’s reflections of the semester under each 课题', async () => {
    await moveTo(lesson.id, 'adapting')
    const { body } = await as.teacher2!.post<{ documentId: string }>(`/api/lessons/${lesson.id}/reflections`)
    expect(body.documentId).toBeTruthy()
    const file = await download(
      'leader',
      `/api/groups/${groupId}/export/reflections?teacher=${await userId(server, 'teacher2')}&semester=${encodeURIComponent(lesson.semester)}`,
    )
    expect(file.status).toBe(200)
    const docx = readDocx(file.bytes)
    expect(docx.paragraphs[0]!.text).toBe('张老师的课后反思')
    expect(docx.text).toContain('一、3.2 解一元一次方程（一）（2026-12-08）')
    expect(docx.text).toContain('成功之处')
  })

  it('zips one .docx per finalized plan of the semester, named in Chinese', async () => {
    const second = await addLesson(
      as.leader!,
      groupId,
      planInput(await userId(server, 'teacher1'), { title: '3.3 实际问题与一元一次方程', scheduledDate: '2026-12-15' }),
    )
    await moveTo(second.id, 'review')
    await moveTo(second.id, 'finalized')
    const file = await download(
      'teacher2',
      `/api/groups/${groupId}/export/finalized?semester=${encodeURIComponent(lesson.semester)}&edition=student`,
    )
    expect(file.status).toBe(200)
    expect(file.type).toBe('application/zip')
    expect(file.fileName).toBe(`七年级数学备课组-${lesson.semester}-定稿导学案-学生版.zip`)
    // Entry names are flagged UTF-8 (general purpose bit 11), so every unzip tool reads them as written.
    expect(new DataView(file.bytes.buffer).getUint16(6, true) & 0x800).toBe(0x800)
    const entries = unzipSync(file.bytes)
    expect(Object.keys(entries)).toEqual([
      '3.2 解一元一次方程（一）-学生版.docx',
      '3.3 实际问题与一元一次方程-学生版.docx',
    ])
    expect(readDocx(entries['3.2 解一元一次方程（一）-学生版.docx']!).text).not.toContain('参考答案')
  })

  it('zips a unit: only the chosen lessons', async () => {
    const file = await download('leader', `/api/groups/${groupId}/export/finalized?lessons=${lesson.id}`)
    expect(Object.keys(unzipSync(file.bytes))).toEqual(['3.2 解一元一次方程（一）-教师版.docx'])
  })
})

describe('refusals', () => {
  it('refuses a group’s archive to an invited expert, with the reason', async () => {
    const { status, body } = await as.guest!.get(`/api/groups/${groupId}/export/finalized`)
    expect(status).toBe(403)
    expect(body).toEqual({
      error: { code: 'forbidden', message: '受邀专家可以导出单份教案，整学期的资料只提供给本校老师' },
    })
  })

  it('lets the expert export the single plan they may read', async () => {
    expect((await download('guest', `/api/versions/${version.id}/export?edition=teacher`)).status).toBe(200)
  })

  it('knows no version or group of another school', async () => {
    expect((await as['riverside-leader']!.get(`/api/versions/${version.id}/export`)).status).toBe(404)
    expect((await as['riverside-leader']!.get(`/api/groups/${groupId}/export/finalized`)).status).toBe(404)
  })

  it('asks to sign in first', async () => {
    expect((await fetch(`${server.url}/api/versions/${version.id}/export`)).status).toBe(401)
  })
})

describe('PDF', () => {
  it.runIf(browserSuitesEnabled())('prints a real PDF with chromium', async () => {
    const file = await download('teacher2', `/api/versions/${version.id}/export?edition=student&format=pdf`)
    expect(file.status).toBe(200)
    expect(file.type).toBe('application/pdf')
    expect(file.fileName).toBe('3.2 解一元一次方程（一）-学生版.pdf')
    expect(new TextDecoder().decode(file.bytes.slice(0, 5))).toBe('%PDF-')
  })

  it('answers 503 with the way out where chromium is missing', async () => {
    const bare = await startTestServer({ chromiumPath: '/nonexistent/chromium' })
    try {
      const cookie = await login(bare.url, 'leader')
      const response = await fetch(`${bare.url}/api/documents/${bare.sampleDocumentId}/export?format=pdf`, {
        headers: { cookie },
      })
      expect(response.status).toBe(503)
      expect(await response.json()).toEqual({
        error: { code: 'pdf_unavailable', message: '服务器未安装 Chromium，请使用打印预览中的“打印/另存为 PDF”' },
      })
    } finally {
      await bare.stop()
    }
  })
})
