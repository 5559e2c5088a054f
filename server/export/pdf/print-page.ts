/** The whole HTML page chromium prints: the export's markup with the shared print stylesheet. */
import { escapeHtml, exportHtml, type ImageSource } from '../../../shared/export/export-html.ts'
import type { ExportDocument } from '../../../shared/export/export-model.ts'
import { printStyles } from '../../../shared/export/print-styles.ts'

export function printPage(model: ExportDocument, imageSrc: ImageSource): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(model.title)}</title><style>body{margin:0}${printStyles}</style></head><body>${exportHtml(model, imageSrc)}</body></html>`
}
