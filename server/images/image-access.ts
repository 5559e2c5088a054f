/**
 * Who may add and see the images of a document: whoever may edit it adds them, whoever may read it sees
 * them, by the same rules as opening it (`documentAccess`). An image is reached through the document it
 * was stored for, so copying its address into another document shows it only to those who could read the
 * first one; to anyone else it does not exist.
 */
import { randomUUID } from 'node:crypto'
import { type Actor, canWriteContent } from '../../shared/access.ts'
import type { StoredImage } from '../../shared/api/images.ts'
import { checkImage, type ImageCheck } from '../../shared/images/image-check.ts'
import { imageUrl } from '../../shared/images/image-url.ts'
import { documentAccess } from '../../shared/workflow/document-access.ts'
import type { ImageRecord, NewImage } from '../store/image-records.ts'
import type { Store } from '../store/store.ts'
import { documentContextOf } from '../workflow/document-context.ts'
import { forbid, missing, type Outcome, succeed } from '../workflow/outcome.ts'

/** A picture whose bytes passed `checkImage`, ready to store once its document is known. */
export type CheckedImage = Omit<NewImage, 'documentId' | 'createdBy'>
export type ImageRefusal = Extract<ImageCheck, { ok: false }>

export function checkedImage(bytes: Uint8Array): { ok: true; image: CheckedImage } | ImageRefusal {
  const check = checkImage(bytes)
  if (!check.ok) return check
  const { type, width, height } = check.image
  return { ok: true, image: { id: randomUUID(), contentType: type, width, height, bytes } }
}

function storedImageView(image: Pick<ImageRecord, 'id' | 'width' | 'height'>): StoredImage {
  return { id: image.id, url: imageUrl(image.id), width: image.width, height: image.height }
}

async function accessTo(
  store: Pick<Store, 'documents' | 'lessons' | 'mentorships' | 'versions'>,
  actor: Actor,
  documentId: string,
) {
  const document = await store.documents.findDocument(documentId)
  return document ? documentAccess(actor, await documentContextOf(store, document)) : null
}

/** Stores `image` for the document if the actor may edit it; a document they may not see is missing. */
export async function addImage(
  store: Pick<Store, 'documents' | 'images' | 'lessons' | 'mentorships' | 'versions'>,
  actor: Actor,
  documentId: string,
  image: CheckedImage,
): Promise<Outcome<StoredImage>> {
  const access = await accessTo(store, actor, documentId)
  if (!access) return missing('没有这份文档')
  if (!canWriteContent(access)) return forbid('只有能编辑这份文档的人可以插入图片')
  await store.images.addImages([{ ...image, documentId, createdBy: actor.userId }])
  return succeed(storedImageView(image))
}

/**
 * Pictures pasted from other documents become pictures of this one, so that they show to its readers
 * and outlive the document they came from; those already its own stay as they are. Images the actor
 * may not see are left out.
 */
export async function adoptImages(
  store: Pick<Store, 'documents' | 'images' | 'lessons' | 'mentorships' | 'versions'>,
  actor: Actor,
  documentId: string,
  ids: readonly string[],
): Promise<Outcome<{ from: string; image: StoredImage }[]>> {
  const access = await accessTo(store, actor, documentId)
  if (!access) return missing('没有这份文档')
  if (!canWriteContent(access)) return forbid('只有能编辑这份文档的人可以插入图片')
  const adopted: { from: string; image: StoredImage }[] = []
  const copies: NewImage[] = []
  for (const image of await readableImages(store, actor, ids)) {
    const own =
      image.documentId === documentId ? image : { ...image, id: randomUUID(), documentId, createdBy: actor.userId }
    if (own !== image) copies.push(own)
    adopted.push({ from: image.id, image: storedImageView(own) })
  }
  await store.images.addImages(copies)
  return succeed(adopted)
}

/**
 * The images among `ids` that the actor may see; the others are left out as if they did not exist.
 * Each document's access is decided once, however many of its images are asked for.
 */
export async function readableImages(
  store: Pick<Store, 'documents' | 'images' | 'lessons' | 'mentorships' | 'versions'>,
  actor: Actor,
  ids: readonly string[],
): Promise<ImageRecord[]> {
  const images = await store.images.findImages(ids)
  const readable = new Map<string, Promise<boolean>>()
  const visible = await Promise.all(
    images.map((image) => {
      let allowed = readable.get(image.documentId)
      if (!allowed) {
        allowed = accessTo(store, actor, image.documentId).then((access) => access !== null)
        readable.set(image.documentId, allowed)
      }
      return allowed
    }),
  )
  return images.filter((_, index) => visible[index])
}
