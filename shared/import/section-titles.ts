/**
 * Which template section a heading of an imported 导学案 is. Schools number and name the same parts
 * differently (“一、学习目标”, “【教学目标】”, “3. 达标测评”), so a heading is stripped of its numbering and
 * brackets, then compared with the template's titles and their usual other names.
 */
import type { TemplateSection } from '../template/lesson-template.ts'

/**
 * Names schools use for the same part, each group one part. A heading matches a template section when
 * one of its names and one of the section's names fall in the same group (or are equal).
 */
const synonymGroups: readonly (readonly string[])[] = [
  ['学习目标', '教学目标', '学习目的', '目标导航', '目标展示', '学习目标与要求', '三维目标'],
  [
    '重点难点',
    '重难点',
    '学习重点难点',
    '学习重难点',
    '教学重点难点',
    '教学重难点',
    '重点与难点',
    '重点和难点',
    '重难点分析',
  ],
  ['学法指导', '学法点拨', '方法指导', '学习方法'],
  ['预习导学', '自主学习', '课前预习', '预习案', '自主预习', '课前自学', '预习指导', '自学指导', '温故知新'],
  ['合作探究', '探究案', '合作学习', '小组合作', '探究新知', '合作交流', '新知探究', '问题探究'],
  ['展示交流', '展示提升', '成果展示', '交流展示', '展示点评'],
  [
    '当堂检测',
    '达标测评',
    '当堂训练',
    '课堂检测',
    '达标检测',
    '巩固练习',
    '当堂达标',
    '检测案',
    '课堂练习',
    '达标训练',
  ],
  ['课堂小结', '归纳小结', '课堂总结', '小结', '本课小结', '总结提升', '反思小结'],
  ['课后作业', '拓展延伸', '作业布置', '布置作业', '课后练习', '拓展提升', '课外作业', '拓展训练'],
  ['课后反思', '教学反思', '教后反思', '反思', '教后记'],
]

const numberingPatterns: readonly RegExp[] = [
  /^第[一二三四五六七八九十百\d]+(部分|环节|板块|步)[、．.:：\s]*/,
  /^[（(][一二三四五六七八九十\d]+[)）][、．.:：\s]*/,
  /^[一二三四五六七八九十]+[、．.:：\s]+/,
  /^\d+(\.\d+)*[、．.:：\s]*/,
  /^[①-⑳][、．.:：\s]*/,
  /^[A-Za-z][、．.:：)）]\s*/,
]

/** The 【教师用】 an exported 教师版 puts after the title of a teacher-only section. */
const teacherOnlySuffix = /[【[]教师用[】\]]$/

export function isMarkedTeacherOnly(heading: string): boolean {
  return teacherOnlySuffix.test(heading.replace(/\s+/g, ''))
}

const digitOf = (char: string) => '一二三四五六七八九'.indexOf(char) + 1

/** The number of a “七、…” or “十二、…” title (1–99), or null. */
export function chineseNumeralOf(heading: string): number | null {
  const numeral = /^\s*([一二三四五六七八九十]{1,3})\s*[、．.]/.exec(heading)?.[1]
  if (!numeral) return null
  if (!numeral.includes('十')) return numeral.length === 1 ? digitOf(numeral) : null
  const parts = /^([二三四五六七八九]?)十([一二三四五六七八九]?)$/.exec(numeral)
  if (!parts) return null
  return (parts[1] ? digitOf(parts[1]) : 1) * 10 + (parts[2] ? digitOf(parts[2]) : 0)
}

/** The title without numbering, brackets around it, a trailing colon or spaces: “（一）【学习目标】：” → “学习目标”. */
export function normalizeHeading(text: string): string {
  let title = text.replace(/\s+/g, '').replace(teacherOnlySuffix, '')
  for (let changed = true; changed;) {
    changed = false
    for (const pattern of numberingPatterns) {
      const stripped = title.replace(pattern, '')
      if (stripped !== title && stripped !== '') {
        title = stripped
        changed = true
      }
    }
  }
  title = title.replace(/[:：]+$/, '')
  const bracketed = /^[【[〔［《](.+?)[】\]〕］》]$/.exec(title)
  return bracketed ? bracketed[1]!.replace(/[:：]+$/, '') : title
}

/** A title and, for “课后作业（拓展延伸）”, each of its parts. */
function namesOf(title: string): string[] {
  const normalized = normalizeHeading(title)
  const parts = /^(.+?)[（(](.+)[)）]$/.exec(normalized)
  return parts ? [normalized, parts[1]!, parts[2]!] : [normalized]
}

function groupOf(name: string): number {
  return synonymGroups.findIndex((group) => group.includes(name))
}

function sameSection(headingNames: readonly string[], sectionNames: readonly string[]): boolean {
  return headingNames.some((a) =>
    sectionNames.some((b) => {
      if (a === b) return true
      const group = groupOf(a)
      return group >= 0 && group === groupOf(b)
    }),
  )
}

/**
 * The first template section not yet `taken` that `heading` names, or null. A section is matched at
 * most once: a second “合作探究” in a file is a section of its own.
 */
export function matchTemplateSection(
  heading: string,
  sections: readonly TemplateSection[],
  taken: ReadonlySet<string>,
): TemplateSection | null {
  const headingNames = namesOf(heading)
  if (headingNames[0] === '') return null
  return (
    sections.find((section) => !taken.has(section.key) && sameSection(headingNames, namesOf(section.title))) ?? null
  )
}
