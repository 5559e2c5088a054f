/**
 * The lesson page's 课后反思 panel: every teacher's reflection side by side (多人一课多反思), each with
 * the passages of the plan it points at; the signed-in teacher writes theirs in the editor and picks
 * passages to point at here. A line copied out of a reflection keeps it as its 来源 (LIBRARY-11), the
 * reflection as it reads now, as a copy out of its editor would.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { LessonDetail } from '../../../shared/api/lessons.ts'
import type { Me } from '../../../shared/api.ts'
import { blockSourceValue } from '../../../shared/schema/block-source.ts'
import { queries } from '../api/queries.ts'
import { failureText } from '../api/teacher-message.ts'
import { openReflection } from '../api/versions.ts'
import { ReflectionExportLinks } from '../export/ReflectionExportLinks.tsx'
import { hrefFor, navigate } from '../routing.ts'
import { ReadOnlyContent } from '../versions/ReadOnlyContent.tsx'
import { PassagePicker } from './PassagePicker.tsx'
import '../versions/lesson-work.css'

export function ReflectionsPanel({ detail, me }: { detail: LessonDetail; me: Me }) {
  const lessonId = detail.lesson.id
  const reflect = detail.permissions.reflect
  const queryClient = useQueryClient()
  const { data: reflections, error } = useQuery(queries.reflections(lessonId))
  const [failure, setFailure] = useState<string | null>(null)
  const [picking, setPicking] = useState(false)
  const mine = reflections?.find((reflection) => reflection.teacher.id === me.id)

  const write = async () => {
    try {
      const { documentId } = await openReflection(lessonId)
      navigate({ page: 'editor', documentId })
    } catch (problem) {
      setFailure(failureText(problem, '无法打开课后反思'))
    }
  }

  const sources = [
    ...(mine?.adaptationDocumentId ? [{ documentId: mine.adaptationDocumentId, label: '我的二次备课' }] : []),
    { documentId: detail.lesson.documentId, label: '共享导学案' },
  ]

  return (
    <section className="work-panel" data-testid="reflections-panel" aria-labelledby="reflections-title">
      <h2 id="reflections-title">课后反思</h2>
      {error && (
        <p className="work-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="work-actions">
        {mine ? (
          <>
            <a href={hrefFor({ page: 'editor', documentId: mine.documentId })} data-testid="edit-reflection">
              编辑我的课后反思
            </a>
            <button
              type="button"
              className="link-button"
              onClick={() => setPicking((open) => !open)}
              data-testid="pick-passage"
            >
              {picking ? '收起' : '引用教案中的段落'}
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              className="primary"
              disabled={!reflect.allowed}
              onClick={() => void write()}
              data-testid="write-reflection"
            >
              写我的课后反思
            </button>
            {!reflect.allowed && reflect.reason && (
              <span className="refusal" data-testid="reflect-refusal">
                {reflect.reason}
              </span>
            )}
          </>
        )}
      </div>
      {failure && (
        <p className="work-error" role="alert">
          {failure}
        </p>
      )}
      {mine && picking && (
        <PassagePicker
          reflectionId={mine.documentId}
          sources={sources}
          onPicked={() => {
            setPicking(false)
            void queryClient.invalidateQueries(queries.reflections(lessonId))
          }}
        />
      )}
      {reflections && reflections.length === 0 && <p className="muted">还没有老师写课后反思。</p>}
      {reflections && reflections.length > 0 && (
        <div className="side-by-side">
          {reflections.map((reflection) => (
            <article key={reflection.documentId} data-testid="reflection" data-teacher={reflection.teacher.displayName}>
              <h3>{reflection.teacher.displayName}</h3>
              <ReflectionExportLinks
                me={me}
                lesson={detail.lesson}
                reflectionId={reflection.documentId}
                teacher={reflection.teacher}
              />
              {reflection.references.map((reference) => (
                <blockquote key={reference.id} className="quote" data-testid="reflection-quote">
                  {reference.quote}
                  <cite>{reference.section ? `引自「${reference.section}」` : '引自教案'}</cite>
                </blockquote>
              ))}
              <ReadOnlyContent
                content={reflection.content}
                label={`${reflection.teacher.displayName}的课后反思`}
                source={blockSourceValue({ kind: 'document', id: reflection.documentId })}
              />
            </article>
          ))}
        </div>
      )}
    </section>
  )
}
