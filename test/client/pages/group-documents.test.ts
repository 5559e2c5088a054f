import { describe, expect, it } from 'vitest'
import type { DocumentSummary } from '../../../shared/api.ts'
import { groupDocuments } from '../../../client/src/pages/group-documents.ts'

function summary(id: string, groupId: string, groupName: string): DocumentSummary {
  return {
    id,
    title: `导学案 ${id}`,
    kind: 'lesson-plan',
    access: 'edit',
    groupId,
    groupName,
    lessonId: null,
    ownedByMe: false,
    threadModerator: false,
    threadKind: 'proposal',
  }
}

describe('groupDocuments', () => {
  it('keeps the server’s order of groups and of documents within them', () => {
    const groups = groupDocuments([
      summary('1', 'math7', '七年级数学备课组'),
      summary('2', 'chinese7', '七年级语文备课组'),
      summary('3', 'math7', '七年级数学备课组'),
    ])
    expect(groups.map((group) => group.groupName)).toEqual(['七年级数学备课组', '七年级语文备课组'])
    expect(groups[0]!.documents.map((document) => document.id)).toEqual(['1', '3'])
  })
})
