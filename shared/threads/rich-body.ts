/**
 * A thread's or reply's body as short rich text: runs of words, each with the few marks a teacher needs
 * (加粗, 斜体, 下划线), and `\n` for a line break. It is stored as the Y.Text `body` with those marks as
 * formatting attributes, so the plain words (`Y.Text.toString()`) stay what counts, search and
 * notifications read. Any other attribute or embed someone wrote is dropped on reading: the panel only
 * ever shows these marks.
 */
import type * as Y from 'yjs'

export const bodyMarks = ['bold', 'italic', 'underline'] as const
export type BodyMark = (typeof bodyMarks)[number]
export type BodyMarks = Partial<Record<BodyMark, true>>

export interface BodyRun {
  insert: string
  attributes?: BodyMarks
}

/** What thread edits accept: plain words, or runs with marks. */
export type BodyInput = string | readonly BodyRun[]

/** The runs of `input` with only known marks, empty runs dropped, neighbours with the same marks joined. */
export function bodyRuns(input: BodyInput): BodyRun[] {
  const runs: BodyRun[] = []
  for (const run of typeof input === 'string' ? [{ insert: input }] : input) {
    if (run.insert === '') continue
    const marks = knownMarks(run.attributes)
    const last = runs[runs.length - 1]
    if (last && sameMarks(last.attributes, marks)) last.insert += run.insert
    else runs.push(marks ? { insert: run.insert, attributes: marks } : { insert: run.insert })
  }
  return runs
}

/** `bodyRuns` without the blanks and line breaks at either end, as a body is sent. */
export function trimmedBody(input: BodyInput): BodyRun[] {
  const runs = bodyRuns(input)
  const text = bodyText(runs)
  const start = text.length - text.trimStart().length
  const end = text.trimEnd().length
  let offset = 0
  const kept: BodyRun[] = []
  for (const run of runs) {
    const from = Math.max(start - offset, 0)
    const to = Math.min(end - offset, run.insert.length)
    if (from < to) kept.push({ ...run, insert: run.insert.slice(from, to) })
    offset += run.insert.length
  }
  return kept
}

export function bodyText(runs: readonly BodyRun[]): string {
  return runs.map((run) => run.insert).join('')
}

export function readBody(text: Y.Text | undefined): BodyRun[] {
  if (!text) return []
  const delta = text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]
  return bodyRuns(
    delta.flatMap((run) =>
      typeof run.insert === 'string' ? [{ insert: run.insert, attributes: run.attributes as BodyMarks }] : [],
    ),
  )
}

/** Replaces the whole of `text` with `input`; the caller wraps it in a transaction. */
export function writeBody(text: Y.Text, input: BodyInput): void {
  text.delete(0, text.length)
  let index = 0
  for (const run of bodyRuns(input)) {
    // An explicit `{}` keeps a plain run from taking on the marks of the run before it.
    text.insert(index, run.insert, { ...run.attributes })
    index += run.insert.length
  }
}

function knownMarks(attributes: Record<string, unknown> | undefined): BodyMarks | undefined {
  if (!attributes) return undefined
  const marks: BodyMarks = {}
  for (const mark of bodyMarks) if (attributes[mark] === true) marks[mark] = true
  return Object.keys(marks).length > 0 ? marks : undefined
}

function sameMarks(a: BodyMarks | undefined, b: BodyMarks | undefined): boolean {
  return bodyMarks.every((mark) => a?.[mark] === b?.[mark])
}
