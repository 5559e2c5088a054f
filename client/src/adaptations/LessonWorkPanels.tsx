/**
 * What the lesson page shows below the plan from 定稿 on: versions, 二次备课, 课后反思 and 同课异构.
 * One drop-in for the lesson page; each panel decides from the lesson's permissions what to offer.
 */
import type { LessonDetail } from '../../../shared/api/lessons.ts'
import type { Me } from '../../../shared/api.ts'
import { VersionsPanel } from '../versions/VersionsPanel.tsx'
import { AdaptationsPanel } from './AdaptationsPanel.tsx'
import { ReflectionsPanel } from './ReflectionsPanel.tsx'
import { VariantsPanel } from './VariantsPanel.tsx'

export function LessonWorkPanels({ detail, me }: { detail: LessonDetail; me: Me }) {
  return (
    <>
      <VersionsPanel detail={detail} />
      <AdaptationsPanel detail={detail} me={me} />
      <ReflectionsPanel detail={detail} me={me} />
      <VariantsPanel detail={detail} me={me} />
    </>
  )
}
