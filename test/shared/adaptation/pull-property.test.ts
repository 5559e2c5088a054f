/**
 * ADAPT-3 over random edits: whatever the teacher and the shared plan did to the same passages
 * (typed into them, deleted words, deleted the passage), a pull leaves every passage the teacher changed
 * exactly as she wrote it, brings every passage only the shared plan changed, and keeps the reading order.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { pullVersion } from '../../../shared/adaptation/pull.ts'
import { editBody, fork, paragraph, planDoc, retype, schema, stateOf, texts } from '../versions/plan-documents.ts'

/** A first passage nobody touches, so that a document is never left without any. */
const title = '合作探究'
const baseTexts = ['各组展示正方体的展开图', '并说明理由。', '完成课本第1、2题', '标出相对的面']
const words = ['长方体', '（3、4班）', '限时5分钟', '，', '学生']

type Edit =
  | { kind: 'keep' }
  | { kind: 'insert'; at: number; word: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'remove' }

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.constant<Edit>({ kind: 'keep' }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(20), word: fc.constantFrom(...words) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(20), length: fc.integer({ min: 1, max: 3 }) }),
  fc.constant<Edit>({ kind: 'remove' }),
)

/** The text after `change`, or null when the passage was removed. */
function edited(text: string, change: Edit): string | null {
  switch (change.kind) {
    case 'keep':
      return text
    case 'remove':
      return null
    case 'insert': {
      const at = Math.min(change.at, text.length)
      return text.slice(0, at) + change.word + text.slice(at)
    }
    case 'delete': {
      const at = Math.min(change.at, text.length - 1)
      return text.slice(0, at) + text.slice(at + change.length)
    }
  }
}

/**
 * Edits the paragraphs as the editor would, one change per transaction: each retyped in place, then
 * the removed ones removed (the passage after the title at `index + 1`).
 */
function apply(doc: Y.Doc, results: readonly (string | null)[]): void {
  for (const [index, result] of results.entries()) {
    if (result !== null) retype(doc, index + 1, result)
  }
  for (let index = results.length - 1; index >= 0; index--) {
    if (results[index] === null) editBody(doc, (blocks) => blocks.filter((_, at) => at !== index + 1))
  }
}

describe('[ADAPT-3] a pull over random edits of both sides', () => {
  it('keeps every passage the teacher changed as she wrote it, and brings the rest of the shared changes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(edit, edit), { minLength: baseTexts.length, maxLength: baseTexts.length }),
        (edits) => {
          const plan = planDoc([paragraph(title), ...baseTexts.map(paragraph)])
          const v1 = stateOf(plan)
          const adaptation = fork(v1)
          const mine = baseTexts.map((text, index) => edited(text, edits[index]![0]))
          const shared = baseTexts.map((text, index) => edited(text, edits[index]![1]))
          apply(adaptation, mine)
          apply(plan, shared)

          Y.applyUpdate(adaptation, pullVersion(v1, stateOf(plan), stateOf(adaptation), schema).update)

          const expected = baseTexts.map((text, index) => (mine[index] !== text ? mine[index] : shared[index]))
          expect(texts(adaptation)).toEqual([title, ...expected.filter((text) => text !== null)])
        },
      ),
      { seed: 20261207, numRuns: 100 },
    )
  })
})
