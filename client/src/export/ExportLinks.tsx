/**
 * Download and print links for anything the export API exports: Word 学生版 and 教师版, and the print
 * view (which also makes the PDF). Plain links: the browser downloads with the session cookie and
 * names the file from the server's Content-Disposition.
 */
import type { Edition } from '../../../shared/export/export-model.ts'
import { type ExportSource, exportUrl, printHref } from './print-routes.ts'
import './export.css'

export function ExportLinks({
  source,
  id,
  editions = ['student', 'teacher'],
}: {
  source: ExportSource
  id: string
  editions?: readonly Edition[]
}) {
  const single = editions.length === 1
  return (
    <span className="export-links no-print" data-testid="export-links">
      {editions.map((edition) => (
        <a
          key={edition}
          href={exportUrl(source, id, edition, 'docx')}
          download
          data-testid={`download-docx-${edition}`}
        >
          {single ? '下载 Word' : edition === 'student' ? '下载学生版（Word）' : '下载教师版（Word）'}
        </a>
      ))}
      <a href={printHref({ source, id, edition: editions[0]! })} data-testid="open-print-view">
        打印 / PDF
      </a>
    </span>
  )
}
