/** 主备 → 研讨 → 定稿 → 二次备课 → 课后反思 → 归档, with the lesson's stage marked and those behind it done. */
import { type LessonStage, lessonStages, stageLabels } from '../../../shared/workflow/stages.ts'

export function StageProgress({ stage }: { stage: LessonStage }) {
  const current = lessonStages.indexOf(stage)
  return (
    <ol className="stage-progress" data-testid="stage-progress" aria-label="备课阶段">
      {lessonStages.map((step, index) => {
        const state = index < current ? 'done' : index === current ? 'current' : 'todo'
        return (
          <li key={step} className={`stage-step step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            {stageLabels[step]}
          </li>
        )
      })}
    </ol>
  )
}
