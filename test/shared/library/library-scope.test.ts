import { describe, expect, it } from 'vitest'
import type { Actor } from '../../../shared/access.ts'
import { inLibraryScope, libraryScope } from '../../../shared/library/library-scope.ts'

const actor = (role: Actor['role'], groupIds: string[] = ['math7']): Actor => ({
  userId: 'u',
  role,
  schoolId: 'garden',
  groupIds,
})

describe('LIBRARY-1: the library lists only what the user may read', () => {
  it.each(['teacher', 'leader', 'admin'] as const)(
    'a %s reads every group of the school, and no other school',
    (role) => {
      const scope = libraryScope(actor(role))
      expect(scope).toEqual({ schoolId: 'garden', groupIds: null })
      expect(inLibraryScope(scope, 'garden', 'chinese8')).toBe(true)
      expect(inLibraryScope(scope, 'riverside', 'math7')).toBe(false)
    },
  )

  it('an outside expert reads only the groups the office invited them to', () => {
    const scope = libraryScope(actor('guest', ['math7']))
    expect(inLibraryScope(scope, 'garden', 'math7')).toBe(true)
    expect(inLibraryScope(scope, 'garden', 'chinese8')).toBe(false)
  })
})
