/** Loads data for a panel or page, keeps the last result while reloading, and reports failures in Chinese. */
import { useCallback, useEffect, useState } from 'react'
import type { LessonDetail } from '../../../shared/api/lessons.ts'

export interface Loaded<T> {
  data: T | null
  error: string | null
  reload: () => void
}

export function useLoaded<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [generation, setGeneration] = useState(0)

  useEffect(() => {
    let current = true
    load().then(
      (loaded) => {
        if (!current) return
        setData(loaded)
        setError(null)
      },
      (failure: unknown) => current && setError(failure instanceof Error ? failure.message : '加载失败'),
    )
    return () => {
      current = false
    }
    // `key` stands for what `load` depends on: a new closure on every render must not reload.
  }, [key, generation])

  const reload = useCallback(() => setGeneration((value) => value + 1), [])
  return { data, error, reload }
}

export function failureText(failure: unknown, fallback: string): string {
  return failure instanceof Error ? failure.message : fallback
}

/** Changes whenever the lesson moves, e.g. when finalizing made a new version: panels then reload. */
export function lessonRevision(detail: LessonDetail): string {
  return `${detail.lesson.stage}/${detail.history.length}`
}
