/** The pages of 定稿 versions, 磨课 rounds, 二次备课 and 同课异构, loaded together and lazily (they need Tiptap to render). */
import type { Me } from '../../../shared/api.ts'
import { AdaptationPage } from '../adaptations/AdaptationPage.tsx'
import { VariantComparePage } from '../adaptations/VariantComparePage.tsx'
import type { VersionRoute } from '../routing.ts'
import { RoundComparePage } from './RoundComparePage.tsx'
import { VersionComparePage } from './VersionComparePage.tsx'
import { VersionPage } from './VersionPage.tsx'

export function VersionPages({ route, me }: { route: VersionRoute; me: Me }) {
  switch (route.page) {
    case 'version':
      return <VersionPage versionId={route.versionId} me={me} />
    case 'versionCompare':
      return <VersionComparePage lessonId={route.lessonId} from={route.from} to={route.to} />
    case 'roundCompare':
      return <RoundComparePage lessonId={route.lessonId} from={route.from} to={route.to} />
    case 'adaptation':
      return <AdaptationPage documentId={route.documentId} me={me} />
    case 'variantCompare':
      return <VariantComparePage lessonId={route.lessonId} left={route.left} right={route.right} />
    default:
      return route satisfies never
  }
}
