import type { Editor } from '@tiptap/core'
import { useEffect, useMemo, useRef, useState } from 'react'
import { canWriteContent } from '../../../shared/access.ts'
import { listDocuments } from '../api/documents.ts'
import type { DocumentSummary, Me } from '../../../shared/api.ts'
import { accessText, saveStatusText } from '../collab/save-status-text.ts'
import { useCollabSession, useCollabSnapshot } from '../collab/use-collab-session.ts'
import { AdaptationBar } from '../adaptations/AdaptationBar.tsx'
import { OnlineUsers } from '../components/OnlineUsers.tsx'
import { RescuedCopyNotice } from '../components/RescuedCopyNotice.tsx'
import { forgetRescuedCopy, keepRescuedCopy, type RescuedCopy, readRescuedCopy, rescuedHtml } from '../collab/rescued-copy.ts'
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
  /** Counts the sessions replaced after a refused update, each starting from the server's copy. */
  const [generation, setGeneration] = useState(0)
  const [refusal, setRefusal] = useState<string | null>(null)
  const session = useCollabSession(documentId, { id: me.id, name: me.displayName, color: me.color }, generation)
  const snapshot = useCollabSnapshot(session)
  const [editor, setEditor] = useState<Editor | null>(null)
  const [selectedThreadId, setSelectedThreadId] = useState<string | null>(threadId ?? null)
  const peopleRef = useRef<People>(new Map())
  const threadHooks = useMemo<ThreadHooks>(() => ({ onOpen: setSelectedThreadId, colorOf: (userId) => colorOf(peopleRef.current, userId) }), [])

  useEffect(() => {
    if (threadId) setSelectedThreadId(threadId)
  }, [threadId])

  const [rescued, setRescued] = useState<RescuedCopy | null>(() => readRescuedCopy(localStorage, documentId))

  // The refused change stays in this copy and would be sent again with every sync: start over from the
  // server's, keeping what this computer had first if some of it was never stored.
  useEffect(() => {
    if (!session || snapshot.refusal === null) return
    setRefusal(snapshot.refusal)
    if (snapshot.pendingCount > 0 && editor) {
      const threads = listThreads(session.doc).map(({ thread }) => thread)
      const copy = { title: summary?.title ?? '导学案', savedAt: Date.now(), html: rescuedHtml(editor.getHTML(), threads, me.id) }
      keepRescuedCopy(localStorage, documentId, copy)
      setRescued(copy)
    }
    void session.discardLocalCopy().then(() => setGeneration((current) => current + 1))
    // Only a new refusal starts over; the editor, title and count are read as they are at that moment.
  }, [session, snapshot.refusal])

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
      {refusal && (
        <div className="banner banner-error" role="alert" data-testid="update-refused">
          服务器没有接受你的修改：{refusal}。已重新载入服务器上的版本。
          <button type="button" className="link-button" onClick={() => setRefusal(null)}>
            知道了
          </button>
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
      {summary?.kind === 'adaptation' && <AdaptationBar documentId={documentId} saved={snapshot.saveStatus === 'saved'} />}
      {session && snapshot.ready ? (
        <div className="editor-workspace">
          <DocumentEditor session={session} editable={editable && !problem?.permanent} threads={threadHooks} onEditor={setEditor} />
          {access && (
            <DocumentThreads
              doc={session.doc}
              editor={editor}
              userId={me.id}
              access={problem?.permanent ? 'read' : access}
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
