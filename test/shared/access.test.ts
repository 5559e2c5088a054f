import { describe, expect, it } from 'vitest'
import { type Actor, canManageSchool, canWriteContent, documentAccess, type Role } from '../../shared/access.ts'

const document = { schoolId: 's1', groupId: 'math7' }

function actor(role: Role, groupIds: string[], schoolId = 's1'): Actor {
  return { userId: 'u', role, schoolId, groupIds }
}

describe('documentAccess', () => {
  it.each([
    // role, groups, school, expected
    ['leader', ['math7'], 's1', 'edit'],
    ['teacher', ['math7'], 's1', 'edit'],
    ['teacher', ['chinese7'], 's1', 'read'],
    ['teacher', [], 's1', 'read'],
    ['admin', [], 's1', 'read'],
    ['leader', ['chinese7'], 's1', 'read'],
    ['guest', [], 's1', 'read'],
    // a guest placed in a group by mistake still only reads
    ['guest', ['math7'], 's1', 'read'],
    ['teacher', ['math7'], 's2', null],
    ['admin', [], 's2', null],
    ['guest', [], 's2', null],
  ] as const)('%s in %j of %s → %s', (role, groups, school, expected) => {
    expect(documentAccess(actor(role, [...groups], school), document)).toBe(expected)
  })
})

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
