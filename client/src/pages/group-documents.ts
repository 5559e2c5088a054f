import type { DocumentSummary } from '../../../shared/api.ts'

export interface GroupOfDocuments {
  groupId: string
  groupName: string
  documents: DocumentSummary[]
}

/** Groups in the order the server lists them, so the teacher's own 备课组 (listed first) stays on top. */
export function groupDocuments(documents: readonly DocumentSummary[]): GroupOfDocuments[] {
  const groups = new Map<string, GroupOfDocuments>()
  for (const document of documents) {
    let group = groups.get(document.groupId)
    if (!group) {
      group = { groupId: document.groupId, groupName: document.groupName, documents: [] }
      groups.set(document.groupId, group)
    }
    group.documents.push(document)
  }
  return [...groups.values()]
}
