/** The 备课计划 form's fields as typed, and the entry they make. Pure, so that it is tested without a browser. */
import type { LessonPlanInput, LessonSummary } from '../../../shared/api/lessons.ts'

export interface PlanFormFields {
  title: string
  /** 单元, may stay empty. */
  unit: string
  lessonType: string
  period: string
  scheduledDate: string
  scheduledTime: string
  place: string
  leadPreparerId: string
}

export function emptyPlanForm(defaultDate: string): PlanFormFields {
  return {
    title: '',
    unit: '',
    lessonType: '新授',
    period: '1',
    scheduledDate: defaultDate,
    scheduledTime: '14:00',
    place: '',
    leadPreparerId: '',
  }
}

export function planFormOf(lesson: LessonSummary): PlanFormFields {
  return {
    title: lesson.title,
    unit: lesson.unit,
    lessonType: lesson.lessonType,
    period: String(lesson.period),
    scheduledDate: lesson.scheduledDate,
    scheduledTime: lesson.scheduledTime ?? '',
    place: lesson.place,
    leadPreparerId: lesson.leadPreparer.id,
  }
}

/** The entry, or what is missing, in words for the leader. The semester follows from the date. */
export function planInputOf(fields: PlanFormFields): { input: LessonPlanInput } | { problem: string } {
  const title = fields.title.trim()
  const period = Number(fields.period)
  if (!title) return { problem: '请填写课题' }
  if (!fields.lessonType.trim()) return { problem: '请填写课型' }
  if (!Number.isInteger(period) || period < 1) return { problem: '课时应为正整数' }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fields.scheduledDate)) return { problem: '请选择日期' }
  if (!fields.leadPreparerId) return { problem: '请选择主备人' }
  return {
    input: {
      title,
      unit: fields.unit.trim(),
      lessonType: fields.lessonType.trim(),
      period,
      scheduledDate: fields.scheduledDate,
      scheduledTime: fields.scheduledTime || null,
      place: fields.place.trim(),
      leadPreparerId: fields.leadPreparerId,
    },
  }
}
