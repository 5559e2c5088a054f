/** JSON shapes of stored images (`server/http/routes/image-routes.ts`), for the server and the client. */
import { z } from 'zod'

export const storedImage = z.object({
  id: z.string(),
  /** The image node's `src`: `/api/images/{id}`. */
  url: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
})
export type StoredImage = z.infer<typeof storedImage>

/** Most pictures one paste may bring along from other documents. */
export const maxImageCopies = 50

export const imageCopiesRequest = z.object({ imageIds: z.array(z.string().min(1)).min(1).max(maxImageCopies) })

export const imageCopies = z.object({
  /** One per image the reader may see; the others are left out. */
  copies: z.array(z.object({ from: z.string(), image: storedImage })),
})
export type ImageCopies = z.infer<typeof imageCopies>
