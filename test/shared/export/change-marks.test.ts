/** Where the 二次备课 marks go: cuts stay in their own section. */
import { describe, expect, it } from 'vitest'
import { buildExport } from '../../../shared/export/build-export.ts'
import { changeMarksOf } from '../../../shared/export/change-marks.ts'
import { buildEditorSchema } from '../../../shared/schema/editor-schema.ts'
import type { BlockChange } from '../../../shared/versions/block-diff.ts'
import type { Block } from '../../../shared/versions/document-blocks.ts'

const block = (key: string, sectionKey: string): Block => ({
  key,
  type: 'paragraph',
  text: key,
  section: sectionKey,
  sectionKey,
  json: {},
})

describe('changeMarksOf', () => {
  it('puts a cut after the passage it followed in its section, else before the next one there', () => {
    const changes: BlockChange[] = [
      { change: 'same', block: block('a1', 'a') },
      { change: 'removed', block: block('a2', 'a') },
      { change: 'removed', block: block('b1', 'b') },
      { change: 'same', block: block('b2', 'b') },
      { change: 'added', block: block('b3', 'b') },
      { change: 'changed', before: block('b4', 'b'), block: block('b4', 'b'), parts: [{ text: 'x', change: 'added' }] },
    ]
    const marks = changeMarksOf(changes)
    expect(marks.removedAfter.get('a1')?.map((cut) => cut.key)).toEqual(['a2'])
    expect(marks.removedBefore.get('b2')?.map((cut) => cut.key)).toEqual(['b1'])
    expect(marks.byKey.get('b3')).toEqual({ mark: 'added' })
    expect(marks.byKey.get('b4')).toMatchObject({ mark: 'changed' })
    expect(marks.count).toBe(4)
  })

  it('prints a cut with no neighbour left at the end', () => {
    const marks = changeMarksOf([{ change: 'removed', block: block('only', 'a') }])
    expect(marks.removedAtEnd.map((cut) => cut.key)).toEqual(['only'])
  })

  it('prints a cut picture as words, struck through and labelled', () => {
    const picture: Block = { key: 'p1', type: 'image', text: '', section: 'a', sectionKey: 'a', json: {} }
    const doc = buildEditorSchema().nodeFromJSON({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: '留下的' }] }],
    })
    const model = buildExport(doc, {
      edition: 'teacher',
      title: '',
      subtitle: '',
      changes: { marks: changeMarksOf([{ change: 'removed', block: picture }]), keyOf: () => null },
    })
    expect(model.blocks.at(-1)).toEqual({
      kind: 'paragraph',
      inlines: [{ text: '〔图片〕', change: 'removed' }],
      teacherOnly: false,
      change: 'removed',
    })
  })
})
