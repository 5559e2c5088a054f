/**
 * `GET /api/groups/{groupId}/members`: the members of a 备课组, for @mentions in threads, and (`also`)
 * the other users a document's threads name. Anyone of the same school may ask: the names are on
 * every plan, and anyone of the school may read the group's documents.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { type GroupMember, groupMember, maxOtherPeople, membersQuery } from '../../../shared/api/groups.ts'
import { nameSpeller } from '../../school/name-spelling.ts'
import type { Store, UserRecord } from '../../store/store.ts'
import { ApiError, notFound } from '../api-error.ts'
import type { AuthVariables } from '../auth-middleware.ts'
import { errorResponses, jsonContent } from '../json-route.ts'

const listMembers = createRoute({
  method: 'get',
  path: '/api/groups/{groupId}/members',
  summary: 'The members of a group, and other users of the school asked for by id',
  request: { params: z.object({ groupId: z.string().min(1) }), query: membersQuery },
  responses: {
    200: { description: '备课组成员', content: jsonContent(z.array(groupMember)) },
    ...errorResponses(400, 401, 404),
  },
})

export function groupMemberRoutes(store: Pick<Store, 'accounts' | 'groups'>) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>()
  app.openapi(listMembers, async (c) => {
    const { groupId } = c.req.valid('param')
    const { schoolId } = c.var.auth.actor
    const group = await store.groups.findGroup(groupId)
    // Groups of other schools do not exist for this user.
    if (!group || group.schoolId !== schoolId) throw notFound('没有这个备课组')
    const members = await store.groups.listGroupMembers(groupId)
    const memberIds = new Set(members.map((user) => user.id))
    const otherIds = [...new Set(c.req.valid('query').also?.split(',').filter(Boolean) ?? [])].filter(
      (id) => !memberIds.has(id),
    )
    if (otherIds.length > maxOtherPeople) throw new ApiError(400, 'invalid_request', `also：最多 ${maxOtherPeople} 人`)
    const others = await Promise.all(otherIds.map((id) => store.accounts.findUserById(id)))
    const sameSchool = others.filter((user): user is UserRecord => user !== null && user.schoolId === schoolId)
    const spell = await nameSpeller()
    const people = [
      ...members.map((user) => view(user, true, spell)),
      ...sameSchool.map((user) => view(user, false, spell)),
    ]
    return c.json(
      people.sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-Hans-CN')),
      200,
    )
  })
  return app
}

function view(user: UserRecord, member: boolean, spell: (name: string) => string): GroupMember {
  const { id, displayName, role, color } = user
  return { id, displayName, role, color, member, spelling: spell(displayName) }
}
