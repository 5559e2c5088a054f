import type { Editor } from '@tiptap/core'
import { useEffect, useMemo, useRef, useState } from 'react'
import { canWriteContent } from '../../../shared/access.ts'
import { listDocuments } from '../api/documents.ts'
import type { DocumentSummary, Me } from '../../../shared/api.ts'
import { accessText, saveStatusText } from '../collab/save-status-text.ts'
import { useCollabSession, useCollabSnapshot } from '../collab/use-collab-session.ts'
import { AdaptationBar } from '../adaptations/AdaptationBar.tsx'
import { OnlineUsers } from '../components/OnlineUsers.tsx'
import { RefusedChangesNotice } from '../components/RefusedChangesNotice.tsx'
import { RescuedCopyNotice } from '../components/RescuedCopyNotice.tsx'
import {
  forgetRescuedCopy,
  keepRescuedCopy,
  type RescuedCopy,
  readRescuedCopy,
  rescuedHtml,
} from '../collab/rescued-copy.ts'
import { listThreads } from '../../../shared/threads/thread-list.ts'
import { DocumentEditor } from '../editor/DocumentEditor.tsx'
import { lessonHref } from '../lessons/lesson-routes.ts'
import { hrefFor } from '../routing.ts'
import { DocumentThreads } from '../threads/DocumentThreads.tsx'
import type { ThreadHooks } from '../threads/thread-highlights.ts'
import { colorOf, type People } from '../threads/thread-people.ts'
import '../threads/threads.css'

interface EditorPageProps {
  documentId: string
  /** Open the document at this thread (a link from the inbox or a pair's page). */
  threadId?: string
  me: Me
  onLoggedOut: () => void
}

export function EditorPage({ documentId, threadId, me, onLoggedOut }: EditorPageProps) {
  const [summary, setSummary] = useState<DocumentSummary | null>(null)
  /** Counts the sessions the teacher replaced after a refused update, each starting from the server's copy. */
  const [generation, setGeneration] = useState(0)
  const session = useCollabSession(documentId, { id: me.id, name: me.displayName, color: me.color }, generation)
  const snapshot = useCollabSnapshot(session)
  const [editor, setEditor] = useState<Editor | null>(null)
  const [selectedThreadId, setSelectedThreadId] = useState<string | null>(threadId ?? null)
  const peopleRef = useRef<People>(new Map())
  const threadHooks = useMemo<ThreadHooks>(
    () => ({ onOpen: setSelectedThreadId, colorOf: (userId) => colorOf(peopleRef.current, userId) }),
    [],
  )

  // A new link to a thread opens it, even with another thread open.
  const [linkedThreadId, setLinkedThreadId] = useState(threadId)
  if (threadId !== linkedThreadId) {
    setLinkedThreadId(threadId)
    if (threadId) setSelectedThreadId(threadId)
  }

  const [rescued, setRescued] = useState<RescuedCopy | null>(() => readRescuedCopy(localStorage, documentId))

  /** What this computer has now: the content and the teacher's own threads. */
  const copyNow = (): RescuedCopy => {
    const threads = session ? listThreads(session.doc).map(({ thread }) => thread) : []
    return {
      title: summary?.title ?? '导学案',
      savedAt: Date.now(),
      html: rescuedHtml(editor?.getHTML() ?? '', threads, me.id),
    }
  }

  // The refused change stays in this copy and would be sent again with every sync, so the teacher may
  // choose to continue from the server's copy; what this computer had is kept first, to download later.
  const startOver = () => {
    if (!session) return
    if (snapshot.pendingCount > 0) {
      const copy = copyNow()
      keepRescuedCopy(localStorage, documentId, copy)
      setRescued(copy)
    }
    void session.discardLocalCopy().then(() => setGeneration((current) => current + 1))
  }

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
  const { problem, refusal } = snapshot
  // After a refusal every later change of this copy builds on the refused one, and would be refused too.
  const frozen = problem?.permanent === true || refusal !== null
  const editable = access !== null && canWriteContent(access) && !frozen

  return (
    <main className="editor-page">
      <header className="editor-header">
        {summary?.lessonId ? (
          <a
            className="back-link"
            href={lessonHref({ page: 'lesson', lessonId: summary.lessonId })}
            data-testid="back-to-lesson"
          >
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
        <div
          className={problem.permanent ? 'banner banner-error' : 'banner'}
          role="alert"
          data-testid="connection-problem"
        >
          {problem.message}
          {problem.needsLogin && (
            <button type="button" className="link-button" onClick={onLoggedOut}>
              重新登录
            </button>
          )}
        </div>
      )}
      {refusal !== null && (
        <RefusedChangesNotice
          reason={refusal}
          pendingCount={snapshot.pendingCount}
          copyNow={copyNow}
          onStartOver={startOver}
        />
      )}
      {refusal === null && access !== null && !canWriteContent(access) && snapshot.readOnlyReason && (
        <div className="banner banner-calm" role="status" data-testid="read-only-notice">
          {snapshot.readOnlyReason}
        </div>
      )}
      {rescued && (
        <RescuedCopyNotice
          copy={rescued}
          onForget={() => {
            forgetRescuedCopy(localStorage, documentId)
            setRescued(null)
          }}
        />
      )}
      {summary?.kind === 'adaptation' && (
        <AdaptationBar documentId={documentId} saved={snapshot.saveStatus === 'saved'} />
      )}
      {session && snapshot.ready ? (
        <div className="editor-workspace">
          <DocumentEditor session={session} editable={editable} threads={threadHooks} onEditor={setEditor} />
          {access && (
            <DocumentThreads
              doc={session.doc}
              editor={editor}
              userId={me.id}
              access={frozen ? 'read' : access}
              moderator={summary?.threadModerator ?? false}
              groupId={summary?.groupId ?? null}
              defaultKind={summary?.threadKind ?? 'question'}
              selectedId={selectedThreadId}
              onSelect={setSelectedThreadId}
              peopleRef={peopleRef}
            />
          )}
        </div>
      ) : (
        <p className="page-message">正在打开文档……</p>
      )}
    </main>
  )
}
