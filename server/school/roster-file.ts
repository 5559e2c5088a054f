/**
 * Reads an uploaded staff roster into rows of text cells: an .xlsx through exceljs, a .csv through
 * csv-parse after its encoding is found (a byte-order mark, else valid UTF-8, else GB18030, which is
 * what Chinese Excel and WPS write as "CSV" and which contains GBK). The kind of file is told by its
 * bytes, not its name. A file that cannot be read is refused with a Chinese reason ([SCHOOL-14]); an
 * encrypted .xlsx is a compound file like an old .xls, and is told apart by neither.
 */
import { parse } from 'csv-parse/sync'
import type { Cell, Worksheet } from 'exceljs'
import iconv from 'iconv-lite'
import { isBlankRow, maxRosterRows, type RosterSheetRow } from '../../shared/school/roster-rules.ts'
import type { ErrorCode } from '../../shared/api/error-codes.ts'
import {
  inflateEntry,
  looksLikeZip,
  readZipDirectory,
  ZipFormatError,
  ZipSizeMismatchError,
} from '../import/zip-directory.ts'

/** An honest .xlsx of `maxRosterRows` rows unpacks to a few MB; more is a zip bomb. */
const maxUnpackedBytes = 64 * 1024 * 1024
const maxZipEntries = 2000

export interface RosterTable {
  header: readonly string[]
  /** Non-blank rows under the header. */
  rows: RosterSheetRow[]
}

/** A file the roster cannot be read from, with the reason for the office. */
export class RosterFileRefusal extends Error {
  constructor(
    readonly code: Extract<
      ErrorCode,
      'invalid_request' | 'unsupported_file' | 'unsafe_file' | 'corrupt_file' | 'payload_too_large'
    >,
    message: string,
  ) {
    super(message)
  }
}

const unreadableSheet = () =>
  new RosterFileRefusal('corrupt_file', '无法读取这个表格文件，请在 Excel 或 WPS 中打开后另存为 .xlsx 再试')
const notASheet = () => new RosterFileRefusal('unsupported_file', '请上传 Excel 表格（.xlsx）或 CSV 文件')

export async function readRosterFile(bytes: Uint8Array): Promise<RosterTable> {
  if (bytes.length === 0) throw new RosterFileRefusal('unsupported_file', '文件是空的')
  const rows = looksLikeZip(bytes) ? await readXlsx(bytes) : readCsv(bytes)
  return tableOf(rows)
}

/** The first non-blank row is the header; the rest keep their row numbers as Excel shows them. */
function tableOf(rows: RosterSheetRow[]): RosterTable {
  const filled = rows.filter((row) => !isBlankRow(row.cells))
  const [header, ...body] = filled
  if (header === undefined)
    throw new RosterFileRefusal('invalid_request', '表格是空的：第一行须是表头，下面每行一位教职工')
  if (body.length > maxRosterRows) {
    throw new RosterFileRefusal(
      'payload_too_large',
      `名单最多 ${maxRosterRows} 行，这个文件有 ${body.length} 行，请分几次导入`,
    )
  }
  return { header: header.cells.map((cell) => cell.trim()), rows: body }
}

const oleSignature = [0xd0, 0xcf, 0x11, 0xe0]

function readCsv(bytes: Uint8Array): RosterSheetRow[] {
  if (oleSignature.every((byte, index) => bytes[index] === byte)) {
    throw new RosterFileRefusal(
      'unsupported_file',
      '这是旧版 Excel 文件（.xls）或加了密码的表格，请在 Excel 或 WPS 中另存为不加密码的 .xlsx 再导入',
    )
  }
  const text = decodeText(bytes)
  if (text.includes('\u0000')) throw notASheet()
  const firstLine = text.slice(0, text.search(/\r?\n|$/))
  // Excel's "Unicode text" is tab-separated; its CSV uses commas.
  const delimiter = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ','
  let records: string[][]
  try {
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false })
  } catch {
    throw new RosterFileRefusal(
      'corrupt_file',
      'CSV 文件的格式不对（引号没有配对？），请在 Excel 或 WPS 中打开后重新保存',
    )
  }
  return records.map((cells, index) => ({ row: index + 1, cells }))
}

/** [SCHOOL-14] A byte-order mark decides; without one, UTF-8 if the bytes are valid UTF-8, else GB18030. */
export function decodeText(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return buffer.subarray(3).toString('utf8')
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(buffer.subarray(2), 'utf-16le')
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(buffer.subarray(2), 'utf-16be')
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return iconv.decode(buffer, 'gb18030')
  }
}

async function readXlsx(bytes: Uint8Array): Promise<RosterSheetRow[]> {
  checkUnpackedSize(bytes)
  // exceljs is large: it loads with the first roster, not at start.
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer)
  } catch {
    throw unreadableSheet()
  }
  const sheets = workbook.worksheets.map(rowsOfSheet)
  // The template has a second sheet of instructions: the roster is the sheet whose header names 用户名.
  const roster = sheets.find((rows) =>
    rows.find((row) => !isBlankRow(row.cells))?.cells.some((cell) => cell.includes('用户名')),
  )
  const chosen = roster ?? sheets[0]
  if (chosen === undefined) throw unreadableSheet()
  return chosen
}

function rowsOfSheet(sheet: Worksheet): RosterSheetRow[] {
  const rows: RosterSheetRow[] = []
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = []
    for (let column = 1; column <= row.cellCount; column++) cells.push(cellText(row.getCell(column)))
    rows.push({ row: rowNumber, cells })
  })
  return rows
}

/** What the cell shows: a formula's result, a rich text's words, a number as typed. */
function cellText(cell: Cell): string {
  try {
    return cell.text ?? ''
  } catch {
    return ''
  }
}

/** Checks what the zip says it holds, and that it holds no more than it says, before exceljs unpacks it. */
function checkUnpackedSize(bytes: Uint8Array): void {
  const tooBig = () => new RosterFileRefusal('unsafe_file', '这个文件解压后异常庞大，不像正常的名单表格，已拒绝')
  try {
    const entries = readZipDirectory(bytes)
    if (entries.length > maxZipEntries) throw tooBig()
    if (entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0) > maxUnpackedBytes) throw tooBig()
    for (const entry of entries) if (!entry.name.endsWith('/')) inflateEntry(bytes, entry)
  } catch (error) {
    if (error instanceof ZipSizeMismatchError) throw tooBig()
    if (error instanceof ZipFormatError) throw unreadableSheet()
    throw error
  }
}
