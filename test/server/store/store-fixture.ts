/** One school, teacher, group and lesson-plan document: what most store tests start from. */
import type { DocumentRecord, Store, UserRecord } from '../../../server/store/store.ts'

export interface Fixture {
  schoolId: string
  user: UserRecord
  groupId: string
  document: DocumentRecord
}

export async function createFixture(store: Store): Promise<Fixture> {
  const schoolId = await store.accounts.createSchool('花园实验中学')
  const user = await store.accounts.createUser({
    username: 'teacher1',
    displayName: '李老师',
    passwordHash: 'scrypt$test',
    role: 'teacher',
    schoolId,
    color: '#1971c2',
  })
  const group = await store.groups.createGroup(schoolId, '七年级数学备课组')
  const document = await store.documents.createDocument({
    groupId: group.id,
    schoolId,
    title: '3.1.1 一元一次方程',
    kind: 'lesson-plan',
    createdBy: user.id,
  })
  return { schoolId, user, groupId: group.id, document }
}

export function bytes(...values: number[]): Uint8Array {
  return new Uint8Array(values)
}

/** Buffers and Uint8Arrays with equal bytes compare equal. */
export function plain(arrays: readonly Uint8Array[]): number[][] {
  return arrays.map((array) => Array.from(array))
}
