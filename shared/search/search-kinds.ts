/** What search finds (SEARCH-3): 导学案 (a lesson's current plan and each 定稿 version), 课后反思, 集体备课记录, 听课记录. */
export const searchKinds = ['lesson-plan', 'reflection', 'meeting', 'observation'] as const
export type SearchKind = (typeof searchKinds)[number]

export const searchKindLabels: Record<SearchKind, string> = {
  'lesson-plan': '导学案',
  reflection: '课后反思',
  meeting: '集体备课记录',
  observation: '听课记录',
}
