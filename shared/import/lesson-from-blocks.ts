/**
 * An imported file's blocks (ProseMirror JSON from its HTML) as a 导学案: a header table becomes the
 * header's values, headings become sections, matched to the school template's sections where their
 * titles fit, and the rest stays as it was inside them. Pure, so the rules are tested without a file.
 */
import type { JSONContent } from '@tiptap/core'
import { teacherOnlyLabel } from '../export/export-model.ts'
import type { HeaderValues } from '../schema/header-fields.ts'
import type { LessonTemplate, TemplateSection } from '../template/lesson-template.ts'
import { headerValuesFromTable } from './header-table.ts'
import { chineseNumeralOf, isMarkedTeacherOnly, matchTemplateSection, normalizeHeading } from './section-titles.ts'
import { teacherNoteOf } from './teacher-notes.ts'

export interface ImportedSection {
  key: string
  title: string
  /** The key is one of the template's. */
  fromTemplate: boolean
}

export interface ImportedLesson {
  header: HeaderValues
  /** Section nodes, in the file's order. */
  sections: JSONContent[]
  /** What each section was made from, in the same order. */
  outline: ImportedSection[]
}

/** Title of the section that holds what comes before the file's first heading, or a file without any. */
export const leadingSectionTitle = '其他内容'

/** A paragraph this long or shorter may be a section title written as plain (often bold) text. */
const maxTitleParagraphLength = 30

function textOf(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? ''
  const separator = node.type === 'tableRow' ? ' ' : ''
  return (node.content ?? []).map(textOf).join(separator)
}

function tableRows(table: JSONContent): string[][] {
  return (table.content ?? []).map((row) => (row.content ?? []).map((cell) => textOf(cell).trim()))
}

function headingLevel(block: JSONContent): number | null {
  return block.type === 'heading' ? Number(block.attrs?.level ?? 1) : null
}

/** The 班级 / 姓名 / 学号 line of a 学生版, which is a form to fill in, not content. */
function isStudentLine(block: JSONContent): boolean {
  return (
    block.type === 'paragraph' &&
    /^班级[:：]?[_＿\s]*姓名[:：]?[_＿\s]*(学号[:：]?[_＿\s]*)?$/.test(textOf(block).trim())
  )
}

interface Boundary {
  index: number
  title: string
  section: TemplateSection | null
}

/**
 * The level at which headings are sections: that of the shallowest heading naming a template section,
 * else of the shallowest heading after the first block (a first heading above all others is the file's title).
 */
function sectionLevelOf(blocks: readonly JSONContent[], template: LessonTemplate): number | null {
  const levels = blocks.flatMap((block, index) => {
    const level = headingLevel(block)
    return level === null
      ? []
      : [{ level, index, matches: matchTemplateSection(textOf(block), template.sections, new Set()) !== null }]
  })
  const matching = levels.filter((heading) => heading.matches)
  if (matching.length > 0) return Math.min(...matching.map((heading) => heading.level))
  const rest = levels.filter((heading) => heading.index > 0)
  if (rest.length > 0) return Math.min(...rest.map((heading) => heading.level))
  return levels[0]?.level ?? null
}

function isAllBold(block: JSONContent): boolean {
  const runs: JSONContent[] = []
  const collect = (node: JSONContent) => (node.type === 'text' ? runs.push(node) : node.content?.forEach(collect))
  collect(block)
  return runs.length > 0 && runs.every((run) => run.marks?.some((mark) => mark.type === 'bold'))
}

/**
 * A paragraph standing for a section title: short, and either naming a template section or bold and
 * numbered next in the sequence of titles (“五、” after “四、”), so that “一、选择题” inside 当堂检测,
 * which starts the numbering again, stays a line of its section.
 */
function isTitleParagraph(
  block: JSONContent,
  template: LessonTemplate,
  taken: ReadonlySet<string>,
  nextNumber: number,
): boolean {
  if (block.type !== 'paragraph') return false
  const text = textOf(block).trim()
  if (text.length === 0 || text.length > maxTitleParagraphLength) return false
  if (matchTemplateSection(text, template.sections, taken) !== null) return true
  return isAllBold(block) && chineseNumeralOf(text) === nextNumber
}

/**
 * The 【教师用】 line a 教师版 prints above a 教师用 list, table, quotation or picture: it marks that one
 * block. (Paragraphs and headings carry the label at their start instead.)
 */
function isLabelOfNextBlock(block: JSONContent, next: JSONContent | undefined): boolean {
  return (
    block.type === 'paragraph' &&
    textOf(block).trim() === teacherOnlyLabel &&
    next !== undefined &&
    next.type !== 'paragraph' &&
    next.type !== 'heading'
  )
}

/** A paragraph or heading without the 【教师用】 a 教师版 put at its start: the mark replaces it. */
function withoutTeacherOnlyLabel(block: JSONContent): JSONContent {
  if ((block.type !== 'paragraph' && block.type !== 'heading') || !textOf(block).startsWith(teacherOnlyLabel))
    return block
  let left = teacherOnlyLabel.length
  const content: JSONContent[] = []
  for (const node of block.content ?? []) {
    const text = node.type === 'text' ? (node.text ?? '') : ''
    if (left === 0 || node.type !== 'text') {
      content.push(node)
      continue
    }
    const cut = Math.min(left, text.length)
    left -= cut
    if (cut < text.length) content.push({ ...node, text: text.slice(cut) })
  }
  return { ...block, content }
}

/** Marks 教师用 blocks of one section's body. */
function markTeacherNotes(body: readonly JSONContent[]): JSONContent[] {
  let following = false
  let labelledAbove = false
  return body.flatMap((block, index) => {
    if (block.type === 'heading') following = false
    if (isLabelOfNextBlock(block, body[index + 1])) {
      labelledAbove = true
      return []
    }
    const note = teacherNoteOf(textOf(block))
    if (note === 'blockAndFollowing') following = true
    const teacherOnly = labelledAbove || following || note !== 'none'
    labelledAbove = false
    if (!teacherOnly) return [block]
    const marked = withoutTeacherOnlyLabel(block)
    return [{ ...marked, attrs: { ...marked.attrs, teacherOnly: true } }]
  })
}

/** Headings inside a section, one level up for each level the section titles take: 标题 2 under 标题 1 is the editor's 一级标题. */
function withSectionHeadingLevels(body: readonly JSONContent[], sectionLevel: number | null): JSONContent[] {
  if (sectionLevel === null) return [...body]
  return body.map((block) => {
    const level = headingLevel(block)
    return level === null || level <= sectionLevel
      ? block
      : { ...block, attrs: { ...block.attrs, level: level - sectionLevel } }
  })
}

/** The index of the file's title: a first heading above the section headings, before any section. */
function titleIndexOf(blocks: readonly JSONContent[], sectionLevel: number | null): number {
  const first = blocks.findIndex((block) => block.type === 'heading')
  const level = first >= 0 ? headingLevel(blocks[first]!) : null
  return level !== null && sectionLevel !== null && level < sectionLevel ? first : -1
}

export function lessonFromBlocks(input: readonly JSONContent[], template: LessonTemplate): ImportedLesson {
  let header: HeaderValues = {}
  let blocks = input.filter((block) => !isStudentLine(block))
  const headerIndex = blocks.findIndex(
    (block) => block.type === 'table' && headerValuesFromTable(tableRows(block)) !== null,
  )
  if (headerIndex >= 0 && headerIndex <= 3) {
    header = headerValuesFromTable(tableRows(blocks[headerIndex]!))!
    // Lines above the header table are the file's title (and subtitle): the 课题 if the table has none.
    const titleLines = blocks.slice(0, headerIndex).map((block) => textOf(block).trim())
    if (titleLines[0]) header = { topic: titleLines[0], ...header }
    blocks = blocks.slice(headerIndex + 1)
  }
  const sectionLevel = sectionLevelOf(blocks, template)
  const titleIndex = titleIndexOf(blocks, sectionLevel)
  if (titleIndex >= 0) {
    // The file's title is the 课题 when the header table did not say.
    header = { topic: textOf(blocks[titleIndex]!).trim(), ...header }
    blocks = blocks.filter((_block, index) => index !== titleIndex)
  }

  const taken = new Set<string>()
  const boundaries: Boundary[] = []
  let nextNumber = 1
  blocks.forEach((block, index) => {
    const level = headingLevel(block)
    const isSectionHeading = level !== null && sectionLevel !== null && level <= sectionLevel
    if (!isSectionHeading && !isTitleParagraph(block, template, taken, nextNumber)) return
    const title = textOf(block).trim()
    const section = matchTemplateSection(title, template.sections, taken)
    if (section) taken.add(section.key)
    boundaries.push({ index, title, section })
    nextNumber = (chineseNumeralOf(title) ?? nextNumber - 1) + 1
  })

  const sections: JSONContent[] = []
  const outline: ImportedSection[] = []
  let ownSections = 0
  const addSection = (title: string, section: TemplateSection | null, body: JSONContent[]) => {
    const key = section?.key ?? `imported-${++ownSections}`
    const sectionTitle = section?.title ?? (normalizeHeading(title) || leadingSectionTitle)
    outline.push({ key, title: sectionTitle, fromTemplate: section !== null })
    sections.push({
      type: 'section',
      attrs: {
        key,
        title: sectionTitle,
        hint: '',
        teacherOnly: (section?.teacherOnly ?? false) || isMarkedTeacherOnly(title),
      },
      content:
        body.length > 0 ? markTeacherNotes(withSectionHeadingLevels(body, sectionLevel)) : [{ type: 'paragraph' }],
    })
  }

  const leading = blocks.slice(0, boundaries[0]?.index ?? blocks.length)
  if (leading.length > 0 || boundaries.length === 0) addSection(leadingSectionTitle, null, leading)
  boundaries.forEach((boundary, position) => {
    const end = boundaries[position + 1]?.index ?? blocks.length
    addSection(boundary.title, boundary.section, blocks.slice(boundary.index + 1, end))
  })
  return { header, sections, outline }
}
