/**
 * The stage moves `decide` allows this user (the others disabled, with the reason as a tooltip), and the
 * leader's 集体研讨 switch. A refused request shows the server's reason.
 */
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { LessonDetail, StageMove } from '../../../shared/api/lessons.ts'
import { moveLesson, setLiveReview } from '../api/lessons.ts'
import { lessonKey } from '../api/queries.ts'
import { failureText } from '../api/teacher-message.ts'
import type { LessonPanelProps } from './lesson-panel-props.ts'

const confirmations: Partial<Record<StageMove['to'], string>> = {
  finalized: '定稿后，共享导学案会保存为一个不可更改的版本，所有人都只能阅读。确定定稿？',
  archived: '归档后，这节课的导学案、记录和反思都不能再修改。确定归档？',
}

export function StageActionsPanel({ detail, onChanged }: LessonPanelProps) {
  const queryClient = useQueryClient()
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState<string | null>(null)
  const { lesson, moves, permissions } = detail
  const reasons = [...new Set(moves.flatMap((next) => (next.allowed || !next.reason ? [] : [next.reason])))]

  const run = async (request: () => Promise<LessonDetail>) => {
    setBusy(true)
    setRefusal(null)
    try {
      onChanged(await request())
    } catch (failure) {
      setRefusal(failureText(failure, '操作失败'))
      // A colleague may have moved the lesson since this page loaded: show where it is now, so the
      // reason (e.g. 不能从「定稿」直接进入「主备」) matches the page.
      void queryClient.invalidateQueries({ queryKey: lessonKey(lesson.id) })
    } finally {
      setBusy(false)
    }
  }
  const move = (next: StageMove) => {
    const question = confirmations[next.to]
    if (question && !window.confirm(question)) return
    void run(() => moveLesson(lesson.id, next.to))
  }

  return (
    <section className="work-panel" data-testid="stage-actions" aria-labelledby="stage-actions-title">
      <h2 id="stage-actions-title">阶段</h2>
      {moves.length === 0 && <p className="muted">这节课已归档。</p>}
      <div className="work-actions">
        {moves.map((next) => (
          <button
            key={next.to}
            type="button"
            className={next.allowed ? 'primary' : 'secondary'}
            disabled={busy || !next.allowed}
            title={next.allowed ? undefined : next.reason}
            onClick={() => move(next)}
            data-testid="stage-move"
            data-to={next.to}
          >
            {next.label}
          </button>
        ))}
        {reasons.map((reason) => (
          <span key={reason} className="refusal" data-testid="stage-move-reason">
            {reason}
          </span>
        ))}
      </div>
      {lesson.stage === 'review' && (
        <div className="live-review" data-testid="live-review" data-open={lesson.liveReviewOpen}>
          <span>
            {lesson.liveReviewOpen
              ? '集体研讨进行中：全组老师都可以修改共享导学案。'
              : '集体研讨未开启：由主备人和组长修改，其他老师阅读、批注。'}
          </span>
          {permissions.liveReview.allowed && (
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => void run(() => setLiveReview(lesson.id, !lesson.liveReviewOpen))}
              data-testid="live-review-toggle"
            >
              {lesson.liveReviewOpen ? '结束集体研讨' : '开启集体研讨'}
            </button>
          )}
        </div>
      )}
      {refusal && (
        <p className="banner banner-error" role="alert" data-testid="stage-refusal">
          {refusal}
        </p>
      )}
    </section>
  )
}
