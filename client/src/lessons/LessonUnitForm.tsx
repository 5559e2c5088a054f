/**
 * The lesson's 单元 as the 主备人 or the leader gives it on the lesson page (LIBRARY-12), with the 单元
 * the group already uses as suggestions; the 资源库 files the lesson under it once it is finalized.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import type { LessonSummary } from '../../../shared/api/lessons.ts'
import { updateLesson } from '../api/lessons.ts'
import { lessonKey, queries } from '../api/queries.ts'

export function LessonUnitForm({ lesson }: { lesson: LessonSummary }) {
  const queryClient = useQueryClient()
  const [unit, setUnit] = useState(lesson.unit)
  const units = useQuery(queries.plan(lesson.groupId, lesson.semester)).data?.units ?? []
  const save = useMutation({
    mutationFn: () => updateLesson(lesson.id, { unit: unit.trim() }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: lessonKey(lesson.id) }),
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate()
  }
  return (
    <form className="lesson-unit-form" onSubmit={submit} data-testid="lesson-unit-form">
      <label>
        单元
        <input
          value={unit}
          onChange={(event) => setUnit(event.target.value)}
          list="lesson-page-units"
          placeholder="如：第三章 一元一次方程"
          data-testid="lesson-unit-input"
        />
        <datalist id="lesson-page-units">
          {units.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </label>
      <button type="submit" disabled={save.isPending || unit.trim() === lesson.unit} data-testid="lesson-unit-save">
        {save.isPending ? '正在保存……' : '保存单元'}
      </button>
      {save.error && (
        <p role="alert" className="form-error">
          {save.error.message}
        </p>
      )}
    </form>
  )
}
