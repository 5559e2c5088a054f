/**
 * Sanitized HTML as the blocks of the editor schema (through ProseMirror's own DOM parser on a server
 * DOM), then as a 导学案 by the shared mapping rules.
 */
import type { JSONContent } from '@tiptap/core'
import { generateJSON } from '@tiptap/html/server'
import { type ImportedLesson, lessonFromBlocks } from '../../shared/import/lesson-from-blocks.ts'
import { contentExtensions } from '../../shared/schema/editor-schema.ts'
import type { LessonTemplate } from '../../shared/template/lesson-template.ts'
import { sanitizeImportedHtml } from './sanitize-html.ts'

const extensions = contentExtensions()

/** Top-level blocks only: the sanitizer lets no section or header markup through. */
export function blocksOfHtml(html: string): JSONContent[] {
  // Spaces are the teacher's: 「（  ）」 is an answer's blank. mammoth writes no whitespace between tags.
  const doc = generateJSON(sanitizeImportedHtml(html), extensions, { preserveWhitespace: true }) as JSONContent
  return doc.content ?? []
}

export function lessonOfHtml(html: string, template: LessonTemplate): ImportedLesson {
  return lessonFromBlocks(blocksOfHtml(html), template)
}
