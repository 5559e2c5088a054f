/**
 * The worker thread `shrinkPicture` starts for one picture (its `workerData`): decodes the JPEG or PNG with jimp, redraws it at `shrunkSize`
 * on white (a PNG's transparent parts would otherwise turn black in a JPEG) and encodes it at the first
 * quality of `shrinkQualities` within `limits.maxImageBytes`. Replies with the JPEG, or with null when the
 * picture cannot be decoded or does not fit at any quality.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { Jimp } from 'jimp'
import { shrinkQualities, shrunkSize } from '../../shared/images/image-shrink.ts'
import { limits } from '../../shared/limits.ts'

async function shrunkJpeg(bytes: Uint8Array): Promise<Uint8Array | null> {
  const picture = await Jimp.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  const size = shrunkSize(picture.bitmap.width, picture.bitmap.height)
  const redrawn = new Jimp({ ...size, color: 0xffffffff })
  // `composite` draws in place; what it returns is typed `any`.
  redrawn.composite(picture.resize({ w: size.width, h: size.height }))
  for (const quality of shrinkQualities) {
    const jpeg = await redrawn.getBuffer('image/jpeg', { quality: Math.round(quality * 100) })
    if (jpeg.length <= limits.maxImageBytes) return new Uint8Array(jpeg)
  }
  return null
}

shrunkJpeg(workerData as Uint8Array).then(
  (jpeg) => parentPort?.postMessage(jpeg),
  () => parentPort?.postMessage(null),
)
