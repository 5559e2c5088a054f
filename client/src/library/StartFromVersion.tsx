/**
 * 以此为底稿 on a 定稿's page (LIBRARY-3): the teacher picks one of their lessons still in 主备, whose
 * 初稿 then starts from this version; the lesson page opens with its 来源.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { startFromVersion } from '../api/library.ts'
import { lessonKey, queries } from '../api/queries.ts'
import { navigate } from '../routing.ts'

export function StartFromVersion({ versionId, lessonId }: { versionId: string; lessonId: string }) {
  const [open, setOpen] = useState(false)
  return (
    <section className="work-panel" data-testid="start-from-version">
      <button type="button" onClick={() => setOpen((value) => !value)} aria-expanded={open} data-testid="start-from">
        以此为底稿
      </button>
      <span className="muted"> 把这份定稿作为你主备的一节课的初稿，初稿会注明来源。</span>
      {open && <DraftChoice versionId={versionId} sourceLessonId={lessonId} />}
    </section>
  )
}

function DraftChoice({ versionId, sourceLessonId }: { versionId: string; sourceLessonId: string }) {
  const queryClient = useQueryClient()
  const { data, error } = useQuery(queries.assignments())
  const start = useMutation({
    mutationFn: (lessonId: string) => startFromVersion(lessonId, versionId),
    onSuccess: async (_lineage, lessonId) => {
      await queryClient.invalidateQueries({ queryKey: lessonKey(lessonId) })
      await queryClient.invalidateQueries({ queryKey: lessonKey(sourceLessonId) })
      navigate({ page: 'lesson', lessonId })
    },
  })
  if (error && !data)
    return (
      <p role="alert" className="form-error">
        {error.message}
      </p>
    )
  if (!data) return <p className="muted">正在加载你的主备任务……</p>
  const drafts = data.filter((lesson) => lesson.stage === 'draft' && lesson.id !== sourceLessonId)
  if (drafts.length === 0)
    return <p className="muted">你现在没有主备阶段的课。组长在备课计划中安排你为主备人后，就可以以此为底稿。</p>
  return (
    <div>
      <p>选择要以此为底稿的课（只能用于还没有写内容的初稿）：</p>
      <ul>
        {drafts.map((lesson) => (
          <li key={lesson.id}>
            <button
              type="button"
              className="link-button"
              disabled={start.isPending}
              onClick={() => start.mutate(lesson.id)}
              data-testid="start-from-lesson"
              data-lesson-id={lesson.id}
            >
              {lesson.title}
            </button>
            <span className="muted">
              {' '}
              {lesson.groupName} · {lesson.scheduledDate}
            </span>
          </li>
        ))}
      </ul>
      {start.error && (
        <p role="alert" className="form-error" data-testid="start-from-error">
          {start.error.message}
        </p>
      )}
    </div>
  )
}
