import type { JSONContent } from '@tiptap/core'
import { Fragment, Slice } from '@tiptap/pm/model'
import { EditorState, TextSelection } from '@tiptap/pm/state'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import {
  allowsTransaction,
  atStructureEdge,
  flattenPastedStructure,
  keepsStructure,
  structureOf,
} from '../../../client/src/editor/lesson-structure.ts'
import { structurePlaceholders } from '../../../client/src/editor/structure-placeholders.ts'
import { buildEditorSchema } from '../../../shared/schema/editor-schema.ts'
import { buildLessonPlan } from '../../../shared/template/build-lesson-plan.ts'
import type { LessonTemplate } from '../../../shared/template/lesson-template.ts'

const schema = buildEditorSchema()
const template: LessonTemplate = {
  sections: [
    { key: 'objectives', title: '学习目标', hint: '写目标', teacherOnly: false },
    { key: 'inquiry', title: '合作探究', hint: '', teacherOnly: false },
  ],
}

/** A draft whose 学习目标 holds two lines and 合作探究 one. */
function draft(): EditorState {
  const json = buildLessonPlan(template, { subject: '数学' })
  const paragraph = (text: string): JSONContent => ({ type: 'paragraph', content: [{ type: 'text', text }] })
  json.content![1]!.content = [paragraph('目标一'), paragraph('目标二')]
  json.content![2]!.content = [paragraph('探究')]
  return EditorState.create({ schema, doc: schema.nodeFromJSON(json) })
}

/** Position inside the first textblock whose text is `text`, at `offset`. */
function at(state: EditorState, text: string, offset = 0): number {
  let found = -1
  state.doc.descendants((node, pos) => {
    if (found < 0 && node.isTextblock && node.textContent === text) found = pos + 1 + offset
    return found < 0
  })
  if (found < 0) throw new Error(`no block "${text}"`)
  return found
}

function withCursor(state: EditorState, pos: number): EditorState {
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)))
}

describe('the structure guard', () => {
  it('lets typing, new lines and deleting inside one section through', () => {
    const state = draft()
    expect(keepsStructure(state.tr.insertText('！', at(state, '目标一', 3)), state.doc)).toBe(true)
    expect(keepsStructure(state.tr.split(at(state, '目标一', 1)), state.doc)).toBe(true)
    expect(keepsStructure(state.tr.delete(at(state, '目标一', 1), at(state, '目标二', 1)), state.doc)).toBe(true)
    expect(keepsStructure(state.tr.insertText('语文', at(state, '数学'), at(state, '数学', 2)), state.doc)).toBe(true)
  })

  it('refuses deleting from one section into the next, across the header, or whole sections', () => {
    const state = draft()
    expect(keepsStructure(state.tr.delete(at(state, '目标二', 1), at(state, '探究', 1)), state.doc)).toBe(false)
    expect(keepsStructure(state.tr.delete(at(state, '数学', 2), at(state, '目标一')), state.doc)).toBe(false)
    const inquiry = state.doc.child(2)
    const start = state.doc.content.size - inquiry.nodeSize
    expect(keepsStructure(state.tr.delete(start, state.doc.content.size), state.doc)).toBe(false)
    expect(keepsStructure(state.tr.delete(0, state.doc.content.size), state.doc)).toBe(false)
  })

  it('keeps a header field one line: no line break or paragraph fits in it, and splitting it is refused', () => {
    const state = draft()
    const inField = at(state, '数学', 1)
    expect(state.tr.replaceWith(inField, inField, schema.nodes.hardBreak!.create()).docChanged).toBe(false)
    expect(state.tr.replaceWith(inField, inField, schema.nodes.paragraph!.create()).docChanged).toBe(false)
    expect(allowsTransaction(state.tr.split(inField), state)).toBe(false)
  })

  it('refuses renaming a section or turning a header field into something else', () => {
    const state = draft()
    const objectives = state.doc.firstChild!.nodeSize
    expect(keepsStructure(state.tr.setNodeAttribute(objectives, 'title', '目标'), state.doc)).toBe(false)
    expect(keepsStructure(state.tr.setNodeAttribute(objectives, 'teacherOnly', true), state.doc)).toBe(false)
    expect(keepsStructure(state.tr.setNodeAttribute(at(state, '目标一') - 1, 'teacherOnly', true), state.doc)).toBe(
      true,
    )
    expect(structureOf(state.doc)).toContain('学习目标')
  })

  it('lets changes from Yjs through whatever they do, so that editors never disagree', () => {
    const state = draft()
    const everything = () => state.tr.delete(0, state.doc.content.size)
    expect(allowsTransaction(everything(), state)).toBe(false)
    expect(allowsTransaction(everything().setMeta(ySyncPluginKey, { isChangeOrigin: true }), state)).toBe(true)
    expect(allowsTransaction(state.tr.setSelection(TextSelection.create(state.doc, at(state, '探究'))), state)).toBe(
      true,
    )
  })
})

describe('the edges of sections and header fields', () => {
  it('are the start of a section’s first line and the end of its last line, and both ends of a field', () => {
    const state = draft()
    expect(atStructureEdge(withCursor(state, at(state, '目标一')), 'start')).toBe(true)
    expect(atStructureEdge(withCursor(state, at(state, '目标一', 1)), 'start')).toBe(false)
    expect(atStructureEdge(withCursor(state, at(state, '目标二')), 'start')).toBe(false)
    expect(atStructureEdge(withCursor(state, at(state, '目标二', 3)), 'end')).toBe(true)
    expect(atStructureEdge(withCursor(state, at(state, '目标一', 3)), 'end')).toBe(false)
    expect(atStructureEdge(withCursor(state, at(state, '数学')), 'start')).toBe(true)
    expect(atStructureEdge(withCursor(state, at(state, '数学', 2)), 'end')).toBe(true)
  })
})

describe('pasted structure', () => {
  it('becomes a heading with the section title and the section’s blocks', () => {
    const state = draft()
    const section = state.doc.child(1)
    const flat = flattenPastedStructure(new Slice(Fragment.from(section), 0, 0), schema)
    const blocks: string[] = []
    flat.content.forEach((node) => blocks.push(`${node.type.name}:${node.textContent}`))
    expect(blocks).toEqual(['heading:学习目标', 'paragraph:目标一', 'paragraph:目标二'])
  })

  it('turns header fields into labelled lines and leaves plain content alone', () => {
    const state = draft()
    const flat = flattenPastedStructure(new Slice(Fragment.from(state.doc.firstChild), 0, 0), schema)
    expect(flat.content.childCount).toBe(1)
    expect(flat.content.firstChild!.textContent).toBe('学科：数学')
    const plain = state.doc.slice(at(state, '目标一'), at(state, '目标二', 2))
    expect(flattenPastedStructure(plain, schema)).toBe(plain)
  })
})

describe('placeholders inside the structure', () => {
  it('show the template hint in an empty section and a prompt in empty header fields', () => {
    const doc = schema.nodeFromJSON(buildLessonPlan(template, { subject: '数学' }))
    const texts = structurePlaceholders(doc).map(({ pos, text }) => `${doc.nodeAt(pos)!.type.name}:${text}`)
    expect(texts).toEqual([
      ...Array<string>(8).fill('headerField:点击填写'),
      'paragraph:写目标',
      'paragraph:在这里填写合作探究',
    ])
    expect(structurePlaceholders(draft().doc).filter(({ text }) => text !== '点击填写')).toEqual([])
  })
})
