/** One lesson of the 备课计划: its header and stage, then the panels of `lesson-panels.tsx`. */
import { useEffect, useState } from 'react'
import type { LessonDetail } from '../../../shared/api/lessons.ts'
import type { Me } from '../../../shared/api.ts'
import { fetchLesson } from '../api/lessons.ts'
import { useLoaded } from '../versions/use-loaded.ts'
import { LessonHeaderPanel } from './LessonHeaderPanel.tsx'
import { lessonPanels } from './lesson-panels.tsx'
import './lessons.css'

export function LessonPage({ lessonId, me }: { lessonId: string; me: Me }) {
  const { data, error } = useLoaded(() => fetchLesson(lessonId), lessonId)
  /** The latest detail: a stage move answers with a fresh one. */
  const [detail, setDetail] = useState<LessonDetail | null>(null)
  useEffect(() => setDetail(data), [data])

  useEffect(() => {
    if (!detail) return
    const previous = document.title
    document.title = `${detail.lesson.title} · 共备`
    return () => {
      document.title = previous
    }
  }, [detail])

  if (error && !detail) return <p className="page-message" role="alert">{error}</p>
  if (!detail) return <p className="page-message">正在加载……</p>
  return (
    <main className="lesson-page" data-testid="lesson-page" data-stage={detail.lesson.stage}>
      <LessonHeaderPanel detail={detail} />
      {lessonPanels.map(({ key, Panel }) => (
        <Panel key={key} detail={detail} me={me} onChanged={setDetail} />
      ))}
    </main>
  )
}
