/** Shapes of the HTTP API (see the contract served at `GET /api/openapi.json`). */
import type { AccessLevel, Role } from '../../../shared/access.ts'

export interface Me {
  id: string
  username: string
  displayName: string
  role: Role
  color: string
  schoolId: string
  groups: { id: string; name: string }[]
}

export interface DocumentSummary {
  id: string
  title: string
  kind: string
  access: AccessLevel
  groupId: string
  groupName: string
}
