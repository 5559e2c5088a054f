/**
 * One teacher's 二次备课: its 个人加减 marked against the shared version it is based on (printable),
 * pulling a newer 定稿 version in, and the passages a pull flagged — hers kept in the text, the shared
 * version beside it — each settled with 保留我的, 采用共享版 or 已处理.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { AdaptationDetail, ConflictChoice, ConflictShape } from '../../../shared/api/versions.ts'
import type { Me } from '../../../shared/api.ts'
import { queries } from '../api/queries.ts'
import { failureText } from '../api/teacher-message.ts'
import { pullNewestVersion, resolveConflict } from '../api/versions.ts'
import { ExportLinks } from '../export/ExportLinks.tsx'
import { ConflictSides } from './ConflictSides.tsx'
import { hrefFor } from '../routing.ts'
import { BackLink } from '../versions/BackLink.tsx'
import { BlockDiff } from '../versions/BlockDiff.tsx'
import '../versions/lesson-work.css'

const settledText: Record<Exclude<ConflictShape['status'], 'open'>, string> = {
  mine: '已保留我的',
  shared: '已采用共享版',
  done: '已处理',
}

export function AdaptationPage({ documentId, me }: { documentId: string; me: Me }) {
  const queryClient = useQueryClient()
  const { data: shown, error } = useQuery(queries.adaptation(documentId))
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const [changesOnly, setChangesOnly] = useState(false)

  if (!shown)
    return error ? (
      <p className="page-message" role="alert">
        {error.message}
      </p>
    ) : (
      <p className="page-message">正在加载……</p>
    )
  const own = shown.teacher.id === me.id

  const act = async (action: () => Promise<AdaptationDetail>) => {
    setBusy(true)
    setFailure(null)
    try {
      queryClient.setQueryData(queries.adaptation(documentId).queryKey, await action())
      // The lesson page's list counts each adaptation's changes and open conflicts.
      void queryClient.invalidateQueries({ queryKey: ['lesson'] })
    } catch (problem) {
      setFailure(failureText(problem, '操作失败'))
    } finally {
      setBusy(false)
    }
  }
  const choose = (conflictId: string, choice: ConflictChoice) =>
    act(() => resolveConflict(documentId, conflictId, choice))

  return (
    <main className="work-page" data-testid="adaptation-page">
      <BackLink lessonId={shown.lessonId} />
      <h1>{shown.title}</h1>
      <p>
        <span className="muted">
          {shown.teacher.displayName} · 基于{shown.baseVersion.name}
        </span>{' '}
        <span className="count-badge" data-testid="adaptation-change-count">
          个人加减 {shown.changeCount} 处
        </span>
      </p>
      <div className="work-actions no-print">
        {own && (
          <a href={hrefFor({ page: 'editor', documentId })} data-testid="edit-adaptation">
            编辑我的二次备课
          </a>
        )}
        {shown.editable && shown.newerVersion && (
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void act(() => pullNewestVersion(documentId))}
            data-testid="pull-version"
          >
            更新到{shown.newerVersion.name}（保留我的修改）
          </button>
        )}
        {!shown.editable && shown.newerVersion && (
          <span className="refusal">共享导学案已有{shown.newerVersion.name}，还没有更新进来</span>
        )}
        <button type="button" className="link-button" onClick={() => window.print()} data-testid="print-adaptation">
          打印（标出二次备课修改）
        </button>
        <ExportLinks source="documents" id={documentId} />
      </div>
      {failure && (
        <p className="work-error" role="alert">
          {failure}
        </p>
      )}
      {shown.conflicts.length > 0 && (
        <section aria-labelledby="conflicts-title" className="no-print">
          <h2 id="conflicts-title">需要你决定的地方</h2>
          {shown.conflicts.map((conflict) => (
            <div key={conflict.id} className="conflict" data-testid="conflict" data-status={conflict.status}>
              <strong>{conflict.section || '正文'}</strong>
              <span className="muted">（{`定稿 v${conflict.toVersionNumber}`}中组里也改了你改过的这段）</span>
              <ConflictSides mineText={conflict.mineText} sharedText={conflict.sharedText} />
              {conflict.status === 'open' && shown.editable ? (
                <div className="work-actions">
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => void choose(conflict.id, 'mine')}
                    data-testid="keep-mine"
                  >
                    保留我的
                  </button>
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => void choose(conflict.id, 'shared')}
                    data-testid="take-shared"
                  >
                    采用共享版
                  </button>
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => void choose(conflict.id, 'done')}
                    data-testid="mark-done"
                  >
                    已处理
                  </button>
                </div>
              ) : (
                <span className="muted">
                  {conflict.status === 'open'
                    ? own
                      ? '这节课已经归档，不能再决定'
                      : '待老师本人决定'
                    : settledText[conflict.status]}
                </span>
              )}
            </div>
          ))}
        </section>
      )}
      <h2>个人加减（与{shown.baseVersion.name}相比）</h2>
      <label className="no-print">
        <input type="checkbox" checked={changesOnly} onChange={(event) => setChangesOnly(event.target.checked)} />{' '}
        只看改动
      </label>
      <BlockDiff changes={shown.changes} changesOnly={changesOnly} />
    </main>
  )
}
