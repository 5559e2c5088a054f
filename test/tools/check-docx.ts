/**
 * `npm run check:docx`: exports sample files the way teachers get them and, where LibreOffice is
 * installed, converts them to PDF and (with poppler's pdftoppm) to PNG pages in test-results/docx-check/
 * for a person to look at: does the .docx really print well on A4 outside our own code? Where
 * LibreOffice is missing it says so and exits 0; it is not part of `npm test`.
 *
 * Samples: a 定稿 version as 学生版 and 教师版, a 二次备课's 教师版 with its marks and a picture, a 集体备课记录,
 * and the server's own PDF of the 学生版 for comparison.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { StoredImage } from '../../shared/api/images.ts'
import type { AdaptationDetail } from '../../shared/api/versions.ts'
import { startServer } from '../../server/start.ts'
import { apiClientFor } from '../helpers/api-client.ts'
import { login } from '../helpers/collab-client.ts'
import { userId } from '../helpers/lesson-fixtures.ts'
import { pngImage } from '../helpers/test-images.ts'
import { download, finalizedSampleLesson, sample, writeContent } from '../server/export/export-fixtures.ts'

const outDir = resolve(fileURLToPath(new URL('../../test-results/docx-check', import.meta.url)))

function which(...names: string[]): string | null {
  for (const name of names) {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || null
    } catch {
      // Not on PATH: try the next name.
    }
  }
  return null
}

async function exportSamples(): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongbei-docx-check-'))
  const server = await startServer({ port: 0, dataDir, serveClient: false, demoPlan: false })
  try {
    const leader = await apiClientFor(server.url, 'leader')
    const teacher = await apiClientFor(server.url, 'teacher2')
    const { lesson, version } = await finalizedSampleLesson(server, leader)
    const adaptation = (await teacher.post<AdaptationDetail>(`/api/lessons/${lesson.id}/adaptations`, {})).body
    const mine = sample()
    const homework = mine.content!.find((block) => block.attrs?.['key'] === 'homework')!
    homework.content![0] = { type: 'paragraph', content: [{ type: 'text', text: '必做：课本习题3.1 第1、2题。' }] }
    homework.content!.push({ type: 'paragraph', content: [{ type: 'text', text: '补充：完成练习册第12页。' }] })
    // A picture wider than the page, to see it scaled to the text width with its aspect kept.
    const figure = await fetch(`${server.url}/api/documents/${adaptation.documentId}/images`, {
      method: 'POST',
      headers: { cookie: await login(server.url, 'teacher2'), 'content-type': 'image/png' },
      body: new Uint8Array(pngImage(1200, 300)),
    })
    const { url } = (await figure.json()) as StoredImage
    homework.content!.push({ type: 'image', attrs: { src: url, alt: '数轴示意图', width: 1200, height: 300 } })
    await writeContent(server, adaptation.documentId, mine)
    const meeting = await leader.post<{ id: string }>(`/api/lessons/${lesson.id}/meetings`, {
      date: '2026-12-01',
      startTime: '14:00',
      endTime: '15:00',
      attendeeIds: [await userId(server, 'teacher1'), await userId(server, 'teacher2')],
      summary: '主备人说课，组内讨论了找相等关系的方法。\n第3题学生容易设错未知数，建议先口述相等关系。',
      decisions: '第3题改为课后练习；当堂检测限时10分钟。',
    })
    const cookie = await login(server.url, 'teacher2')
    const samples: [string, string][] = [
      ['01-学生版.docx', `/api/versions/${version.id}/export?edition=student`],
      ['02-教师版.docx', `/api/versions/${version.id}/export?edition=teacher`],
      ['03-二次备课-教师版.docx', `/api/documents/${adaptation.documentId}/export?edition=teacher`],
      ['04-集体备课记录.docx', `/api/meetings/${meeting.body.id}/export`],
      ['05-学生版-chromium.pdf', `/api/versions/${version.id}/export?edition=student&format=pdf`],
    ]
    const written: string[] = []
    for (const [name, path] of samples) {
      const file = await download(server.url, cookie, path)
      if (file.status !== 200) {
        console.warn(`${name}: the server answered ${file.status}, skipped`)
        continue
      }
      writeFileSync(join(outDir, name), file.bytes)
      written.push(name)
    }
    return written
  } finally {
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const soffice = which('soffice', 'libreoffice')
  if (!soffice) {
    console.log(
      'check:docx — LibreOffice is not installed (apt-get install -y libreoffice-writer-nogui fonts-noto-cjk poppler-utils); nothing to convert.',
    )
    return
  }
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  const written = await exportSamples()
  const profile = mkdtempSync(join(tmpdir(), 'gongbei-soffice-'))
  try {
    const documents = written.filter((name) => name.endsWith('.docx')).map((name) => join(outDir, name))
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        ...documents,
      ],
      {
        stdio: 'ignore',
        timeout: 180_000,
      },
    )
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
  const pdftoppm = which('pdftoppm')
  const pdfs = readdirSync(outDir).filter((name) => name.endsWith('.pdf'))
  if (pdftoppm) {
    for (const pdf of pdfs)
      execFileSync(pdftoppm, ['-r', '80', '-png', join(outDir, pdf), join(outDir, pdf.replace(/\.pdf$/, ''))])
  } else {
    console.log('pdftoppm (poppler-utils) is not installed: PDFs only, no PNG pages.')
  }
  console.log(`check:docx — ${written.length} samples, ${pdfs.length} PDFs in ${outDir}:`)
  for (const name of readdirSync(outDir).sort()) console.log(`  ${name}`)
}

await main()
