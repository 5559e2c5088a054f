/**
 * The fields of a 导学案's header, in the order they are printed. The keys are stable identifiers stored
 * in documents (the `field` attribute of `headerField`); the labels are what teachers read.
 */
export const headerFieldKeys = [
  'subject',
  'grade',
  'topic',
  'lessonType',
  'period',
  'leadPreparer',
  'reviewer',
  'classes',
  'date',
] as const
export type HeaderFieldKey = (typeof headerFieldKeys)[number]

export const headerFieldLabels: Record<HeaderFieldKey, string> = {
  subject: '学科',
  grade: '年级',
  topic: '课题',
  lessonType: '课型',
  period: '课时',
  leadPreparer: '主备人',
  reviewer: '审核人',
  classes: '使用班级',
  date: '日期',
}

export type HeaderValues = Partial<Record<HeaderFieldKey, string>>

export function isHeaderFieldKey(value: unknown): value is HeaderFieldKey {
  return typeof value === 'string' && (headerFieldKeys as readonly string[]).includes(value)
}
