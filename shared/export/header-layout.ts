/**
 * The header as a printed form: two label/value pairs per row (学科 数学 | 年级 七年级), and a row of
 * its own for a field whose value would not fit in half the width (课题, 使用班级, 参加人员 …). The
 * .docx and the HTML lay out the same rows.
 */
import type { HeaderRow } from './export-model.ts'

/** Characters that fit in a value cell of half the A4 width at 小四. */
const halfRowCharacters = 14

export type HeaderLine = [HeaderRow] | [HeaderRow, HeaderRow]

export function headerLines(rows: readonly HeaderRow[]): HeaderLine[] {
  const lines: HeaderLine[] = []
  let waiting: HeaderRow | null = null
  for (const row of rows) {
    if (isWide(row)) {
      // The form keeps its order: a field left waiting for a partner gets the whole row instead.
      if (waiting) lines.push([waiting])
      waiting = null
      lines.push([row])
    } else if (waiting) {
      lines.push([waiting, row])
      waiting = null
    } else {
      waiting = row
    }
  }
  if (waiting) lines.push([waiting])
  return lines
}

function isWide(row: HeaderRow): boolean {
  return row.label === '课题' || [...row.value].length > halfRowCharacters
}
