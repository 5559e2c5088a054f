/**
 * The lesson page's 同课异构 panel: the group's own designs of this 课题, a new one from the template or
 * from the shared plan, and two of them (or one and the shared plan) compared section by section.
 */
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { LessonDetail } from '../../../shared/api/lessons.ts'
import type { Me } from '../../../shared/api.ts'
import { decideVariant } from '../../../shared/variants/variant-rules.ts'
import { queries } from '../api/queries.ts'
import { failureText } from '../api/teacher-message.ts'
import { createVariant } from '../api/versions.ts'
import { hrefFor, navigate } from '../routing.ts'
import '../versions/lesson-work.css'

export function VariantsPanel({ detail, me }: { detail: LessonDetail; me: Me }) {
  const { lesson } = detail
  const { data: variants, error } = useQuery(queries.variants(lesson.id))
  const [picked, setPicked] = useState<string[]>([])
  const [failure, setFailure] = useState<string | null>(null)
  const decision = decideVariant(
    { userId: me.id, role: me.role, schoolId: me.schoolId, groupIds: me.groups.map((group) => group.id) },
    {
      schoolId: me.schoolId,
      groupId: lesson.groupId,
      stage: lesson.stage,
      leadPreparerId: lesson.leadPreparer.id,
      liveReviewOpen: lesson.liveReviewOpen,
      leadPreparerMentorIds: [],
      hasVersions: lesson.hasVersions,
    },
  )

  const create = async (from: 'template' | 'plan') => {
    try {
      const created = await createVariant(lesson.id, from)
      navigate({ page: 'editor', documentId: created.documentId })
    } catch (problem) {
      setFailure(failureText(problem, '无法新建设计'))
    }
  }

  const toggle = (documentId: string) =>
    setPicked((current) =>
      current.includes(documentId) ? current.filter((id) => id !== documentId) : [...current.slice(-1), documentId],
    )

  const designs = [
    { documentId: lesson.documentId, title: '共享导学案', author: lesson.leadPreparer },
    ...(variants ?? []),
  ]

  return (
    <section className="work-panel" data-testid="variants-panel" aria-labelledby="variants-title">
      <h2 id="variants-title">同课异构</h2>
      {error && (
        <p className="work-error" role="alert">
          {error.message}
        </p>
      )}
      <ul>
        {designs.map((design) => (
          <li key={design.documentId} data-testid="variant-row">
            <label>
              <input
                type="checkbox"
                checked={picked.includes(design.documentId)}
                onChange={() => toggle(design.documentId)}
                aria-label={`选择「${design.title}」对比`}
              />{' '}
              <a href={hrefFor({ page: 'editor', documentId: design.documentId })}>{design.title}</a>
            </label>
            <span className="muted">{design.author.displayName}</span>
          </li>
        ))}
      </ul>
      <div className="work-actions">
        <button
          type="button"
          className="primary"
          disabled={picked.length !== 2}
          onClick={() => navigate({ page: 'variantCompare', lessonId: lesson.id, left: picked[0]!, right: picked[1]! })}
          data-testid="compare-variants"
        >
          对比所选的两份设计
        </button>
        <button
          type="button"
          disabled={!decision.allowed}
          onClick={() => void create('template')}
          data-testid="variant-from-template"
        >
          按模板新建我的设计
        </button>
        <button
          type="button"
          disabled={!decision.allowed}
          onClick={() => void create('plan')}
          data-testid="variant-from-plan"
        >
          以共享导学案为底稿新建
        </button>
        {!decision.allowed && <span className="refusal">{decision.reason}</span>}
      </div>
      {failure && (
        <p className="work-error" role="alert">
          {failure}
        </p>
      )}
    </section>
  )
}
