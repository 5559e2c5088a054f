/**
 * Store contract cases of stored images (migration 006), run inside `describeStoreContract` on every backend.
 */
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { NewImage } from '../../../server/store/image-records.ts'
import type { Store } from '../../../server/store/store.ts'
import { pngImage } from '../../helpers/test-images.ts'
import { match } from '../../helpers/match.ts'

async function documentWithAuthor(store: Store) {
  const schoolId = await store.accounts.createSchool('花园实验中学')
  const group = await store.groups.createGroup(schoolId, '七年级数学备课组')
  const user = await store.accounts.createUser({
    username: 'li',
    displayName: '李老师',
    passwordHash: 'x',
    role: 'teacher',
    schoolId,
    color: '#1971c2',
  })
  const document = await store.documents.createDocument({
    groupId: group.id,
    schoolId,
    title: '数轴',
    kind: 'lesson-plan',
    createdBy: user.id,
  })
  const image = (fields: Partial<NewImage> = {}): NewImage => ({
    id: randomUUID(),
    documentId: document.id,
    createdBy: user.id,
    contentType: 'image/png',
    width: 3,
    height: 2,
    bytes: pngImage(3, 2),
    ...fields,
  })
  return { image }
}

export function describeImageContract(storeOf: () => Store): void {
  describe('images', () => {
    it('stores images and finds them again with their exact bytes', async () => {
      const store = storeOf()
      const { image } = await documentWithAuthor(store)
      const first = image()
      const second = image({
        contentType: 'image/jpeg',
        width: 640,
        height: 480,
        bytes: new Uint8Array([0xff, 0xd8, 0, 255, 1]),
      })
      const before = Date.now()
      await store.images.addImages([first, second])
      const found = await store.images.findImages([second.id, first.id, randomUUID()])
      expect(found).toHaveLength(2)
      const byId = new Map(found.map((stored) => [stored.id, stored]))
      expect(byId.get(first.id)).toEqual({ ...first, createdAt: match.any(Date) })
      expect(byId.get(second.id)).toEqual({ ...second, createdAt: match.any(Date) })
      expect(Buffer.from(byId.get(first.id)!.bytes).equals(Buffer.from(first.bytes))).toBe(true)
      expect(byId.get(first.id)!.createdAt.getTime()).toBeGreaterThanOrEqual(before)
    })

    it('finds nothing for no ids or unknown ones, and each image once for a repeated id', async () => {
      const store = storeOf()
      const { image } = await documentWithAuthor(store)
      const one = image()
      await store.images.addImages([one])
      expect(await store.images.findImages([])).toEqual([])
      expect(await store.images.findImages([randomUUID()])).toEqual([])
      expect(await store.images.findImages([one.id, one.id])).toHaveLength(1)
    })

    it('stores all of a batch or none of it', async () => {
      const store = storeOf()
      const { image } = await documentWithAuthor(store)
      const kept = image()
      await store.images.addImages([kept])
      const fresh = image()
      // The second insert repeats an id, so the whole batch fails and `fresh` is not stored either.
      await expect(store.images.addImages([fresh, image({ id: kept.id })])).rejects.toThrow()
      expect(await store.images.findImages([fresh.id])).toEqual([])
    })

    it('refuses an image of a document that does not exist', async () => {
      const store = storeOf()
      const { image } = await documentWithAuthor(store)
      await expect(store.images.addImages([image({ documentId: randomUUID() })])).rejects.toThrow()
    })
  })
}
