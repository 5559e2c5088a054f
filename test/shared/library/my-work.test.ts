import { describe, expect, it } from 'vitest'
import { myWork, type WorkDocument } from '../../../shared/library/my-work.ts'

const doc = (id: string, kind: string, access: WorkDocument['access'], ownedByMe = false) => ({
  id,
  kind,
  access,
  ownedByMe,
})

describe('LIBRARY-6: a teacher’s own work on the home page', () => {
  it('sorts what they write, their 二次备课 and their 反思 apart, leaving out what is only to read', () => {
    const documents = [
      doc('draft', 'lesson-plan', 'edit'),
      doc('finalized', 'lesson-plan', 'read', true),
      doc('mine-adapt', 'adaptation', 'edit', true),
      doc('archived-adapt', 'adaptation', 'read', true),
      doc('colleague-adapt', 'adaptation', 'comment'),
      doc('mine-reflect', 'reflection', 'edit', true),
      doc('colleague-reflect', 'reflection', 'read'),
      doc('mine-variant', 'variant', 'edit', true),
      doc('colleague-variant', 'variant', 'comment'),
    ]
    const ids = (list: { id: string }[]) => list.map((entry) => entry.id)
    const work = myWork(documents)
    expect(ids(work.writing)).toEqual(['draft', 'mine-variant'])
    expect(ids(work.adaptations)).toEqual(['mine-adapt', 'archived-adapt'])
    expect(ids(work.reflections)).toEqual(['mine-reflect'])
  })
})
