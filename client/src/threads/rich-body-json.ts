/**
 * A body's runs (`shared/threads/rich-body.ts`) as the small editor's document and back: one paragraph
 * per line, the marks as Tiptap marks. A hard break (Shift+Enter) reads as a line break too, and a
 * picked @mention as its words 「@王芳」 (its id is read apart, by `pickedMentions`).
 */
import type { JSONContent } from '@tiptap/core'
import { type BodyMarks, type BodyRun, bodyMarks, bodyRuns } from '../../../shared/threads/rich-body.ts'

export function bodyToJson(runs: readonly BodyRun[]): JSONContent {
  const lines: JSONContent[][] = [[]]
  for (const run of runs) {
    run.insert.split('\n').forEach((words, index) => {
      if (index > 0) lines.push([])
      if (words === '') return
      const marks = bodyMarks.filter((mark) => run.attributes?.[mark]).map((type) => ({ type }))
      lines[lines.length - 1]!.push(
        marks.length > 0 ? { type: 'text', text: words, marks } : { type: 'text', text: words },
      )
    })
  }
  return {
    type: 'doc',
    content: lines.map((content) => (content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' })),
  }
}

export function jsonToBody(doc: JSONContent): BodyRun[] {
  const runs: BodyRun[] = []
  ;(doc.content ?? []).forEach((paragraph, index) => {
    if (index > 0) runs.push({ insert: '\n' })
    for (const node of paragraph.content ?? []) {
      if (node.type === 'hardBreak') runs.push({ insert: '\n' })
      else if (node.type === 'mention')
        runs.push({ insert: `@${String(node.attrs?.label ?? '')}`, attributes: marksOf(node) })
      else if (node.type === 'text' && node.text) runs.push({ insert: node.text, attributes: marksOf(node) })
    }
  })
  return bodyRuns(runs)
}

/** The ids of the members picked from the 「@」 list whose mention is still in the body. */
export function pickedMentions(doc: JSONContent): string[] {
  const ids = (doc.content ?? []).flatMap((paragraph) =>
    (paragraph.content ?? []).flatMap((node) =>
      node.type === 'mention' && typeof node.attrs?.id === 'string' ? [node.attrs.id] : [],
    ),
  )
  return [...new Set(ids)]
}

function marksOf(node: JSONContent): BodyMarks {
  const marks: BodyMarks = {}
  for (const mark of node.marks ?? [])
    if ((bodyMarks as readonly string[]).includes(mark.type)) marks[mark.type as keyof BodyMarks] = true
  return marks
}
