/** The leader's form for one entry of the 备课计划 (四定: 时间、地点、课题、主备人). */
import { type FormEvent, useState } from 'react'
import { commonLessonTypes, type LessonPlanInput, type Person } from '../../../shared/api/lessons.ts'
import { type PlanFormFields, planInputOf } from './plan-form.ts'

interface PlanFormProps {
  initial: PlanFormFields
  members: readonly Person[]
  /** 单元 the group already uses, suggested as the leader types (LIBRARY-12). */
  units: readonly string[]
  submitLabel: string
  /** Rejects with a message to show, e.g. the server's reason. */
  onSubmit: (input: LessonPlanInput) => Promise<void>
  onCancel: () => void
}

export function PlanForm({ initial, members, units, submitLabel, onSubmit, onCancel }: PlanFormProps) {
  const [fields, setFields] = useState(initial)
  const [problem, setProblem] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const set = (name: keyof PlanFormFields) => (event: { target: { value: string } }) =>
    setFields((current) => ({ ...current, [name]: event.target.value }))

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const checked = planInputOf(fields)
    if ('problem' in checked) return setProblem(checked.problem)
    setSaving(true)
    try {
      await onSubmit(checked.input)
    } catch (failure) {
      setProblem(failure instanceof Error ? failure.message : '保存失败')
      setSaving(false)
    }
  }

  return (
    <form className="plan-form" onSubmit={(event) => void submit(event)} data-testid="plan-form">
      <label className="plan-field wide">
        课题
        <input
          value={fields.title}
          onChange={set('title')}
          placeholder="如：3.2 解一元一次方程（一）"
          data-testid="plan-title"
        />
      </label>
      <label className="plan-field wide">
        单元
        <input
          value={fields.unit}
          onChange={set('unit')}
          list="lesson-units"
          placeholder="如：第三章 一元一次方程（可不填）"
          data-testid="plan-unit"
        />
        <datalist id="lesson-units">
          {units.map((unit) => (
            <option key={unit} value={unit} />
          ))}
        </datalist>
      </label>
      <label className="plan-field">
        课型
        <input
          value={fields.lessonType}
          onChange={set('lessonType')}
          list="lesson-types"
          data-testid="plan-lesson-type"
        />
        <datalist id="lesson-types">
          {commonLessonTypes.map((type) => (
            <option key={type} value={type} />
          ))}
        </datalist>
      </label>
      <label className="plan-field narrow">
        课时
        <input type="number" min={1} value={fields.period} onChange={set('period')} data-testid="plan-period" />
      </label>
      <label className="plan-field">
        日期
        <input type="date" value={fields.scheduledDate} onChange={set('scheduledDate')} data-testid="plan-date" />
      </label>
      <label className="plan-field">
        时间
        <input type="time" value={fields.scheduledTime} onChange={set('scheduledTime')} data-testid="plan-time" />
      </label>
      <label className="plan-field">
        地点
        <input value={fields.place} onChange={set('place')} placeholder="如：数学教研室" data-testid="plan-place" />
      </label>
      <label className="plan-field">
        主备人
        <select value={fields.leadPreparerId} onChange={set('leadPreparerId')} data-testid="plan-lead-preparer">
          <option value="">请选择</option>
          {members.map((member) => (
            <option key={member.id} value={member.id}>
              {member.displayName}
            </option>
          ))}
        </select>
      </label>
      {problem && (
        <p className="form-error plan-problem" role="alert" data-testid="plan-form-error">
          {problem}
        </p>
      )}
      <div className="plan-form-actions">
        <button type="submit" className="primary" disabled={saving} data-testid="plan-submit">
          {saving ? '正在保存……' : submitLabel}
        </button>
        <button type="button" className="link-button" onClick={onCancel} data-testid="plan-cancel">
          取消
        </button>
      </div>
    </form>
  )
}
