/** Stored images (`images`, migration 006). */
import type { ImageType } from '../../shared/images/image-header.ts'

export interface NewImage {
  /** Chosen by the caller, so that an import can write the addresses into the draft before it is stored. */
  id: string
  documentId: string
  createdBy: string
  contentType: ImageType
  width: number
  height: number
  bytes: Uint8Array
}

export interface ImageRecord extends NewImage {
  createdAt: Date
}
