/**
 * The lesson page's 二次备课 panel: the signed-in teacher's own adaptation (start it, open it, see the
 * 个人加减) and every colleague's, each with its number of changes against the shared version.
 */
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { LessonDetail } from '../../../shared/api/lessons.ts'
import type { Me } from '../../../shared/api.ts'
import { queries } from '../api/queries.ts'
import { failureText } from '../api/teacher-message.ts'
import { startAdaptation } from '../api/versions.ts'
import { hrefFor, navigate } from '../routing.ts'
import '../versions/lesson-work.css'

export function AdaptationsPanel({ detail, me }: { detail: LessonDetail; me: Me }) {
  const lessonId = detail.lesson.id
  const adapt = detail.permissions.adapt
  const { data: adaptations, error } = useQuery(queries.adaptations(lessonId))
  const [failure, setFailure] = useState<string | null>(null)
  const mine = adaptations?.find((adaptation) => adaptation.teacher.id === me.id)

  const start = async () => {
    try {
      const created = await startAdaptation(lessonId)
      navigate({ page: 'editor', documentId: created.documentId })
    } catch (problem) {
      setFailure(failureText(problem, '无法开始二次备课'))
    }
  }

  return (
    <section className="work-panel" data-testid="adaptations-panel" aria-labelledby="adaptations-title">
      <h2 id="adaptations-title">二次备课</h2>
      {error && (
        <p className="work-error" role="alert">
          {error.message}
        </p>
      )}
      {adaptations && !mine && (
        <div className="work-actions">
          <button
            type="button"
            className="primary"
            disabled={!adapt.allowed}
            onClick={() => void start()}
            data-testid="start-adaptation"
          >
            开始我的二次备课
          </button>
          {!adapt.allowed && adapt.reason && (
            <span className="refusal" data-testid="adapt-refusal">
              {adapt.reason}
            </span>
          )}
        </div>
      )}
      {failure && (
        <p className="work-error" role="alert">
          {failure}
        </p>
      )}
      {adaptations && adaptations.length === 0 && <p className="muted">还没有老师做二次备课。</p>}
      {adaptations && adaptations.length > 0 && (
        <ul>
          {adaptations.map((adaptation) => (
            <li key={adaptation.documentId} data-testid="adaptation-row" data-teacher={adaptation.teacher.displayName}>
              <strong>{adaptation.teacher.displayName}</strong>
              <span className="muted">基于{adaptation.baseVersion.name}</span>
              <span className="count-badge" data-testid="adaptation-count">
                个人加减 {adaptation.changeCount} 处
              </span>
              {adaptation.openConflicts > 0 && (
                <span className="count-badge warn">{adaptation.openConflicts} 处待决定</span>
              )}
              {adaptation.newerVersion && (
                <span className="count-badge warn">有新版本 {adaptation.newerVersion.name}</span>
              )}
              <a
                href={hrefFor({ page: 'adaptation', documentId: adaptation.documentId })}
                data-testid="view-adaptation"
              >
                查看个人加减
              </a>
              {adaptation.teacher.id === me.id && (
                <a href={hrefFor({ page: 'editor', documentId: adaptation.documentId })} data-testid="edit-adaptation">
                  编辑我的二次备课
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
