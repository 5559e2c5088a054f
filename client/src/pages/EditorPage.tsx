import { useEffect, useState } from 'react'
import { canWriteContent } from '../../../shared/access.ts'
import { listDocuments } from '../api/documents.ts'
import type { DocumentSummary, Me } from '../../../shared/api.ts'
import { accessText, saveStatusText } from '../collab/save-status-text.ts'
import { useCollabSession, useCollabSnapshot } from '../collab/use-collab-session.ts'
import { AdaptationBar } from '../adaptations/AdaptationBar.tsx'
import { OnlineUsers } from '../components/OnlineUsers.tsx'
import { DocumentEditor } from '../editor/DocumentEditor.tsx'
import { lessonHref } from '../lessons/lesson-routes.ts'
import { hrefFor } from '../routing.ts'

interface EditorPageProps {
  documentId: string
  me: Me
  onLoggedOut: () => void
}

export function EditorPage({ documentId, me, onLoggedOut }: EditorPageProps) {
  const [summary, setSummary] = useState<DocumentSummary | null>(null)
  const session = useCollabSession(documentId, me.id, { name: me.displayName, color: me.color })
  const snapshot = useCollabSnapshot(session)

  // Title and access from the list; the server's word on the connection wins once it arrives.
  useEffect(() => {
    let current = true
    listDocuments().then(
      (documents) => current && setSummary(documents.find((document) => document.id === documentId) ?? null),
      () => {},
    )
    return () => {
      current = false
    }
  }, [documentId])

  useEffect(() => {
    if (!summary) return
    const previous = document.title
    document.title = `${summary.title} · 共备`
    return () => {
      document.title = previous
    }
  }, [summary])

  // Unknown for a moment after opening: show no access rather than a wrong one, and do not allow typing.
  const access = snapshot.access ?? summary?.access ?? null
  const editable = access !== null && canWriteContent(access)
  const { problem } = snapshot

  return (
    <main className="editor-page">
      <header className="editor-header">
        {summary?.lessonId ? (
          <a className="back-link" href={lessonHref({ page: 'lesson', lessonId: summary.lessonId })} data-testid="back-to-lesson">
            ← 返回这节课
          </a>
        ) : (
          <a className="back-link" href={hrefFor({ page: 'documents' })}>
            ← 文档列表
          </a>
        )}
        <div className="editor-title">
          <h1>{summary?.title ?? '导学案'}</h1>
          {summary && <span className="editor-group">{summary.groupName}</span>}
        </div>
        <div className="editor-state">
          {access && (
            <span className={`access-badge access-${access}`} data-testid="access-badge" data-access={access}>
              {accessText[access]}
            </span>
          )}
          <span
            className={`save-status save-${snapshot.saveStatus}`}
            data-testid="save-status"
            data-status={snapshot.saveStatus}
            data-pending={snapshot.pendingCount}
            aria-live="polite"
          >
            {saveStatusText(snapshot.saveStatus, snapshot.pendingCount, access)}
          </span>
          <OnlineUsers users={snapshot.onlineUsers} />
        </div>
      </header>
      {problem && (
        <div className={problem.permanent ? 'banner banner-error' : 'banner'} role="alert" data-testid="connection-problem">
          {problem.message}
          {problem.needsLogin && (
            <button type="button" className="link-button" onClick={onLoggedOut}>
              重新登录
            </button>
          )}
        </div>
      )}
      {summary?.kind === 'adaptation' && <AdaptationBar documentId={documentId} saved={snapshot.saveStatus === 'saved'} />}
      {session && snapshot.ready ? (
        <DocumentEditor session={session} editable={editable && !problem?.permanent} />
      ) : (
        <p className="page-message">正在打开文档……</p>
      )}
    </main>
  )
}
