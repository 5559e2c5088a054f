/** Staff roster files as schools make them: .xlsx from Excel, CSV in UTF-8 (with or without BOM) and in GBK. */
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { rosterColumns } from '../../shared/school/roster-rules.ts'

export type RosterCells = (string | number)[][]

export const rosterHeaderRow = [...rosterColumns]

export async function rosterXlsx(rows: RosterCells, header: string[] = rosterHeaderRow): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('教职工名单')
  sheet.addRow(header)
  for (const row of rows) sheet.addRow(row)
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

function csvText(rows: RosterCells, header: string[]): string {
  const quote = (cell: string | number) =>
    /[",\n]/.test(String(cell)) ? `"${String(cell).replaceAll('"', '""')}"` : String(cell)
  return [header, ...rows].map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n'
}

export function rosterCsv(
  rows: RosterCells,
  encoding: 'utf-8' | 'utf-8-bom' | 'gbk',
  header: string[] = rosterHeaderRow,
): Uint8Array {
  const text = csvText(rows, header)
  if (encoding === 'gbk') return new Uint8Array(iconv.encode(text, 'gbk'))
  const bytes = new TextEncoder().encode(text)
  return encoding === 'utf-8' ? bytes : new Uint8Array([0xef, 0xbb, 0xbf, ...bytes])
}
