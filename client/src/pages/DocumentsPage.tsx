import { useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { ApiError } from '../api/http.ts'
import { queries } from '../api/queries.ts'
import { accessText } from '../collab/save-status-text.ts'
import { lessonHref } from '../lessons/lesson-routes.ts'
import { hrefFor } from '../routing.ts'
import { groupDocuments } from './group-documents.ts'
import { MyWork } from './MyWork.tsx'

export function DocumentsPage({ onLoggedOut, planner }: { onLoggedOut: () => void; planner: boolean }) {
  const { data: documents, error } = useQuery(queries.documents())
  const signedOut = error instanceof ApiError && error.status === 401
  useEffect(() => {
    if (signedOut) onLoggedOut()
  }, [signedOut, onLoggedOut])

  if (!documents)
    return error && !signedOut ? (
      <p className="page-message" role="alert">
        {error.message}
      </p>
    ) : (
      <p className="page-message">正在加载文档……</p>
    )
  if (documents.length === 0) return <p className="page-message">还没有可以打开的文档。</p>

  return (
    <main className="documents-page">
      <h1>我的工作</h1>
      <MyWork documents={documents} planner={planner} />
      <h1>全部文档</h1>
      {groupDocuments(documents).map((group) => (
        <section key={group.groupId} className="document-group" data-testid="document-group">
          <h2>
            {group.groupName}
            <a
              className="group-plan-link"
              href={lessonHref({ page: 'plan', groupId: group.groupId })}
              data-testid="group-plan-link"
            >
              备课计划
            </a>
          </h2>
          <ul>
            {group.documents.map((document) => (
              <li key={document.id}>
                <a
                  href={hrefFor({ page: 'editor', documentId: document.id })}
                  data-testid="document-link"
                  data-document-id={document.id}
                >
                  {document.title}
                </a>
                <span className={`access-badge access-${document.access}`} data-testid="document-access">
                  {accessText[document.access]}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </main>
  )
}
