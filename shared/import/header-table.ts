/**
 * The header of an imported 导学案: schools print it as a table of labels and values (“学科 | 数学 |
 * 年级 | 七年级”) or as “学科：数学” lines in cells. Pure: the rows come in as the cells' text.
 */
import { type HeaderFieldKey, type HeaderValues, headerFieldKeys } from '../schema/header-fields.ts'

/** What schools write as the label of each field. */
const labelsOfField: Record<HeaderFieldKey, readonly string[]> = {
  subject: ['学科', '科目'],
  grade: ['年级'],
  topic: ['课题', '课题名称', '课名', '课文题目'],
  lessonType: ['课型'],
  period: ['课时', '课时数'],
  leadPreparer: ['主备人', '主备', '主备教师', '主备老师', '执笔人', '执笔', '设计者', '设计人'],
  reviewer: ['审核人', '审核', '审核教师', '审阅人', '审核者'],
  classes: ['使用班级', '授课班级', '班级', '使用人', '使用者'],
  date: ['日期', '时间', '授课时间', '上课时间', '上课日期', '授课日期', '使用时间', '备课时间'],
}

const fieldOfLabel = new Map<string, HeaderFieldKey>(
  headerFieldKeys.flatMap((field) => labelsOfField[field].map((label) => [label, field] as const)),
)

/** Longest labels first, so “使用班级” is read before “班级”. */
const labelAlternatives = [...fieldOfLabel.keys()].sort((a, b) => b.length - a.length).join('|')
const inlinePair = new RegExp(
  `(${labelAlternatives})\\s*[:：]\\s*(.*?)\\s*(?=(?:${labelAlternatives})\\s*[:：]|$)`,
  'g',
)
const startsWithPair = new RegExp(`^(?:${labelAlternatives})\\s*[:：]`)

function fieldOf(cell: string): HeaderFieldKey | undefined {
  return fieldOfLabel.get(cell.replace(/\s+/g, '').replace(/[:：]$/, ''))
}

/** A value as the header holds it: one line; fill-in blanks (“____”) count as empty. */
function cleanValue(value: string): string {
  return value
    .replace(/[_＿]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * The header fields a table gives, or null if it is not a header table (fewer than two fields). The
 * first value of a field wins.
 */
export function headerValuesFromTable(rows: readonly (readonly string[])[]): HeaderValues | null {
  const values: HeaderValues = {}
  const found = new Set<HeaderFieldKey>()
  const put = (field: HeaderFieldKey, value: string) => {
    found.add(field)
    const cleaned = cleanValue(value)
    if (cleaned && values[field] === undefined) values[field] = cleaned
  }
  for (const row of rows) {
    for (let index = 0; index < row.length; index++) {
      const cell = row[index]!
      const field = fieldOf(cell)
      if (field) {
        const next = row[index + 1]
        if (next !== undefined && !fieldOf(next) && !startsWithPair.test(next)) {
          put(field, next)
          index++
        } else {
          found.add(field)
        }
        continue
      }
      for (const [, label, value] of cell.matchAll(inlinePair)) put(fieldOfLabel.get(label!)!, value!)
    }
  }
  return found.size >= 2 ? values : null
}
