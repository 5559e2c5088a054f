/**
 * 教案检查 (教导处): for a semester, every teacher with the 等级 and 评语 recorded, a form to record or
 * change one, and the school's counts and checks as an Excel sheet.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { PlanCheck } from '../../../shared/api/checks.ts'
import type { Account } from '../../../shared/api/school.ts'
import {
  checkGradeLabels,
  checkGrades,
  type CheckGrade,
  maxCheckCommentLength,
} from '../../../shared/checks/plan-check-rules.ts'
import { localDateTime, recentSemesters } from '../../../shared/workflow/lesson-schedule.ts'
import { checkExportUrl, recordCheck } from '../api/checks.ts'
import { queries, schoolKey } from '../api/queries.ts'
import { failureText } from '../api/teacher-message.ts'
import { dateTimeText } from '../time-text.ts'

/** Two school years back: the office checks this semester and now and then looks at earlier ones. */
const semesterChoices = 4

export function ChecksPanel({ accounts }: { accounts: readonly Account[] }) {
  const semesters = recentSemesters(localDateTime(new Date()).date, semesterChoices)
  const [semester, setSemester] = useState(semesters[0]!)
  const [editing, setEditing] = useState<string | null>(null)
  const { data: checks, error } = useQuery(queries.schoolChecks(semester))
  const checkOf = new Map((checks ?? []).map((check) => [check.teacherId, check]))
  const names = new Map(accounts.map((account) => [account.id, account.displayName]))
  const teachers = accounts.filter(
    (account) => account.role !== 'guest' && (account.disabledAt === null || checkOf.has(account.id)),
  )

  return (
    <section>
      <div className="school-form school-inline">
        <label>
          学期
          <select
            value={semester}
            onChange={(event) => {
              setSemester(event.target.value)
              setEditing(null)
            }}
            data-testid="check-semester"
          >
            {semesters.map((choice) => (
              <option key={choice}>{choice}</option>
            ))}
          </select>
        </label>
        <a href={checkExportUrl(semester)} download data-testid="check-export">
          导出 Excel（备课统计和检查结果）
        </a>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <table className="school-table" data-testid="check-table">
        <thead>
          <tr>
            <th>姓名</th>
            <th>等级</th>
            <th>评语</th>
            <th>检查人 · 时间</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {teachers.map((teacher) => {
            const check = checkOf.get(teacher.id)
            return editing === teacher.id ? (
              <tr key={teacher.id} data-testid="check-row">
                <td>{teacher.displayName}</td>
                <td colSpan={4}>
                  <CheckForm
                    teacherId={teacher.id}
                    semester={semester}
                    check={check ?? null}
                    onDone={() => setEditing(null)}
                  />
                </td>
              </tr>
            ) : (
              <tr key={teacher.id} data-testid="check-row">
                <td>{teacher.displayName}</td>
                <td data-testid="check-grade">{check ? checkGradeLabels[check.grade] : '未检查'}</td>
                <td className="check-comment">{check?.comment}</td>
                <td className="school-muted">
                  {check ? `${names.get(check.checkedBy) ?? ''} · ${dateTimeText(check.checkedAt)}` : ''}
                </td>
                <td className="school-actions">
                  <button type="button" className="link-button" onClick={() => setEditing(teacher.id)}>
                    {check ? '修改' : '检查'}
                  </button>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}

function CheckForm({
  teacherId,
  semester,
  check,
  onDone,
}: {
  teacherId: string
  semester: string
  check: PlanCheck | null
  onDone: () => void
}) {
  const queryClient = useQueryClient()
  const [grade, setGrade] = useState<CheckGrade | ''>(check?.grade ?? '')
  const [comment, setComment] = useState(check?.comment ?? '')
  const save = useMutation({
    mutationFn: (chosen: CheckGrade) => recordCheck(teacherId, { semester, grade: chosen, comment }),
    // The check is logged too: the audit log is under the same key.
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: schoolKey })
      onDone()
    },
  })

  return (
    <form
      className="school-form"
      onSubmit={(event) => {
        event.preventDefault()
        if (grade !== '') save.mutate(grade)
      }}
      data-testid="check-form"
    >
      <div className="school-choices" role="radiogroup" aria-label="等级">
        {checkGrades.map((choice) => (
          <label key={choice}>
            <input
              type="radio"
              name={`grade-${teacherId}`}
              value={choice}
              checked={grade === choice}
              onChange={() => setGrade(choice)}
            />
            {checkGradeLabels[choice]}
          </label>
        ))}
      </div>
      <label>
        评语
        <textarea
          value={comment}
          rows={3}
          maxLength={maxCheckCommentLength}
          onChange={(event) => setComment(event.target.value)}
          data-testid="check-comment"
        />
      </label>
      {save.error && (
        <p className="form-error" role="alert">
          {failureText(save.error, '保存失败，请再试一次')}
        </p>
      )}
      <div>
        <button type="submit" disabled={grade === '' || save.isPending} data-testid="check-save">
          保存
        </button>{' '}
        <button type="button" className="link-button" onClick={onDone}>
          取消
        </button>
      </div>
    </form>
  )
}
