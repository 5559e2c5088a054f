/**
 * 从 Word 导入 on the lesson page, for whoever may edit a draft (the 主备人): last year's .docx becomes the
 * 初稿 while nobody has written in it yet. Afterwards it lists what the file had that the draft could
 * not keep; the server refuses a draft already written in, with the reason shown here.
 */
import { useRef, useState } from 'react'
import type { DraftImportResult } from '../../../shared/api/import.ts'
import { hrefFor } from '../routing.ts'
import { docxFileProblem } from './docx-file.ts'
import { importIntoLessonDraft } from './upload-docx.ts'
import './import.css'

export function ImportIntoDraft({ lessonId, documentId }: { lessonId: string; documentId: string }) {
  const input = useRef<HTMLInputElement>(null)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [result, setResult] = useState<DraftImportResult | null>(null)

  const upload = async (file: File | undefined) => {
    if (!file) return
    const fileProblem = docxFileProblem(file)
    setProblem(fileProblem)
    if (fileProblem) return
    setBusy(true)
    setResult(null)
    try {
      setResult(await importIntoLessonDraft(lessonId, file))
    } catch (failure) {
      setProblem(failure instanceof Error ? failure.message : '导入失败')
    } finally {
      setBusy(false)
      if (input.current) input.current.value = ''
    }
  }

  return (
    <div className="import-into-draft" data-testid="import-into-draft">
      {/* The input is drawn as the link beside it, but stays in the page's Tab order: the label shows its focus ring. */}
      <label className="link-button file-picker">
        {busy ? '正在导入……' : '从 Word 导入初稿'}
        <input
          ref={input}
          type="file"
          className="file-picker-input"
          disabled={busy}
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={(event) => void upload(event.target.files?.[0])}
          data-testid="import-into-draft-file"
        />
      </label>
      {problem && (
        <p className="form-error" role="alert" data-testid="import-into-draft-error">
          {problem}
        </p>
      )}
      {result && (
        <div data-testid="import-into-draft-report">
          <p>
            已导入 {result.sections.length} 个栏目。<a href={hrefFor({ page: 'editor', documentId })}>打开初稿</a>
          </p>
          {result.unkept.length > 0 && (
            <ul className="import-unkept">
              {result.unkept.map((item) => (
                <li key={item.kind}>{item.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  )
}
