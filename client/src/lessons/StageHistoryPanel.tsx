/** Every move of the lesson: who moved it, when, from which stage to which. */
import { stageLabels } from '../../../shared/workflow/stages.ts'
import type { LessonPanelProps } from './lesson-panel-props.ts'
import { shortDateTimeText } from '../time-text.ts'

export function StageHistoryPanel({ detail }: LessonPanelProps) {
  return (
    <section className="work-panel" data-testid="stage-history" aria-labelledby="stage-history-title">
      <h2 id="stage-history-title">阶段记录</h2>
      {detail.history.length === 0 ? (
        <p className="muted">还在主备阶段，没有变更过。</p>
      ) : (
        <ol className="history-list">
          {detail.history.map((event) => (
            <li key={event.seq} data-testid="stage-event">
              <time dateTime={event.at}>{shortDateTimeText(event.at)}</time>
              <span>{event.actor.displayName}</span>
              <span>
                {stageLabels[event.from]} → {stageLabels[event.to]}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
