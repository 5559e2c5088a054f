/**
 * An uploaded .docx as a 导学案 of the school's template, and the list of what it could not keep.
 * Throws `ImportRefusal` for a file that is not a .docx, is unsafe or cannot be read; stores nothing.
 */
import type { ImportedLesson } from '../../shared/import/lesson-from-blocks.ts'
import type { UnkeptItem } from '../../shared/import/unkept.ts'
import type { LessonTemplate } from '../../shared/template/lesson-template.ts'
import type { CheckedImage } from '../images/image-access.ts'
import { unkeptFeatures } from './document-features.ts'
import { openDocxPackage } from './docx-package.ts'

export interface ReadDocx {
  lesson: ImportedLesson
  /** Checked pictures the lesson's image nodes point at; the caller stores them with the draft. */
  images: CheckedImage[]
  unkept: UnkeptItem[]
}

export async function readDocx(bytes: Uint8Array, template: LessonTemplate): Promise<ReadDocx> {
  const docxPackage = openDocxPackage(bytes)
  // mammoth, and the DOM that Tiptap parses HTML in (happy-dom), are about 13 MB of heap: loaded with
  // the first import, not by every server at start.
  const [{ docxToHtml }, { lessonOfHtml }] = await Promise.all([
    import('./docx-to-html.ts'),
    import('./html-to-lesson.ts'),
  ])
  const { html, images, unkept } = await docxToHtml(bytes)
  return {
    lesson: lessonOfHtml(html, template),
    images,
    unkept: [...docxPackage.dropped, ...unkeptFeatures(docxPackage.xmlParts), ...unkept],
  }
}
