/** The office's list of template sections: title, hint and 教师用 of each, moved with 上移/下移. */
import type { LessonTemplate } from '../../../shared/template/lesson-template.ts'
import { templateLimits } from '../../../shared/template/lesson-template.ts'
import { changeSection, moveSection, removeSection } from './template-editing.ts'

interface SectionListProps {
  draft: LessonTemplate
  onChange: (next: LessonTemplate) => void
}

export function SectionList({ draft, onChange }: SectionListProps) {
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
            <button
              type="button"
              className="link-button"
              aria-label={`上移“${section.title}”`}
              disabled={index === 0}
              onClick={() => onChange(moveSection(draft, index, -1))}
              data-testid="template-up"
            >
              上移
            </button>
            <button
              type="button"
              className="link-button"
              aria-label={`下移“${section.title}”`}
              disabled={index === last}
              onClick={() => onChange(moveSection(draft, index, 1))}
              data-testid="template-down"
            >
              下移
            </button>
            <button
              type="button"
              className="link-button danger"
              aria-label={`删除“${section.title}”`}
              disabled={last === 0}
              onClick={() => onChange(removeSection(draft, index))}
              data-testid="template-remove"
            >
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
