/**
 * The print view: the export exactly as the server's PDF shows it (the same `exportHtml` and print
 * stylesheet), on an A4 sheet without the editor's chrome, with a 学生版/教师版 switch. 打印 prints
 * it from the browser; 下载 PDF asks the server, and where the server cannot make one (no Chromium)
 * the page says so and printing from here ("另存为 PDF") is the way.
 */
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { exportHtml } from '../../../shared/export/export-html.ts'
import { type Edition, editionLabels } from '../../../shared/export/export-model.ts'
import { printStyles } from '../../../shared/export/print-styles.ts'
import { queries } from '../api/queries.ts'
import { navigate } from '../routing.ts'
import { downloadPdf } from './pdf-download.ts'
import { exportUrl, type PrintRoute } from './print-routes.ts'
import './export.css'

export function PrintPage({ route }: { route: PrintRoute }) {
  const { source, id, edition } = route
  const key = `${source}/${id}/${edition}`
  const { data, error } = useQuery(queries.exportDocument(exportUrl(source, id, edition, 'json')))
  const [pdfState, setPdfState] = useState<{ key: string; busy: boolean; message: string | null }>({
    key,
    busy: false,
    message: null,
  })
  const pdf = pdfState.key === key ? pdfState : { key, busy: false, message: null }

  const onPdf = async () => {
    setPdfState({ key, busy: true, message: null })
    const message = await downloadPdf(exportUrl(source, id, edition, 'pdf'))
    setPdfState({ key, busy: false, message })
  }
  const hasEditions = source !== 'meetings' && data?.singleEdition !== true

  return (
    <main className="print-view" data-testid="print-view">
      <style>{printStyles}</style>
      <div className="print-toolbar no-print">
        <button type="button" className="link-button" onClick={() => window.history.back()}>
          ← 返回
        </button>
        {hasEditions && (
          <span className="edition-switch" role="group" aria-label="版本">
            {(['student', 'teacher'] as const).map((choice: Edition) => (
              <button
                key={choice}
                type="button"
                aria-pressed={choice === edition}
                className={choice === edition ? 'primary' : ''}
                onClick={() => navigate({ ...route, edition: choice })}
                data-testid={`edition-${choice}`}
              >
                {editionLabels[choice]}
              </button>
            ))}
          </span>
        )}
        <button type="button" className="primary" onClick={() => window.print()} data-testid="print-now">
          打印
        </button>
        <button type="button" disabled={pdf.busy} onClick={() => void onPdf()} data-testid="download-pdf">
          {pdf.busy ? '正在生成 PDF……' : '下载 PDF'}
        </button>
        <a href={exportUrl(source, id, edition, 'docx')} download data-testid="print-download-docx">
          下载 Word
        </a>
        {pdf.message && (
          <p className="print-notice" role="alert" data-testid="pdf-message">
            {pdf.message}
          </p>
        )}
      </div>
      {error && !data && (
        <p className="page-message" role="alert">
          {error.message}
        </p>
      )}
      {!data && !error && <p className="page-message">正在加载……</p>}
      {/* exportHtml escapes every text and attribute it writes: the document cannot inject markup. */}
      {data && (
        <div className="print-sheet" data-testid="print-sheet" dangerouslySetInnerHTML={{ __html: exportHtml(data) }} />
      )}
    </main>
  )
}
