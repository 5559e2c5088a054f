/**
 * The print view's hash routes: `#/print/<source>/<id>/<edition>`, e.g. `#/print/versions/v1/student`.
 * A source is what the export API exports: a 定稿 version, a document (shared plan, 二次备课, 反思),
 * or a 集体备课记录.
 */
import { type Edition, editions } from '../../../shared/export/export-model.ts'

export const exportSources = ['versions', 'documents', 'meetings'] as const
export type ExportSource = (typeof exportSources)[number]

export interface PrintRoute {
  page: 'print'
  source: ExportSource
  id: string
  edition: Edition
}

export function parsePrintRoute(path: string): PrintRoute | null {
  const parts = path.split('/').slice(1).map(decodeURIComponent)
  const [first, source, id, edition] = parts
  if (first !== 'print' || parts.length !== 4 || !id) return null
  if (!(exportSources as readonly string[]).includes(source!) || !(editions as readonly string[]).includes(edition!))
    return null
  return { page: 'print', source: source as ExportSource, id, edition: edition as Edition }
}

export function printHref(route: Omit<PrintRoute, 'page'>): string {
  return `#/print/${[route.source, route.id, route.edition].map(encodeURIComponent).join('/')}`
}

/** The export API's address of a source, for a download link or the print view's content. */
export function exportUrl(source: ExportSource, id: string, edition: Edition, format: 'docx' | 'pdf' | 'json'): string {
  return `/api/${source}/${encodeURIComponent(id)}/export?edition=${edition}&format=${format}`
}
