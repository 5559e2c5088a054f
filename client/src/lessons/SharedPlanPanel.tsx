/** The shared 导学案 of the lesson, opened in the editor with the access the rules give this user. */
import { ExportLinks } from '../export/ExportLinks.tsx'
import { ImportIntoDraft } from '../import/ImportIntoDraft.tsx'
import { PickSourcePlan } from '../library/PickSourcePlan.tsx'
import { hrefFor } from '../routing.ts'
import { accessText } from '../collab/save-status-text.ts'
import type { LessonPanelProps } from './lesson-panel-props.ts'

export function SharedPlanPanel({ detail }: LessonPanelProps) {
  const shared = detail.documents.find((document) => document.id === detail.lesson.documentId)
  return (
    <section className="work-panel" data-testid="shared-plan" aria-labelledby="shared-plan-title">
      <h2 id="shared-plan-title">共享导学案</h2>
      {shared ? (
        <p className="shared-plan-link">
          <a href={hrefFor({ page: 'editor', documentId: shared.id })} data-testid="open-shared-plan">
            {shared.title}
          </a>
          <span className={`access-badge access-${shared.access}`} data-testid="shared-plan-access">
            {accessText[shared.access]}
          </span>
          <ExportLinks source="documents" id={shared.id} />
        </p>
      ) : (
        <p className="muted">你没有打开这份导学案的权限。</p>
      )}
      {shared && detail.lesson.stage === 'draft' && detail.permissions.edit.allowed && (
        <>
          <ImportIntoDraft lessonId={detail.lesson.id} documentId={shared.id} />
          <PickSourcePlan lessonId={detail.lesson.id} />
        </>
      )}
    </section>
  )
}
