/**
 * [CHECK-5] The school's 教案检查 of a semester as an .xlsx for the office: a sheet 统计 with every
 * group's per-teacher counts (the same the group page shows) and a sheet 教案检查 with every teacher's
 * check, blank where none is recorded yet, so the office sees whom it still has to check.
 */
import type { Workbook } from 'exceljs'
import type { Actor } from '../../shared/access.ts'
import { checkGradeLabels, mayReadSchoolChecks } from '../../shared/checks/plan-check-rules.ts'
import { localDateTime } from '../../shared/workflow/lesson-schedule.ts'
import { groupOverviewFor, visibleGroups } from '../stats/group-overview.ts'
import type { Store } from '../store/store.ts'
import type { ContentContext } from '../versions/document-content.ts'
import { forbid, type Outcome, succeed } from '../workflow/outcome.ts'

export type CheckExportContext = ContentContext & { store: Pick<Store, 'checks'> }

/** exceljs is large: it loads with the first sheet asked for, not at start. */
async function newWorkbook(): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs')
  return new ExcelJS.Workbook()
}

export async function checkExport(
  context: CheckExportContext,
  actor: Actor,
  semester: string,
): Promise<Outcome<Uint8Array>> {
  if (!mayReadSchoolChecks(actor)) return forbid('只有教导处可以导出全校的教案检查')
  const [groups, accounts, checks] = await Promise.all([
    visibleGroups(context, actor),
    context.store.accounts.listAccounts(actor.schoolId),
    context.store.checks.listChecks(actor.schoolId, semester),
  ])
  const workbook = await newWorkbook()
  const counts = workbook.addWorksheet('统计', { views: [{ state: 'frozen', ySplit: 1 }] })
  counts.columns = [
    { header: '姓名', key: 'name', width: 12 },
    { header: '备课组', key: 'group', width: 24 },
    { header: '主备', key: 'leadPrepared', width: 8 },
    { header: '二次备课', key: 'adaptations', width: 10 },
    { header: '反思', key: 'reflections', width: 8 },
    { header: '批注', key: 'comments', width: 8 },
  ]
  counts.getRow(1).font = { bold: true }
  // One group at a time: each overview reads every document of the group's semester.
  for (const group of groups) {
    const overview = await groupOverviewFor(context, actor, { groupId: group.id, semester })
    if (!overview.ok) continue
    for (const row of overview.value.teachers) {
      counts.addRow({
        name: row.teacher.displayName,
        group: group.name,
        leadPrepared: row.leadPrepared,
        adaptations: row.adaptations,
        reflections: row.reflections,
        comments: row.comments,
      })
    }
  }

  const sheet = workbook.addWorksheet('教案检查', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = [
    { header: '姓名', key: 'name', width: 12 },
    { header: '学期', key: 'semester', width: 24 },
    { header: '等级', key: 'grade', width: 8 },
    { header: '评语', key: 'comment', width: 60 },
    { header: '检查人', key: 'checkedBy', width: 12 },
    { header: '时间', key: 'checkedAt', width: 18 },
  ]
  sheet.getRow(1).font = { bold: true }
  const names = new Map(accounts.map((account) => [account.id, account.displayName]))
  const checkOf = new Map(checks.map((check) => [check.teacherId, check]))
  const teachers = accounts.filter(
    (account) => account.role !== 'guest' && (account.disabledAt === null || checkOf.has(account.id)),
  )
  for (const teacher of teachers) {
    const check = checkOf.get(teacher.id)
    const at = check ? localDateTime(check.checkedAt) : null
    sheet.addRow({
      name: teacher.displayName,
      semester,
      grade: check ? checkGradeLabels[check.grade] : '',
      comment: check?.comment ?? '',
      checkedBy: check ? (names.get(check.checkedBy) ?? '') : '',
      checkedAt: at ? `${at.date} ${at.time}` : '',
    })
  }
  sheet.getColumn('comment').alignment = { wrapText: true, vertical: 'top' }
  return succeed(new Uint8Array(await workbook.xlsx.writeBuffer()))
}
