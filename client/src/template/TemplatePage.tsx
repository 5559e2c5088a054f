/**
 * 导学案模板: the office (教导处) sets the sections every new draft of the school starts with — order,
 * titles, hints, which are for the teacher only — and sees a preview. Others may look, not change.
 * Saving never touches existing plans.
 */
import { useEffect, useState } from 'react'
import type { TemplateView } from '../../../shared/api/template.ts'
import { headerFieldKeys, headerFieldLabels } from '../../../shared/schema/header-fields.ts'
import { defaultLessonTemplate } from '../../../shared/template/default-template.ts'
import { type LessonTemplate, templateLimits } from '../../../shared/template/lesson-template.ts'
import { ApiError } from '../api/http.ts'
import { fetchTemplate, saveTemplate } from '../api/template.ts'
import { addSection, changeSection, firstProblem, moveSection, removeSection, sameTemplate } from './template-editing.ts'
import './template.css'

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string }

export function TemplatePage({ onLoggedOut }: { onLoggedOut: () => void }) {
  const [saved, setSaved] = useState<TemplateView | null>(null)
  const [draft, setDraft] = useState<LessonTemplate | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' })

  useEffect(() => {
    let current = true
    fetchTemplate().then(
      (view) => {
        if (!current) return
        setSaved(view)
        setDraft(view.template)
      },
      (failure: unknown) => {
        if (!current) return
        if (failure instanceof ApiError && failure.status === 401) onLoggedOut()
        else setLoadError(failure instanceof Error ? failure.message : '模板加载失败')
      },
    )
    return () => {
      current = false
    }
  }, [onLoggedOut])

  if (loadError) return <p className="page-message" role="alert">{loadError}</p>
  if (!saved || !draft) return <p className="page-message">正在加载导学案模板……</p>

  const edit = (next: LessonTemplate) => {
    setDraft(next)
    setSaveState({ kind: 'idle' })
  }
  const problem = firstProblem(draft)
  const changed = !sameTemplate(draft, saved.template)

  const onSave = () => {
    setSaveState({ kind: 'saving' })
    saveTemplate(draft).then(
      (view) => {
        setSaved(view)
        setDraft(view.template)
        setSaveState({ kind: 'saved' })
      },
      (failure: unknown) => setSaveState({ kind: 'failed', message: failure instanceof Error ? failure.message : '保存失败' }),
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
            <p className="template-readonly" role="note">只有教导处可以修改导学案模板，右侧是目前的模板。</p>
          )}
          {saved.canEdit && (
            <div className="template-actions">
              <button type="button" className="link-button" onClick={() => edit(addSection(draft))} disabled={draft.sections.length >= templateLimits.maxSections} data-testid="template-add">
                ＋ 添加栏目
              </button>
              <span className="template-actions-end">
                <button type="button" className="link-button" onClick={() => edit(defaultLessonTemplate)} disabled={sameTemplate(draft, defaultLessonTemplate)} data-testid="template-default">
                  恢复默认
                </button>
                <button type="button" className="link-button" onClick={() => edit(saved.template)} disabled={!changed} data-testid="template-discard">
                  放弃修改
                </button>
                <button type="button" className="primary" onClick={onSave} disabled={!changed || problem !== null || saveState.kind === 'saving'} data-testid="template-save">
                  {saveState.kind === 'saving' ? '正在保存……' : '保存模板'}
                </button>
              </span>
            </div>
          )}
          <p className="template-status" role="status" data-testid="template-status">
            {problem ?? (saveState.kind === 'saved' ? '已保存。以后新建的导学案将使用这个模板。' : saveState.kind === 'failed' ? saveState.message : changed ? '有未保存的修改。' : '')}
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

function SectionList({ draft, onChange }: { draft: LessonTemplate; onChange: (next: LessonTemplate) => void }) {
  const last = draft.sections.length - 1
  return (
    <ol className="template-sections">
      {draft.sections.map((section, index) => (
        <li key={section.key} className="template-section" data-testid="template-section">
          <div className="template-section-row">
            <span className="template-section-number">{index + 1}</span>
            <input
              aria-label={`第 ${index + 1} 个栏目的标题`}
              value={section.title}
              maxLength={templateLimits.maxTitleLength + 10}
              onChange={(event) => onChange(changeSection(draft, index, { title: event.target.value }))}
              data-testid="template-title"
            />
            <button type="button" className="link-button" aria-label={`上移“${section.title}”`} disabled={index === 0} onClick={() => onChange(moveSection(draft, index, -1))} data-testid="template-up">
              上移
            </button>
            <button type="button" className="link-button" aria-label={`下移“${section.title}”`} disabled={index === last} onClick={() => onChange(moveSection(draft, index, 1))} data-testid="template-down">
              下移
            </button>
            <button type="button" className="link-button danger" aria-label={`删除“${section.title}”`} disabled={last === 0} onClick={() => onChange(removeSection(draft, index))} data-testid="template-remove">
              删除
            </button>
          </div>
          <div className="template-section-row">
            <input
              className="template-hint"
              aria-label={`“${section.title}”的提示文字`}
              placeholder="提示文字（可不填）：空栏目里显示，告诉主备人写什么"
              value={section.hint}
              maxLength={templateLimits.maxHintLength + 10}
              onChange={(event) => onChange(changeSection(draft, index, { hint: event.target.value }))}
              data-testid="template-hint"
            />
            <label className="template-teacher-only">
              <input
                type="checkbox"
                checked={section.teacherOnly}
                onChange={(event) => onChange(changeSection(draft, index, { teacherOnly: event.target.checked }))}
                data-testid="template-teacher-only"
              />
              教师用（学生版不打印）
            </label>
          </div>
        </li>
      ))}
    </ol>
  )
}

/** The new draft as the editor will show it, drawn with the editor's own styles. */
function TemplatePreview({ template }: { template: LessonTemplate }) {
  return (
    <div className="paper template-paper">
      <div className="document-body">
        <div className="lesson-header">
          {headerFieldKeys.map((field) => (
            <div key={field} className="header-field" data-field={field}>
              <span className="header-label">{headerFieldLabels[field]}</span>
              <span className="header-value" />
            </div>
          ))}
        </div>
        {template.sections.map((section) => (
          <section key={section.key} className="lesson-section" data-teacher-only={section.teacherOnly ? '' : undefined}>
            <h2 className="section-title">{section.title || '（未命名栏目）'}</h2>
            <div className="section-body">
              {/* The line break gives the empty line its height, as in the editor. */}
              <p className="is-empty" data-placeholder={section.hint || `在这里填写${section.title}`}>
                <br />
              </p>
            </div>
          </section>
        ))}
      </div>
    </div>
  )
}

function formatTime(iso: string | null): string {
  if (!iso) return ''
  return new Date(iso).toLocaleString('zh-CN', { dateStyle: 'medium', timeStyle: 'short' })
}
