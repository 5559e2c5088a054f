/**
 * Uploads a picture for a document: checked here first by the same rules as the server (`checkImage`),
 * so a wrong file is refused at once and without using the network, and one over the size limits is
 * shrunk to print size first (a phone photo), then sent as the raw
 * body of `POST /api/documents/{id}/images`. Every failure is an `ApiError` whose message a teacher can
 * read as it is.
 */
import { type ImageCopies, maxImageCopies, type StoredImage } from '../../../shared/api/images.ts'
import { checkImage } from '../../../shared/images/image-check.ts'
import { shrinkQualities, shrunkSize } from '../../../shared/images/image-shrink.ts'
import { ApiError, apiRequest } from '../api/http.ts'

/** What a failed upload means here: the picture is not in the document. */
const notInserted = {
  network: '无法连接服务器，图片没有插入，请检查网络后再试',
  internal: '服务器出错了，图片没有插入，请稍后再试',
  unknown: '图片没有插入',
}

export const offlineImageMessage = '现在处于离线状态，图片需要联网上传，没有插入。请联网后再插入图片'

/**
 * Word cannot show WebP, so the browser redraws one as PNG, which every export keeps; if it cannot, or
 * the PNG would be over the limit, the WebP goes as it is (the .docx then says where to see it).
 */
async function asPngIfWebp(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  try {
    const bitmap = await createImageBitmap(new Blob([bytes]))
    const canvas = document.createElement('canvas')
    canvas.width = bitmap.width
    canvas.height = bitmap.height
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0)
    bitmap.close()
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
    const converted = png ? new Uint8Array(await png.arrayBuffer()) : null
    return converted && checkImage(converted).ok ? converted : bytes
  } catch {
    return bytes
  }
}

/**
 * A picture over the size limits (a phone photo of 8 MB, 4000 px) redrawn as a JPEG of print size
 * (`shrunkSize`), at the best quality that fits; null when the browser cannot read it or no quality fits.
 */
async function shrunkPhoto(file: Blob): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    const bitmap = await createImageBitmap(file)
    const size = shrunkSize(bitmap.width, bitmap.height)
    const canvas = document.createElement('canvas')
    canvas.width = size.width
    canvas.height = size.height
    const context = canvas.getContext('2d')
    if (!context) return null
    // JPEG has no transparency: a transparent PNG's background prints white, as on paper.
    context.fillStyle = '#ffffff'
    context.fillRect(0, 0, size.width, size.height)
    context.drawImage(bitmap, 0, 0, size.width, size.height)
    bitmap.close()
    for (const quality of shrinkQualities) {
      const jpeg = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality))
      const bytes = jpeg ? new Uint8Array(await jpeg.arrayBuffer()) : null
      if (bytes && checkImage(bytes).ok) return bytes
    }
    return null
  } catch {
    return null
  }
}

export async function uploadImage(documentId: string, file: Blob): Promise<StoredImage> {
  let original = new Uint8Array(await file.arrayBuffer())
  let first = checkImage(original)
  if (!first.ok && first.code === 'payload_too_large') {
    const shrunk = await shrunkPhoto(file)
    if (shrunk) {
      original = shrunk
      first = checkImage(shrunk)
    }
  }
  if (!first.ok) throw new ApiError(400, first.code, first.message)
  if (!navigator.onLine) throw new ApiError(0, 'network', offlineImageMessage)
  const bytes = first.image.type === 'image/webp' ? await asPngIfWebp(original) : original
  const check = checkImage(bytes)
  if (!check.ok) throw new ApiError(400, check.code, check.message)
  return apiRequest<StoredImage>(`/api/documents/${encodeURIComponent(documentId)}/images`, {
    method: 'POST',
    upload: new Blob([bytes], { type: check.image.type }),
    wording: notInserted,
  })
}

/** Pictures pasted from other documents as pictures of this one (`POST …/images/copies`). */
export async function copyImages(documentId: string, imageIds: readonly string[]): Promise<ImageCopies['copies']> {
  const path = `/api/documents/${encodeURIComponent(documentId)}/images/copies`
  return (
    await apiRequest<ImageCopies>(path, { method: 'POST', body: { imageIds: imageIds.slice(0, maxImageCopies) } })
  ).copies
}
