/** The images area of the store over SQL, shared by both dialects. */
import type { Kysely } from 'kysely'
import * as images from '../image-queries.ts'
import type { Database } from '../database-schema.ts'
import type { ImageRecord, NewImage } from '../image-records.ts'
import type { ImageStore } from '../store.ts'

export class SqlImageStore implements ImageStore {
  constructor(private readonly db: Kysely<Database>) {}

  // — images of documents —
  addImages(newImages: readonly NewImage[]): Promise<void> {
    return images.addImages(this.db, newImages)
  }

  findImages(ids: readonly string[]): Promise<ImageRecord[]> {
    return images.findImages(this.db, ids)
  }
}
