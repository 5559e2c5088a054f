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
