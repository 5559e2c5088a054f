/** One 定稿 version, read-only, as it was when it was finalized. */
import { useQuery } from '@tanstack/react-query'
import type { Me } from '../../../shared/api.ts'
import { blockSourceValue } from '../../../shared/schema/block-source.ts'
import { queries } from '../api/queries.ts'
import { ExportLinks } from '../export/ExportLinks.tsx'
import { LineagePanel } from '../library/LineagePanel.tsx'
import { StartFromVersion } from '../library/StartFromVersion.tsx'
import { BackLink } from './BackLink.tsx'
import { ReadOnlyContent } from './ReadOnlyContent.tsx'
import './lesson-work.css'
import { dateTimeText } from '../time-text.ts'

export function VersionPage({ versionId, me }: { versionId: string; me: Me }) {
  const { data, error } = useQuery(queries.version(versionId))
  if (!data)
    return error ? (
      <p className="page-message" role="alert">
        {error.message}
      </p>
    ) : (
      <p className="page-message">正在加载……</p>
    )
  const { version, content } = data
  return (
    <main className="work-page" data-testid="version-page">
      <BackLink lessonId={version.lessonId} />
      <h1>{version.name}</h1>
      <p className="muted">
        {version.createdBy.displayName} 于 {dateTimeText(version.createdAt)} 定稿 · 只读
      </p>
      <p>
        <ExportLinks source="versions" id={versionId} />
      </p>
      {me.role !== 'guest' && <StartFromVersion versionId={versionId} lessonId={version.lessonId} />}
      <LineagePanel lessonId={version.lessonId} />
      <div className="paper">
        <ReadOnlyContent
          content={content}
          label={`${version.name} 正文`}
          source={blockSourceValue({ kind: 'version', id: versionId })}
        />
      </div>
    </main>
  )
}
