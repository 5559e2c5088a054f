/**
 * The images an export prints. The model names them by id; the server loads those the reader may see
 * and marks the others missing before any renderer runs, so the .docx, the PDF and the print view show
 * the same placeholder for an image that is gone (or belongs to a document the reader cannot open).
 */
import type { ExportBlock, ExportDocument } from './export-model.ts'

export function missingImageText(alt: string): string {
  return alt ? `【图片缺失：${alt}】` : '【图片缺失】'
}

/** Every image id of the blocks, each once. */
export function imageIdsOf(blocks: readonly ExportBlock[]): string[] {
  const ids = new Set<string>()
  const visit = (block: ExportBlock): void => {
    switch (block.kind) {
      case 'image':
        if (block.imageId) ids.add(block.imageId)
        return
      case 'section':
      case 'quote':
        return block.blocks.forEach(visit)
      case 'list':
        return block.items.forEach((item) => item.forEach(visit))
      case 'table':
        return block.rows.forEach((row) => row.forEach((cell) => cell.blocks.forEach(visit)))
      case 'paragraph':
      case 'heading':
      case 'code':
      case 'rule':
        return
      default:
        return block satisfies never
    }
  }
  blocks.forEach(visit)
  return [...ids]
}

/** The model with every image not in `available` marked missing. */
export function withAvailableImages(model: ExportDocument, available: ReadonlySet<string>): ExportDocument {
  const mark = (block: ExportBlock): ExportBlock => {
    switch (block.kind) {
      case 'image':
        return block.imageId && !available.has(block.imageId) ? { ...block, imageId: null } : block
      case 'section':
      case 'quote':
        return { ...block, blocks: block.blocks.map(mark) }
      case 'list':
        return { ...block, items: block.items.map((item) => item.map(mark)) }
      case 'table':
        return {
          ...block,
          rows: block.rows.map((row) => row.map((cell) => ({ ...cell, blocks: cell.blocks.map(mark) }))),
        }
      default:
        return block
    }
  }
  return { ...model, blocks: model.blocks.map(mark) }
}
