import { describe, expect, it } from 'vitest'
import type { Actor, Role } from '../../../shared/access.ts'
import { searchScope } from '../../../shared/search/search-scope.ts'
import { documentAccess, type DocumentKind } from '../../../shared/workflow/document-access.ts'
import { decide } from '../../../shared/workflow/lesson-rules.ts'
import { lessonStages } from '../../../shared/workflow/stages.ts'

const actor = (role: Role, groupIds: string[]): Actor => ({ userId: 'me', role, schoolId: 's1', groupIds })

describe('search scope', () => {
  it('[SEARCH-4] lets through exactly the documents and lessons the open rules let a user read', () => {
    const actors = [
      actor('admin', []),
      actor('leader', ['g1']),
      actor('teacher', ['g2']),
      actor('guest', ['g1']),
      actor('guest', []),
    ]
    for (const who of actors) {
      const scope = searchScope(who)
      for (const schoolId of ['s1', 's2']) {
        for (const groupId of ['g1', 'g2']) {
          const inScope = scope.schoolId === schoolId && (scope.groupIds === null || scope.groupIds.includes(groupId))
          for (const stage of lessonStages) {
            const lesson = {
              schoolId,
              groupId,
              stage,
              leadPreparerId: 'other',
              liveReviewOpen: false,
              leadPreparerMentorIds: [],
              hasVersions: false,
            }
            expect(decide('view', who, lesson).allowed, `${who.role} ${schoolId} ${groupId}`).toBe(inScope)
            for (const kind of ['lesson-plan', 'reflection'] satisfies DocumentKind[]) {
              const document = { kind, schoolId, groupId, ownerId: 'other', ownerMentorIds: [], lesson }
              expect(documentAccess(who, document) !== null, `${who.role} ${kind} ${schoolId} ${groupId}`).toBe(inScope)
            }
          }
        }
      }
    }
  })

  it('[SEARCH-4] gives 听课记录 to the office whole, to a teacher their own, to a guest none', () => {
    expect(searchScope(actor('admin', [])).observations).toBe('all')
    expect(searchScope(actor('leader', ['g1'])).observations).toBe('own')
    expect(searchScope(actor('teacher', ['g1'])).observations).toBe('own')
    expect(searchScope(actor('guest', ['g1'])).observations).toBe('none')
  })
})
