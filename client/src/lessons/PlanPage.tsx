/** A group's 备课计划 for one semester: list or calendar; the leader adds, changes and deletes entries. */
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { LessonPlanInput, LessonSummary } from '../../../shared/api/lessons.ts'
import type { Me } from '../../../shared/api.ts'
import { decide } from '../../../shared/workflow/lesson-rules.ts'
import { localDateTime } from '../../../shared/workflow/lesson-schedule.ts'
import { addLesson, deleteLesson, updateLesson } from '../api/lessons.ts'
import { queries } from '../api/queries.ts'
import { failureText } from '../api/teacher-message.ts'
import { SemesterDownload } from '../export/SemesterDownload.tsx'
import { ImportLessonPanel } from '../import/ImportLessonPanel.tsx'
import { navigate } from '../routing.ts'
import { actorOf } from './me-actor.ts'
import { PlanCalendar } from './PlanCalendar.tsx'
import { PlanForm } from './PlanForm.tsx'
import { emptyPlanForm, planFormOf } from './plan-form.ts'
import { PlanList } from './PlanList.tsx'
import './lessons.css'

interface PlanPageProps {
  groupId: string
  semester?: string
  me: Me
}

type Editing = null | 'new' | LessonSummary

export function PlanPage({ groupId, semester, me }: PlanPageProps) {
  const queryClient = useQueryClient()
  const { data: plan, error } = useQuery(queries.plan(groupId, semester))
  /** A change of the plan changes its lessons everywhere: the plan of any semester, 我的任务, each lesson. */
  const reload = () => {
    void queryClient.invalidateQueries({ queryKey: ['plan', groupId] })
    void queryClient.invalidateQueries({ queryKey: ['assignments'] })
    void queryClient.invalidateQueries({ queryKey: ['lesson'] })
    void queryClient.invalidateQueries({ queryKey: ['group-overview'] })
  }
  const [view, setView] = useState<'list' | 'calendar'>('list')
  const [editing, setEditing] = useState<Editing>(null)
  const [importing, setImporting] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const today = localDateTime(new Date()).date

  if (error && !plan)
    return (
      <p className="page-message" role="alert">
        {error.message}
      </p>
    )
  if (!plan) return <p className="page-message">正在加载备课计划……</p>

  const manage = plan.manage.allowed
  const saved = () => {
    setEditing(null)
    setMessage(null)
    reload()
  }
  const save = async (input: LessonPlanInput) => {
    if (editing === 'new') await addLesson(groupId, input)
    else if (editing) await updateLesson(editing.id, input)
    saved()
  }
  const remove = async (lesson: LessonSummary) => {
    if (!window.confirm(`删除「${lesson.title}」？它的导学案初稿也会一起删除。`)) return
    try {
      await deleteLesson(lesson.id)
      saved()
    } catch (failure) {
      setMessage(failureText(failure, '删除失败'))
    }
  }
  const canDelete = (lesson: LessonSummary) =>
    decide('delete', actorOf(me), {
      schoolId: me.schoolId,
      groupId,
      stage: lesson.stage,
      leadPreparerId: lesson.leadPreparer.id,
      liveReviewOpen: lesson.liveReviewOpen,
      leadPreparerMentorIds: [],
      hasVersions: lesson.hasVersions,
    })

  return (
    <main className="lesson-page" data-testid="plan-page">
      <header className="plan-header">
        <div>
          <h1>备课计划</h1>
          <p className="muted">{plan.group.name}</p>
        </div>
        <label className="plan-semester">
          学期
          <select
            value={plan.semester}
            onChange={(event) => navigate({ page: 'plan', groupId, semester: event.target.value })}
            data-testid="plan-semester"
          >
            {plan.semesters.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <div className="view-switch" role="group" aria-label="显示方式">
          <button
            type="button"
            aria-pressed={view === 'list'}
            onClick={() => setView('list')}
            data-testid="plan-view-list"
          >
            列表
          </button>
          <button
            type="button"
            aria-pressed={view === 'calendar'}
            onClick={() => setView('calendar')}
            data-testid="plan-view-calendar"
          >
            周历
          </button>
        </div>
        {manage && editing === null && (
          <button type="button" className="primary" onClick={() => setEditing('new')} data-testid="plan-add">
            添加课
          </button>
        )}
        <SemesterDownload me={me} groupId={groupId} semester={plan.semester} />
        {manage && editing === null && !importing && (
          <button type="button" onClick={() => setImporting(true)} data-testid="plan-import">
            从 Word 导入
          </button>
        )}
      </header>
      {message && (
        <p className="banner banner-error" role="alert" data-testid="plan-message">
          {message}
        </p>
      )}
      {editing !== null && (
        <section className="work-panel">
          <h2>{editing === 'new' ? '添加一节课' : `修改「${editing.title}」`}</h2>
          <PlanForm
            key={editing === 'new' ? 'new' : editing.id}
            initial={editing === 'new' ? emptyPlanForm(today) : planFormOf(editing)}
            members={plan.members}
            units={plan.units}
            submitLabel={editing === 'new' ? '添加' : '保存'}
            onSubmit={save}
            onCancel={() => setEditing(null)}
          />
        </section>
      )}
      {importing && (
        <ImportLessonPanel
          groupId={groupId}
          members={plan.members}
          units={plan.units}
          today={today}
          onImported={reload}
          onClose={() => setImporting(false)}
        />
      )}
      {view === 'list' ? (
        <PlanList
          lessons={plan.lessons}
          actions={manage ? { canDelete, onEdit: setEditing, onDelete: (lesson) => void remove(lesson) } : null}
        />
      ) : (
        <PlanCalendar lessons={plan.lessons} today={today} />
      )}
    </main>
  )
}
