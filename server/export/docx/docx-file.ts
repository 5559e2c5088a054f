/**
 * Where exports get their .docx files. The writer and the `docx` library behind it are loaded with the
 * first export, not at start: a server exports now and then, and holding them from start cost every
 * server a few MB of heap for nothing (`docs/benchmark-log/2026-12.md`, server cost).
 */
import type { ExportDocument } from '../../../shared/export/export-model.ts'
import type { ExportImages } from './docx-image.ts'

export const docxContentType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** `images`: the bytes of the model's images, by id; those not in it print as placeholders. */
export async function docxOf(model: ExportDocument, images: ExportImages): Promise<Uint8Array> {
  const { docxDocument } = await import('./docx-document.ts')
  return docxDocument(model, images)
}
