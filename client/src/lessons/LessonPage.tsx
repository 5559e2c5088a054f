/** One lesson of the 备课计划: its header and stage, then the panels of `lesson-panels.tsx`. */
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect } from 'react'
import type { LessonDetail } from '../../../shared/api/lessons.ts'
import type { Me } from '../../../shared/api.ts'
import { lessonKey, queries } from '../api/queries.ts'
import { LessonHeaderPanel } from './LessonHeaderPanel.tsx'
import { lessonPanels } from './lesson-panels.tsx'
import './lessons.css'

export function LessonPage({ lessonId, me }: { lessonId: string; me: Me }) {
  const queryClient = useQueryClient()
  const { data: detail, error } = useQuery(queries.lesson(lessonId))

  /** A stage move answers with the fresh detail; what the panels show follows the stage (a 定稿 adds a version). */
  const changed = useCallback(
    (fresh: LessonDetail) => {
      queryClient.setQueryData(lessonKey(lessonId), fresh)
      void queryClient.invalidateQueries({
        queryKey: lessonKey(lessonId),
        predicate: (query) => query.queryKey.length > 2,
      })
    },
    [queryClient, lessonId],
  )

  useEffect(() => {
    if (!detail) return
    const previous = document.title
    document.title = `${detail.lesson.title} · 共备`
    return () => {
      document.title = previous
    }
  }, [detail])

  if (!detail)
    return error ? (
      <p className="page-message" role="alert">
        {error.message}
      </p>
    ) : (
      <p className="page-message">正在加载……</p>
    )
  return (
    <main className="lesson-page" data-testid="lesson-page" data-stage={detail.lesson.stage}>
      <LessonHeaderPanel detail={detail} />
      {lessonPanels.map(({ key, Panel }) => (
        <Panel key={key} detail={detail} me={me} onChanged={changed} />
      ))}
    </main>
  )
}
