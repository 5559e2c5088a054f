/**
 * 导学案模板: the office (教导处) sets the sections every new draft of the school starts with — order,
 * titles, hints, which are for the teacher only — and sees a preview. Others may look, not change.
 * Saving never touches existing plans.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { defaultLessonTemplate } from '../../../shared/template/default-template.ts'
import { type LessonTemplate, templateLimits } from '../../../shared/template/lesson-template.ts'
import { ApiError } from '../api/http.ts'
import { queries } from '../api/queries.ts'
import { failureText } from '../api/teacher-message.ts'
import { saveTemplate } from '../api/template.ts'
import { SectionList } from './SectionList.tsx'
import { addSection, firstProblem, sameTemplate } from './template-editing.ts'
import { TemplatePreview } from './TemplatePreview.tsx'
import './template.css'
import { dateTimeText } from '../time-text.ts'

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string }

export function TemplatePage({ onLoggedOut }: { onLoggedOut: () => void }) {
  const queryClient = useQueryClient()
  const { data: saved, error } = useQuery(queries.template())
  /** What the office changed and has not saved; null while the page shows the saved template as it is. */
  const [edited, setEdited] = useState<LessonTemplate | null>(null)
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' })
  const signedOut = error instanceof ApiError && error.status === 401
  useEffect(() => {
    if (signedOut) onLoggedOut()
  }, [signedOut, onLoggedOut])

  if (!saved)
    return error && !signedOut ? (
      <p className="page-message" role="alert">
        {error.message}
      </p>
    ) : (
      <p className="page-message">正在加载导学案模板……</p>
    )
  const draft = edited ?? saved.template

  const edit = (next: LessonTemplate) => {
    setEdited(next)
    setSaveState({ kind: 'idle' })
  }
  const problem = firstProblem(draft)
  const changed = !sameTemplate(draft, saved.template)

  const onSave = () => {
    setSaveState({ kind: 'saving' })
    saveTemplate(draft).then(
      (view) => {
        queryClient.setQueryData(queries.template().queryKey, view)
        setEdited(null)
        setSaveState({ kind: 'saved' })
      },
      (failure: unknown) => setSaveState({ kind: 'failed', message: failureText(failure, '保存失败') }),
    )
  }

  return (
    <main className="template-page" data-testid="template-page">
      <header className="template-head">
        <h1>导学案模板</h1>
        <p className="template-note">
          新建的导学案按这个模板生成：表头，再依次是下面的栏目。修改模板只影响以后新建的导学案，已有的导学案不变。
        </p>
        <p className="template-saved" data-testid="template-saved-by">
          {saved.isDefault
            ? '目前使用系统默认模板。'
            : `上次修改：${saved.updatedBy?.displayName ?? '（已删除的用户）'}，${formatTime(saved.updatedAt)}`}
        </p>
      </header>

      <div className="template-columns">
        <section className="template-editor" aria-label="栏目">
          {saved.canEdit ? (
            <SectionList draft={draft} onChange={edit} />
          ) : (
            <p className="template-readonly" role="note">
              只有教导处可以修改导学案模板，右侧是目前的模板。
            </p>
          )}
          {saved.canEdit && (
            <div className="template-actions">
              <button
                type="button"
                className="link-button"
                onClick={() => edit(addSection(draft))}
                disabled={draft.sections.length >= templateLimits.maxSections}
                data-testid="template-add"
              >
                ＋ 添加栏目
              </button>
              <span className="template-actions-end">
                <button
                  type="button"
                  className="link-button"
                  onClick={() => edit(defaultLessonTemplate)}
                  disabled={sameTemplate(draft, defaultLessonTemplate)}
                  data-testid="template-default"
                >
                  恢复默认
                </button>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => edit(saved.template)}
                  disabled={!changed}
                  data-testid="template-discard"
                >
                  放弃修改
                </button>
                <button
                  type="button"
                  className="primary"
                  onClick={onSave}
                  disabled={!changed || problem !== null || saveState.kind === 'saving'}
                  data-testid="template-save"
                >
                  {saveState.kind === 'saving' ? '正在保存……' : '保存模板'}
                </button>
              </span>
            </div>
          )}
          <p className="template-status" role="status" data-testid="template-status">
            {problem ?? statusText(saveState, changed)}
          </p>
        </section>

        <section className="template-preview" aria-label="预览" data-testid="template-preview">
          <h2>预览</h2>
          <TemplatePreview template={draft} />
        </section>
      </div>
    </main>
  )
}

function statusText(saveState: SaveState, changed: boolean): string {
  if (saveState.kind === 'saved') return '已保存。以后新建的导学案将使用这个模板。'
  if (saveState.kind === 'failed') return saveState.message
  return changed ? '有未保存的修改。' : ''
}

function formatTime(iso: string | null): string {
  return iso ? dateTimeText(iso) : ''
}
