/**
 * LibreOffice (soffice) and poppler's pdfimages / pdftotext, to check that exported .docx files print
 * right outside our own code. Where one is missing the suite is skipped with a printed line, unless
 * `GONGBEI_REQUIRE_LIBREOFFICE=1` (CI), where the missing program fails the run.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const programs = ['soffice', 'pdfimages', 'pdftotext'] as const
const packages = 'libreoffice-writer-nogui fonts-noto-cjk poppler-utils'

function onPath(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

export function libreOfficeSuitesEnabled(): boolean {
  const missing = programs.filter((name) => !onPath(name))
  if (missing.length === 0) return true
  if (process.env.GONGBEI_REQUIRE_LIBREOFFICE === '1') {
    throw new Error(
      `LibreOffice suites: ${missing.join(', ')} required (GONGBEI_REQUIRE_LIBREOFFICE=1) but missing (apt-get install -y ${packages})`,
    )
  }
  console.warn(`SKIPPED: LibreOffice suites — ${missing.join(', ')} not found (apt-get install -y ${packages})`)
  return false
}

/** Converts the .docx files to PDFs beside them, with a profile of its own that is removed afterwards. */
export function convertToPdf(documents: readonly string[], outDir: string): void {
  const profile = mkdtempSync(join(tmpdir(), 'gongbei-soffice-'))
  try {
    execFileSync(
      'soffice',
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
        timeout: 240_000,
      },
    )
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
}

/** The page of each image in the PDF, from `pdfimages -list`. */
export function pdfImagePages(pdf: string): number[] {
  const listing = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' })
  return listing
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => Number(line.trim().split(/\s+/)[0]))
}

/** The text in the order it was drawn (`-raw`): a table cell's lines stay together, not mixed with the next cell's. */
export function pdfText(pdf: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-raw', pdf, '-'], { encoding: 'utf8' })
}

export interface PdfWord {
  page: number
  text: string
  yMin: number
  yMax: number
}

/** Every word with its page and vertical place (points from the top), from `pdftotext -bbox`. */
export function pdfWords(pdf: string): PdfWord[] {
  const html = execFileSync('pdftotext', ['-enc', 'UTF-8', '-bbox', pdf, '-'], { encoding: 'utf8' })
  const words: PdfWord[] = []
  html.split('<page ').forEach((pageHtml, index) => {
    for (const match of pageHtml.matchAll(
      /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g,
    )) {
      words.push({ page: index, text: match[3]!, yMin: Number(match[1]), yMax: Number(match[2]) })
    }
  })
  return words
}
