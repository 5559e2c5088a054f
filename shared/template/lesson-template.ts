/**
 * The school's 导学案 template: which sections a new draft has, in which order, with which titles and
 * hints. The office edits it; a draft copies it when created, so later edits never change existing plans.
 */
import { z } from 'zod'

export const templateLimits = {
  maxSections: 30,
  maxTitleLength: 30,
  maxHintLength: 200,
} as const

const sectionKeyPattern = /^[a-z][a-zA-Z0-9-]{0,39}$/

export const templateSection = z.object({
  /** Stable identifier of the section in every document made from the template (export, 同课异构). */
  key: z.string().regex(sectionKeyPattern, '栏目标识只能用英文字母、数字和连字符，且以小写字母开头'),
  title: z
    .string()
    .trim()
    .min(1, '栏目标题不能为空')
    .max(templateLimits.maxTitleLength, `栏目标题最多 ${templateLimits.maxTitleLength} 个字`),
  /** Guidance shown in the empty section, e.g. what to write there. */
  hint: z.string().trim().max(templateLimits.maxHintLength, `提示文字最多 ${templateLimits.maxHintLength} 个字`),
  /** The whole section is for the teacher (课后反思): left out of the 学生版. */
  teacherOnly: z.boolean(),
})
export type TemplateSection = z.infer<typeof templateSection>

export const lessonTemplate = z
  .object({
    sections: z
      .array(templateSection)
      .min(1, '模板至少要有一个栏目')
      .max(templateLimits.maxSections, `模板最多 ${templateLimits.maxSections} 个栏目`),
  })
  .superRefine(({ sections }, context) => {
    const keys = new Set<string>()
    const titles = new Set<string>()
    for (const [index, section] of sections.entries()) {
      if (keys.has(section.key)) {
        context.addIssue({
          code: 'custom',
          path: ['sections', index, 'key'],
          message: `栏目标识“${section.key}”重复了`,
        })
      }
      if (titles.has(section.title)) {
        context.addIssue({
          code: 'custom',
          path: ['sections', index, 'title'],
          message: `栏目“${section.title}”重复了`,
        })
      }
      keys.add(section.key)
      titles.add(section.title)
    }
  })
export type LessonTemplate = z.infer<typeof lessonTemplate>

/** A key for a section the office adds, unlike every key in `taken`. */
export function newSectionKey(taken: Iterable<string>): string {
  const used = new Set(taken)
  for (let n = 1; ; n++) {
    const key = `custom-${n}`
    if (!used.has(key)) return key
  }
}
