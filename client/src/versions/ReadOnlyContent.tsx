/**
 * A document body (ProseMirror JSON from the server) shown read-only with the editor's own schema and
 * styles, e.g. a 定稿 version or a colleague's reflection. No editor is created: nothing to sync. Given
 * a `source` (`version:<id>`, or `document:<id>` for a reflection), what is copied out of it keeps that
 * source when pasted into a plan (LIBRARY-11).
 */
import { generateHTML } from '@tiptap/core'
import { useMemo } from 'react'
import type { ProseMirrorJson } from '../../../shared/api/versions.ts'
import { contentExtensions } from '../../../shared/schema/editor-schema.ts'
import { copyWithSource } from './copy-with-source.ts'

const extensions = contentExtensions()

export function ReadOnlyContent({
  content,
  label,
  source,
}: {
  content: ProseMirrorJson
  label: string
  source?: string
}) {
  // The HTML comes from the schema's own serializer, which escapes text and attributes.
  const html = useMemo(() => generateHTML(content, extensions), [content])
  return (
    <div
      className="document-body read-only-body"
      aria-label={label}
      data-testid="read-only-content"
      onCopy={
        source === undefined
          ? undefined
          : (event) => {
              if (copyWithSource(event.clipboardData, event.currentTarget, source)) event.preventDefault()
            }
      }
      dangerouslySetInnerHTML={{ __html: html }}
    />
  )
}
