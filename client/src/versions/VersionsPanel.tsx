/**
 * The lesson page's 定稿版本 panel: every version, to view, to compare two, and to restore one into the
 * shared plan (as new changes on top) for whoever may edit the plan now.
 */
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { LessonDetail } from '../../../shared/api/lessons.ts'
import { queries } from '../api/queries.ts'
import { failureText } from '../api/teacher-message.ts'
import { restoreVersion } from '../api/versions.ts'
import { hrefFor, navigate } from '../routing.ts'
import './lesson-work.css'
import { dateTimeText } from '../time-text.ts'

export function VersionsPanel({ detail }: { detail: LessonDetail }) {
  const lessonId = detail.lesson.id
  // Restoring is an edit of the shared plan.
  const edit = detail.permissions.edit
  const { data: versions, error } = useQuery(queries.versions(lessonId))
  const [picked, setPicked] = useState<string[]>([])
  const [message, setMessage] = useState<string | null>(null)

  const toggle = (versionId: string) =>
    setPicked((current) =>
      current.includes(versionId) ? current.filter((id) => id !== versionId) : [...current.slice(-1), versionId],
    )

  const restore = async (versionId: string, name: string) => {
    if (!window.confirm(`把共享导学案恢复成「${name}」的内容？这会作为一次新的修改保存，之前的内容和版本都会保留。`))
      return
    try {
      const { changed } = await restoreVersion(versionId)
      setMessage(changed ? `已恢复为「${name}」的内容` : `共享导学案已经和「${name}」一致`)
    } catch (failure) {
      setMessage(failureText(failure, '恢复失败'))
    }
  }

  const compare = () => {
    if (!versions || picked.length !== 2) return
    const [from, to] = [...picked].sort(
      (a, b) => versions.findIndex((version) => version.id === a) - versions.findIndex((version) => version.id === b),
    )
    navigate({ page: 'versionCompare', lessonId, from: from!, to: to! })
  }

  return (
    <section className="work-panel" data-testid="versions-panel" aria-labelledby="versions-title">
      <h2 id="versions-title">定稿版本</h2>
      {error && (
        <p className="work-error" role="alert">
          {error.message}
        </p>
      )}
      {versions && versions.length === 0 && (
        <p className="muted">还没有定稿。组长定稿后，这里会保存一个不可更改的版本。</p>
      )}
      {versions && versions.length > 0 && (
        <>
          <ul>
            {versions.map((version) => (
              <li key={version.id} data-testid="version-row" data-version={version.number}>
                <label>
                  <input
                    type="checkbox"
                    checked={picked.includes(version.id)}
                    onChange={() => toggle(version.id)}
                    aria-label={`选择${version.name}对比`}
                  />{' '}
                  <strong>{version.name}</strong>
                </label>
                <span className="muted">
                  {version.createdBy.displayName} · {dateTimeText(version.createdAt)}
                </span>
                <a href={hrefFor({ page: 'version', versionId: version.id })} data-testid="view-version">
                  查看
                </a>
                {edit.allowed && (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => void restore(version.id, version.name)}
                    data-testid="restore-version"
                  >
                    恢复为此版本
                  </button>
                )}
              </li>
            ))}
          </ul>
          <div className="work-actions">
            <button
              type="button"
              className="primary"
              disabled={picked.length !== 2}
              onClick={compare}
              data-testid="compare-versions"
            >
              对比所选的两个版本
            </button>
            {picked.length !== 2 && <span className="refusal">勾选两个版本后可以对比</span>}
            {!edit.allowed && edit.reason && <span className="refusal">恢复旧版本：{edit.reason}</span>}
          </div>
        </>
      )}
      {message && (
        <p className="muted" role="status" data-testid="versions-message">
          {message}
        </p>
      )}
    </section>
  )
}
