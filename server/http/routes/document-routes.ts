/** `GET /api/documents`: what the signed-in user may open, with the access the server will grant. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { documentSummary, type DocumentSummary } from '../../../shared/api.ts'
import { defaultThreadKind } from '../../../shared/threads/default-thread-kind.ts'
import { isThreadModerator } from '../../../shared/threads/thread-rules.ts'
import { documentAccess } from '../../../shared/workflow/document-access.ts'
import type { Store } from '../../store/store.ts'
import { documentContextOf } from '../../workflow/document-context.ts'
import type { AuthVariables } from '../auth-middleware.ts'
import { errorResponses, jsonContent } from '../json-route.ts'

const listDocuments = createRoute({
  method: 'get',
  path: '/api/documents',
  summary: 'Documents the signed-in user may open',
  responses: {
    200: { description: '文档列表', content: jsonContent(z.array(documentSummary)) },
    ...errorResponses(401),
  },
})

export function documentRoutes(store: Pick<Store, 'documents' | 'groups' | 'lessons' | 'mentorships' | 'versions'>) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>()
  app.openapi(listDocuments, async (c) => {
    const { actor } = c.var.auth
    const [documents, groups] = await Promise.all([
      store.documents.listDocumentsOfSchool(actor.schoolId),
      store.groups.listGroups(actor.schoolId),
    ])
    const groupNames = new Map(groups.map((group) => [group.id, group.name]))
    const visible: DocumentSummary[] = []
    for (const document of documents) {
      const context = await documentContextOf(store, document)
      const access = documentAccess(actor, context)
      if (!access) continue
      const { id, title, kind, groupId, lessonId } = document
      const threadModerator = isThreadModerator(actor, context)
      const threadKind = defaultThreadKind(actor, context)
      const groupName = groupNames.get(groupId) ?? ''
      const ownedByMe = context.ownerId === actor.userId
      visible.push({ id, title, kind, access, groupId, groupName, lessonId, ownedByMe, threadModerator, threadKind })
    }
    return c.json(visible, 200)
  })
  return app
}
