/** Queries of stored images (`images`, migration 006), used by the repositories in `sql/` in both dialects. */
import type { Kysely, Selectable } from 'kysely'
import type { ImageType } from '../../shared/images/image-header.ts'
import type { Database, ImagesTable } from './database-schema.ts'
import type { ImageRecord, NewImage } from './image-records.ts'

/** All or none: an import's images are stored together. */
export async function addImages(db: Kysely<Database>, images: readonly NewImage[]): Promise<void> {
  if (images.length === 0) return
  const now = Date.now()
  await db.transaction().execute(async (trx) => {
    for (const image of images) {
      await trx
        .insertInto('images')
        .values({
          id: image.id,
          document_id: image.documentId,
          created_by: image.createdBy,
          content_type: image.contentType,
          width: image.width,
          height: image.height,
          bytes: Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength),
          created_at: now,
        })
        .execute()
    }
  })
}

export async function findImages(db: Kysely<Database>, ids: readonly string[]): Promise<ImageRecord[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('images')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute()
  return rows.map(toImage)
}

function toImage(row: Selectable<ImagesTable>): ImageRecord {
  return {
    id: row.id,
    documentId: row.document_id,
    createdBy: row.created_by,
    contentType: row.content_type as ImageType,
    width: Number(row.width),
    height: Number(row.height),
    bytes: new Uint8Array(row.bytes),
    createdAt: new Date(Number(row.created_at)),
  }
}
