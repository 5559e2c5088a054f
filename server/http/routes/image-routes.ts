/**
 * Images of documents. `POST /api/documents/{id}/images` takes the picture's bytes as the raw request
 * body (any Content-Type; the bytes decide what it is) from whoever may edit the document, checks them
 * (`checkImage`) and stores them; `GET /api/images/{id}` answers them to whoever may read the document,
 * as the type the bytes proved to be, never sniffed, and cached for good: an image never changes.
 * `POST /api/documents/{id}/images/copies` makes pictures pasted from other documents its own.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { bodyLimit } from 'hono/body-limit'
import { imageCopies, imageCopiesRequest, storedImage } from '../../../shared/api/images.ts'
import { imageRefusals } from '../../../shared/images/image-check.ts'
import { imageTypes } from '../../../shared/images/image-header.ts'
import { limits } from '../../../shared/limits.ts'
import { addImage, adoptImages, checkedImage, readableImages } from '../../images/image-access.ts'
import type { Store } from '../../store/store.ts'
import { ApiError, errorResponse, notFound } from '../api-error.ts'
import type { AuthVariables } from '../auth-middleware.ts'
import { errorResponses, jsonContent } from '../json-route.ts'
import { honoPath, unwrap } from './route-helpers.ts'

const binary = { schema: z.string().openapi({ type: 'string', format: 'binary' }) }
const imageContent = Object.fromEntries(imageTypes.map((type) => [type, binary]))

const uploadImage = createRoute({
  method: 'post',
  path: '/api/documents/{documentId}/images',
  summary: 'Store an image for the document (whoever may edit it): the raw bytes of a PNG, JPEG, GIF or WebP',
  description: `The body is the file itself, at most ${limits.maxImageBytes} bytes and ${limits.maxImageSide} pixels on its longer side. The type is read from the bytes, not from Content-Type; SVG is refused.`,
  request: {
    params: z.object({ documentId: z.string().min(1) }),
    body: { required: true, content: { ...imageContent, 'application/octet-stream': binary } },
  },
  responses: {
    201: { description: '已保存；url 是图片节点的 src', content: jsonContent(storedImage) },
    ...errorResponses(400, 401, 403, 404, 413),
  },
})

const readImage = createRoute({
  method: 'get',
  path: '/api/images/{imageId}',
  summary: 'A stored image, for whoever may read its document',
  request: { params: z.object({ imageId: z.string().min(1) }) },
  responses: {
    200: { description: '图片（类型按文件内容确定，长期缓存）', content: imageContent },
    ...errorResponses(401, 404),
  },
})

const copyImages = createRoute({
  method: 'post',
  path: '/api/documents/{documentId}/images/copies',
  summary: 'Make pictures pasted from other documents pictures of this one (whoever may edit it)',
  description:
    'Each image the caller may see is copied to the document, or kept if it is already the document’s own; the others are left out of the answer.',
  request: {
    params: z.object({ documentId: z.string().min(1) }),
    body: { required: true, content: jsonContent(imageCopiesRequest) },
  },
  responses: {
    200: { description: '每张图片在这份文档中的新地址', content: jsonContent(imageCopies) },
    ...errorResponses(400, 401, 403, 404),
  },
})

const uploadPattern = new RegExp(`^${uploadImage.path.replace(/\{\w+\}/g, '[^/]+')}$`)

/** The image upload has its own body limit instead of the API's JSON limit. */
export function isImageUploadPath(path: string): boolean {
  return uploadPattern.test(path)
}

export function imageRoutes(store: Pick<Store, 'documents' | 'images' | 'lessons' | 'mentorships' | 'versions'>) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>()
  app.use(
    honoPath(uploadImage.path),
    bodyLimit({
      maxSize: limits.maxImageBytes,
      onError: (c) => {
        c.header('Connection', 'close')
        return errorResponse(c, new ApiError(413, 'payload_too_large', imageRefusals.tooLarge))
      },
    }),
  )

  app.openapi(uploadImage, async (c) => {
    const checked = checkedImage(new Uint8Array(await c.req.arrayBuffer()))
    if (!checked.ok) throw new ApiError(checked.code === 'payload_too_large' ? 413 : 400, checked.code, checked.message)
    const stored = unwrap(await addImage(store, c.var.auth.actor, c.req.valid('param').documentId, checked.image))
    return c.json(stored, 201)
  })

  app.openapi(copyImages, async (c) => {
    const copies = unwrap(
      await adoptImages(store, c.var.auth.actor, c.req.valid('param').documentId, c.req.valid('json').imageIds),
    )
    return c.json({ copies }, 200)
  })

  app.openapi(readImage, async (c) => {
    const [image] = await readableImages(store, c.var.auth.actor, [c.req.valid('param').imageId])
    if (!image) throw notFound('没有这张图片')
    c.header('Content-Type', image.contentType)
    c.header('X-Content-Type-Options', 'nosniff')
    // Private: the answer depends on who asks. Immutable: an id is never given other bytes.
    c.header('Cache-Control', 'private, max-age=31536000, immutable')
    return c.body(image.bytes as Uint8Array<ArrayBuffer>, 200)
  })
  return app
}
