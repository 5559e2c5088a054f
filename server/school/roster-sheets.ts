/**
 * The two sheets the office downloads: the roster template (教职工名单模板), and after an import the
 * one-time passwords to hand out (初始密码). Built with exceljs; usernames and passwords are text cells
 * so Excel keeps a 工号 like 007 as typed.
 */
import type { DataValidation, Workbook, Worksheet } from 'exceljs'
import type { RosterPassword } from '../../shared/api/roster.ts'
import { roleLabels } from '../../shared/school/account-rules.ts'
import { maxRosterRows, rosterColumns } from '../../shared/school/roster-rules.ts'

const textFormat = '@'
const columnWidths: Record<(typeof rosterColumns)[number], number> = {
  姓名: 12,
  用户名: 16,
  角色: 10,
  备课组: 28,
  学科: 10,
  年级: 10,
  初始密码: 16,
}

const instructions = [
  '每行一位教职工，第一行是表头，请不要改动表头。',
  '姓名、用户名必填。用户名用于登录：字母、数字或 . _ @ -，2–64 位，全校（全系统）唯一，可用工号或拼音。',
  `角色填 ${roleLabels.admin}、${roleLabels.leader} 或 ${roleLabels.teacher}，不填即为教师。校外教研员须设访问期限，请在“账号”页单独添加。`,
  '备课组：一人在几个组就写几个，用顿号（、）隔开，如：七年级数学备课组、七年级班主任组。系统里还没有的备课组会新建，预览时会列出，请核对有无错字。',
  '学科、年级：写给该行备课组的，可不填；同一备课组在各行须一致。',
  '组长：一个备课组里只有一位组长时，他就是该组的组长；有几位时请导入后在“备课组”页指定。',
  '初始密码可不填：系统会为每人生成一次性密码，导入后只显示一次，可下载成表格分发。无论哪种，首次登录都须改密码。',
  '再次导入同一份名单只会更新（按用户名对应），不会重复建号；名单里没有的账号不受影响，也不会被停用。已有账号的初始密码不会被改动。',
  `一次最多 ${maxRosterRows} 行。也可另存为 CSV（UTF-8 或 GBK 编码均可）再导入。`,
]

/** exceljs is large: it loads with the first sheet asked for, not at start. */
async function newWorkbook(): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs')
  return new ExcelJS.Workbook()
}

export async function rosterTemplate(): Promise<Uint8Array> {
  const workbook = await newWorkbook()
  const sheet = workbook.addWorksheet('教职工名单', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = rosterColumns.map((column) => ({ header: column, key: column, width: columnWidths[column] }))
  sheet.getRow(1).font = { bold: true }
  for (const column of ['用户名', '初始密码'] as const) sheet.getColumn(column).numFmt = textFormat
  const roleColumn = sheet.getColumn('角色').letter
  const roles = [roleLabels.admin, roleLabels.leader, roleLabels.teacher].join(',')
  validations(sheet).add(`${roleColumn}2:${roleColumn}${maxRosterRows + 1}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${roles}"`],
    showErrorMessage: true,
    errorTitle: '角色',
    error: `请从 ${roles.replaceAll(',', '、')} 中选择`,
  })
  const help = workbook.addWorksheet('填写说明')
  help.getColumn(1).width = 110
  help.addRow(['填写说明']).font = { bold: true }
  for (const line of instructions) help.addRow([line])
  help.addRow([])
  help.addRow(['示例（请填在“教职工名单”表中，不要填在这里）：']).font = { bold: true }
  help.addRow(['张丽 | zhangli | 组长 | 七年级数学备课组 | 数学 | 七年级 | （不填）'])
  help.addRow(['王强 | 1024 | 教师 | 七年级数学备课组、八年级数学备课组 | 数学 |  | Wq20240901'])
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

/** exceljs keeps a sheet's validations by range and writes them so, but its types leave them out. */
function validations(sheet: Worksheet): { add(range: string, validation: DataValidation): void } {
  return (sheet as unknown as { dataValidations: { add(range: string, validation: DataValidation): void } })
    .dataValidations
}

export async function passwordSheet(passwords: readonly RosterPassword[]): Promise<Uint8Array> {
  const workbook = await newWorkbook()
  const sheet = workbook.addWorksheet('初始密码')
  sheet.columns = [
    { header: '姓名', key: 'displayName', width: 12 },
    { header: '用户名', key: 'username', width: 18, style: { numFmt: textFormat } },
    { header: '初始密码', key: 'password', width: 18, style: { numFmt: textFormat } },
    { header: '说明', key: 'note', width: 36 },
  ]
  sheet.getRow(1).font = { bold: true }
  for (const { displayName, username, password } of passwords) {
    sheet.addRow({ displayName, username, password, note: '首次登录后须修改密码' })
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
