/** The signed-in user as the shared rules see them, so that the UI decides exactly as the server does. */
import type { Actor } from '../../../shared/access.ts'
import type { Me } from '../../../shared/api.ts'

export function actorOf(me: Me): Actor {
  return { userId: me.id, role: me.role, schoolId: me.schoolId, groupIds: me.groups.map((group) => group.id) }
}
