import { describe, expect, it } from 'vitest'
import { type Actor, canManageSchool, canWriteContent, type Role } from '../../shared/access.ts'

function actor(role: Role, groupIds: string[], schoolId = 's1'): Actor {
  return { userId: 'u', role, schoolId, groupIds }
}

describe('canWriteContent', () => {
  it('lets only edit access change content', () => {
    expect(canWriteContent('edit')).toBe(true)
    expect(canWriteContent('comment')).toBe(false)
    expect(canWriteContent('read')).toBe(false)
  })
})

describe('canManageSchool', () => {
  it.each([
    ['admin', true],
    ['leader', false],
    ['teacher', false],
    ['guest', false],
  ] as const)('%s → %s', (role, expected) => {
    expect(canManageSchool(actor(role, []))).toBe(expected)
  })
})
