/** A new draft as the editor will show it, drawn with the editor's own classes and styles. */
import { headerFieldKeys, headerFieldLabels } from '../../../shared/schema/header-fields.ts'
import type { LessonTemplate } from '../../../shared/template/lesson-template.ts'

export function TemplatePreview({ template }: { template: LessonTemplate }) {
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
          <section
            key={section.key}
            className="lesson-section"
            data-teacher-only={section.teacherOnly ? '' : undefined}
          >
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
