/**
 * 从 Word 导入 on the 备课计划 page: the leader picks a .docx and fills the plan entry as for any lesson;
 * the file becomes the lesson's 初稿. Afterwards the panel says which sections were recognised and what
 * the file had that the draft could not keep, before the teacher opens the draft.
 */
import { useState } from 'react'
import type { ImportResult } from '../../../shared/api/import.ts'
import type { LessonPlanInput, Person } from '../../../shared/api/lessons.ts'
import { PlanForm } from '../lessons/PlanForm.tsx'
import { emptyPlanForm } from '../lessons/plan-form.ts'
import { navigate } from '../routing.ts'
import { docxFileProblem, maxUploadMegabytes } from './docx-file.ts'
import { importLessonFromDocx } from './upload-docx.ts'
import './import.css'

interface ImportLessonPanelProps {
  groupId: string
  members: readonly Person[]
  units: readonly string[]
  today: string
  /** The lesson was added: the plan should reload. */
  onImported: () => void
  onClose: () => void
}

export function ImportLessonPanel({ groupId, members, units, today, onImported, onClose }: ImportLessonPanelProps) {
  const [file, setFile] = useState<File | null>(null)
  const [fileProblem, setFileProblem] = useState<string | null>(null)
  const [result, setResult] = useState<ImportResult | null>(null)

  const choose = (chosen: File | undefined) => {
    setFile(chosen ?? null)
    setFileProblem(chosen ? docxFileProblem(chosen) : null)
  }

  const submit = async (entry: LessonPlanInput) => {
    if (!file) throw new Error('请先选择要导入的 Word 文档')
    const problem = docxFileProblem(file)
    if (problem) throw new Error(problem)
    setResult(await importLessonFromDocx(groupId, entry, file))
    onImported()
  }

  if (result) return <ImportReport result={result} onClose={onClose} />

  return (
    <section className="work-panel import-panel" data-testid="import-panel">
      <h2>从 Word 导入导学案</h2>
      <p className="muted">
        选择一份 .docx 导学案（不超过 {maxUploadMegabytes}{' '}
        MB），再填写这节课的安排。文档会成为这节课的初稿，标题按学校模板的栏目对应。
      </p>
      <label className="import-file">
        Word 文档
        <input
          type="file"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={(event) => choose(event.target.files?.[0])}
          data-testid="import-file"
        />
      </label>
      {fileProblem && (
        <p className="form-error" role="alert" data-testid="import-file-error">
          {fileProblem}
        </p>
      )}
      <PlanForm
        initial={emptyPlanForm(today)}
        members={members}
        units={units}
        submitLabel="导入"
        onSubmit={submit}
        onCancel={onClose}
      />
    </section>
  )
}

function ImportReport({ result, onClose }: { result: ImportResult; onClose: () => void }) {
  const own = result.sections.filter((section) => !section.fromTemplate)
  return (
    <section className="work-panel import-panel" data-testid="import-report">
      <h2>已导入「{result.lesson.title}」</h2>
      <p>
        共 {result.sections.length} 个栏目
        {own.length > 0 &&
          `，其中 ${own.map((section) => `“${section.title}”`).join('、')} 不在学校模板中，按原标题保留`}
        。
      </p>
      {result.unkept.length > 0 ? (
        <>
          <p>以下内容没有完整导入，请打开初稿核对：</p>
          <ul className="import-unkept" data-testid="import-unkept">
            {result.unkept.map((item) => (
              <li key={item.kind}>{item.message}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>文档内容已全部导入。</p>
      )}
      <div className="plan-form-actions">
        <button
          type="button"
          className="primary"
          onClick={() => navigate({ page: 'editor', documentId: result.lesson.documentId })}
          data-testid="import-open"
        >
          打开初稿
        </button>
        <button type="button" className="link-button" onClick={onClose}>
          关闭
        </button>
      </div>
    </section>
  )
}
