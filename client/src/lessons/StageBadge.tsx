import type { LessonStage } from '../../../shared/workflow/stages.ts'
import { stageLabels } from '../../../shared/workflow/stages.ts'

export function StageBadge({ stage }: { stage: LessonStage }) {
  return (
    <span className={`stage-badge stage-${stage}`} data-testid="stage-badge" data-stage={stage}>
      {stageLabels[stage]}
    </span>
  )
}

export function OverdueFlag() {
  return (
    <span className="overdue-flag" data-testid="overdue-flag" title="已过计划日期，还没有定稿">
      已逾期
    </span>
  )
}
