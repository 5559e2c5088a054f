/**
 * Word, PDF and print exports: a 定稿 version, a document (shared plan, 二次备课, 课后反思, 同课异构),
 * a 集体备课记录, a semester or unit of 定稿 plans as one .zip, a teacher's reflections. Whoever may
 * read a thing may export it; refusals are 403 with the rule's reason and a PDF the server cannot
 * make is 503 `pdf_unavailable`, which the client answers with its print view.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { apiError } from '../../../shared/api/error-codes.ts'
import {
  archiveQuery,
  type ExportFormat,
  exportModel,
  exportQuery,
  reflectionsQuery,
} from '../../../shared/api/export.ts'
import type { ExportDocument } from '../../../shared/export/export-model.ts'
import { safeFileName } from '../../../shared/export/file-names.ts'
import { finalizedPlansZip, teacherReflections } from '../../export/archive-export.ts'
import contentDisposition from 'content-disposition'
import { docxContentType, docxOf } from '../../export/docx/docx-file.ts'
import type { ExportImages } from '../../export/docx/docx-image.ts'
import { inlineImageSource, withExportImages } from '../../export/export-images.ts'
import { documentExport, versionExport } from '../../export/export-sources.ts'
import { meetingRecordExport } from '../../export/meeting-export.ts'
import { type PdfRenderer, PdfUnavailableError } from '../../export/pdf/pdf-renderer.ts'
import { printPage } from '../../export/pdf/print-page.ts'
import type { MeetingContext } from '../../meetings/meeting-steps.ts'
import type { ContentContext } from '../../versions/document-content.ts'
import type { Outcome } from '../../workflow/outcome.ts'
import { ApiError } from '../api-error.ts'
import type { AuthVariables } from '../auth-middleware.ts'
import { errorResponses, jsonContent } from '../json-route.ts'
import { refusalError } from './route-helpers.ts'

export interface ExportContext extends ContentContext, MeetingContext {
  store: ContentContext['store'] & MeetingContext['store']
  pdf: PdfRenderer
}

const fileResponses = {
  200: {
    description: '导出的文件（.docx / .pdf），或 format=json 时打印预览用的内容',
    content: {
      [docxContentType]: { schema: z.string().openapi({ format: 'binary' }) },
      'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
      ...jsonContent(exportModel),
    },
  },
  503: { description: '服务器不能生成 PDF（未安装 Chromium 或正忙）', content: jsonContent(apiError) },
  ...errorResponses(400, 401, 403, 404),
}

const exportVersion = createRoute({
  method: 'get',
  path: '/api/versions/{versionId}/export',
  summary: 'A 定稿 version as 学生版 or 教师版: .docx, PDF, or the print view’s content',
  request: { params: z.object({ versionId: z.string().min(1) }), query: exportQuery },
  responses: fileResponses,
})

const exportDocument = createRoute({
  method: 'get',
  path: '/api/documents/{documentId}/export',
  summary:
    'A document as it reads now: the shared plan at any stage, a 二次备课 (教师版 marks its 个人加减), a reflection',
  request: { params: z.object({ documentId: z.string().min(1) }), query: exportQuery },
  responses: fileResponses,
})

const exportMeeting = createRoute({
  method: 'get',
  path: '/api/meetings/{id}/export',
  summary: 'A 集体备课记录 as .docx, PDF, or the print view’s content',
  request: { params: z.object({ id: z.string().min(1) }), query: exportQuery.pick({ format: true }) },
  responses: fileResponses,
})

const exportFinalized = createRoute({
  method: 'get',
  path: '/api/groups/{groupId}/export/finalized',
  summary:
    'The newest 定稿 version of every finalized lesson of a semester (or of a unit of chosen lessons), one .docx each, as a .zip',
  request: { params: z.object({ groupId: z.string().min(1) }), query: archiveQuery },
  responses: {
    200: { description: '.zip', content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } } },
    ...errorResponses(400, 401, 403, 404),
  },
})

const exportReflections = createRoute({
  method: 'get',
  path: '/api/groups/{groupId}/export/reflections',
  summary: 'One teacher’s 课后反思 on the group’s lessons of a semester, as one document',
  request: { params: z.object({ groupId: z.string().min(1) }), query: reflectionsQuery },
  responses: fileResponses,
})

function unwrap<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw refusalError(outcome)
  return outcome.value
}

export function exportRoutes(context: ExportContext) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>()

  async function send(
    c: Context<{ Variables: AuthVariables }>,
    exported: ExportDocument,
    format: ExportFormat,
    fileTitle: string,
  ) {
    c.header('Cache-Control', 'private, no-store')
    const { model, images } = await withExportImages(context.store, c.var.auth.actor, exported)
    if (format === 'json') return c.json(model, 200)
    const [data, type] =
      format === 'pdf'
        ? [await pdfOf(model, images), 'application/pdf']
        : [await docxOf(model, images), docxContentType]
    c.header('Content-Type', type)
    c.header('Content-Disposition', contentDisposition(`${safeFileName(fileTitle)}.${format}`))
    return c.body(data as Uint8Array<ArrayBuffer>, 200)
  }

  async function pdfOf(model: ExportDocument, images: ExportImages): Promise<Uint8Array> {
    try {
      return await context.pdf.render(printPage(model, inlineImageSource(images)))
    } catch (error) {
      if (error instanceof PdfUnavailableError) throw new ApiError(503, 'pdf_unavailable', error.message)
      throw error
    }
  }

  app.openapi(exportVersion, async (c) => {
    const { edition, format } = c.req.valid('query')
    const { model, fileTitle } = unwrap(
      await versionExport(context, c.req.valid('param').versionId, c.var.auth.actor, edition),
    )
    return send(c, model, format, fileTitle)
  })

  app.openapi(exportDocument, async (c) => {
    const { edition, format } = c.req.valid('query')
    const { model, fileTitle } = unwrap(
      await documentExport(context, c.req.valid('param').documentId, c.var.auth.actor, edition),
    )
    return send(c, model, format, fileTitle)
  })

  app.openapi(exportMeeting, async (c) => {
    const { model, fileTitle } = unwrap(await meetingRecordExport(context, c.req.valid('param').id, c.var.auth.actor))
    return send(c, model, c.req.valid('query').format, fileTitle)
  })

  app.openapi(exportFinalized, async (c) => {
    const { semester, lessons, edition } = c.req.valid('query')
    const request = {
      groupId: c.req.valid('param').groupId,
      semester: semester ?? null,
      ...(lessons ? { lessonIds: lessons.split(',') } : {}),
    }
    const zip = unwrap(await finalizedPlansZip(context, request, c.var.auth.actor, edition))
    c.header('Content-Type', 'application/zip')
    c.header('Content-Disposition', contentDisposition(zip.name))
    c.header('Cache-Control', 'private, no-store')
    return c.body(zip.data as Uint8Array<ArrayBuffer>, 200)
  })

  app.openapi(exportReflections, async (c) => {
    const { teacher, semester, format } = c.req.valid('query')
    const request = { groupId: c.req.valid('param').groupId, semester: semester ?? null, teacherId: teacher }
    const { model, fileTitle } = unwrap(await teacherReflections(context, request, c.var.auth.actor))
    return send(c, model, format, fileTitle)
  })
  return app
}
