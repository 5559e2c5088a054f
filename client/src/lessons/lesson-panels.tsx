/**
 * The panels of the lesson page, in order. Each is a small component taking `LessonPanelProps`; to add
 * a panel to the page, add it here. Panels that depend on the stage reload when `detail` changes.
 */
import type { ComponentType } from 'react'
import { LessonWorkPanels } from '../adaptations/LessonWorkPanels.tsx'
import { LineagePanel } from '../library/LineagePanel.tsx'
import { MeetingsPanel } from '../meetings/MeetingsPanel.tsx'
import { RoundsPanel } from '../versions/RoundsPanel.tsx'
import type { LessonPanelProps } from './lesson-panel-props.ts'
import { SharedPlanPanel } from './SharedPlanPanel.tsx'
import { StageActionsPanel } from './StageActionsPanel.tsx'
import { StageHistoryPanel } from './StageHistoryPanel.tsx'

export const lessonPanels: readonly { key: string; Panel: ComponentType<LessonPanelProps> }[] = [
  { key: 'stage', Panel: StageActionsPanel },
  { key: 'shared-plan', Panel: SharedPlanPanel },
  // 来源 and 被引用 (docs/LIBRARY.md)
  { key: 'lineage', Panel: ({ detail }) => <LineagePanel lessonId={detail.lesson.id} /> },
  // 磨课轮次 (docs/LIBRARY.md)
  { key: 'rounds', Panel: RoundsPanel },
  // 定稿版本, 二次备课, 课后反思, 同课异构
  { key: 'work', Panel: ({ detail, me }) => <LessonWorkPanels detail={detail} me={me} /> },
  { key: 'meetings', Panel: ({ detail }) => <MeetingsPanel detail={detail} /> },
  { key: 'history', Panel: StageHistoryPanel },
]
