import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { EditorState, TextSelection } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { buildEditorSchema, contentFragmentName } from '../../../shared/schema/editor-schema.ts'
import { markableBlocksInSelection, selectionIsTeacherOnly } from '../../../shared/schema/teacher-only.ts'
import { buildLessonPlan } from '../../../shared/template/build-lesson-plan.ts'
import { defaultLessonTemplate } from '../../../shared/template/default-template.ts'
import type { JSONContent } from '@tiptap/core'

const schema = buildEditorSchema()

const text = (value: string): JSONContent => ({ type: 'text', text: value })
const paragraph = (value: string, teacherOnly = false): JSONContent => ({
  type: 'paragraph',
  attrs: { teacherOnly },
  ...(value ? { content: [text(value)] } : {}),
})

/** A small plan with a teacher-only answer, a teacher-only list and a teacher-only section. */
function plan(): JSONContent {
  return {
    type: 'doc',
    content: [
      {
        type: 'lessonHeader',
        content: [
          { type: 'headerField', attrs: { field: 'subject' }, content: [text('数学')] },
          { type: 'headerField', attrs: { field: 'topic' }, content: [text('一元一次方程')] },
          { type: 'headerField', attrs: { field: 'date' } },
        ],
      },
      {
        type: 'section',
        attrs: { key: 'classCheck', title: '当堂检测', hint: '练习题', teacherOnly: false },
        content: [
          paragraph('1. 下列各式中，是一元一次方程的是'),
          paragraph('参考答案：C', true),
          {
            type: 'bulletList',
            attrs: { teacherOnly: true },
            content: [{ type: 'listItem', content: [paragraph('讲评 5 分钟')] }],
          },
        ],
      },
      {
        type: 'section',
        attrs: { key: 'reflection', title: '课后反思', hint: '', teacherOnly: true },
        content: [paragraph('')],
      },
    ],
  }
}

/** ProseMirror JSON → Y.Doc (as the server stores it) → an update → a fresh Y.Doc → JSON. */
function throughYjs(json: JSONContent): JSONContent {
  const doc = prosemirrorJSONToYDoc(schema, json, contentFragmentName)
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return yXmlFragmentToProseMirrorRootNode(copy.getXmlFragment(contentFragmentName), schema).toJSON() as JSONContent
}

describe('editor schema', () => {
  it('keeps header fields, sections and 教师用 marks through Yjs', () => {
    const original = schema.nodeFromJSON(plan())
    const back = schema.nodeFromJSON(throughYjs(plan()))
    expect(() => back.check()).not.toThrow()
    expect(back.eq(original)).toBe(true)
    expect(back.child(1).attrs).toEqual({
      key: 'classCheck',
      title: '当堂检测',
      hint: '练习题',
      teacherOnly: false,
      blockSource: null,
    })
    expect(back.child(1).child(1).attrs.teacherOnly).toBe(true)
    expect(back.child(2).attrs.teacherOnly).toBe(true)
  })

  it('keeps a new draft from the template through Yjs', () => {
    const draft = buildLessonPlan(defaultLessonTemplate, { subject: '数学', leadPreparer: '李老师' })
    expect(schema.nodeFromJSON(throughYjs(draft)).eq(schema.nodeFromJSON(draft))).toBe(true)
  })

  it('still opens documents written before sections existed, and starts an empty one as a paragraph', () => {
    const loose: JSONContent = {
      type: 'doc',
      content: [{ type: 'heading', attrs: { level: 1 }, content: [text('旧导学案')] }, paragraph('正文')],
    }
    expect(() => schema.nodeFromJSON(loose).check()).not.toThrow()
    expect(schema.topNodeType.createAndFill()!.toJSON()).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph', attrs: { teacherOnly: false, blockSource: null } }],
    })
  })

  it('refuses what would break the structure: a section in a section, a header after a section, a field outside the header', () => {
    const section = (content: JSONContent[]): JSONContent => ({
      type: 'section',
      attrs: { key: 'a', title: '甲' },
      content,
    })
    const header: JSONContent = {
      type: 'lessonHeader',
      content: [{ type: 'headerField', attrs: { field: 'subject' } }],
    }
    const invalid: JSONContent[] = [
      { type: 'doc', content: [section([section([paragraph('x')])])] },
      { type: 'doc', content: [section([paragraph('x')]), header] },
      { type: 'doc', content: [{ type: 'headerField', attrs: { field: 'subject' } }] },
      { type: 'doc', content: [section([])] },
      {
        type: 'doc',
        content: [
          {
            type: 'lessonHeader',
            content: [{ type: 'headerField', content: [{ type: 'text', text: '粗', marks: [{ type: 'bold' }] }] }],
          },
        ],
      },
    ]
    for (const json of invalid) expect(() => schema.nodeFromJSON(json).check(), JSON.stringify(json)).toThrow()
  })
})

describe('教师用 selection', () => {
  function stateWithSelection(find: (text: string) => boolean, toFind = find) {
    const doc = schema.nodeFromJSON(plan())
    const positions: number[] = []
    doc.descendants((node, pos) => {
      if (node.isTextblock && (find(node.textContent) || toFind(node.textContent))) positions.push(pos + 1)
    })
    const selection = TextSelection.create(doc, positions[0]!, positions.at(-1))
    return EditorState.create({ schema, doc, selection })
  }

  it('acts on whole lists, not on the paragraph inside an item', () => {
    const state = stateWithSelection((value) => value === '讲评 5 分钟')
    expect(markableBlocksInSelection(state).map(({ node }) => node.type.name)).toEqual(['bulletList'])
    expect(selectionIsTeacherOnly(state)).toBe(true)
  })

  it('is pressed only when every touched block is teacher-only', () => {
    const mixed = stateWithSelection(
      (value) => value.startsWith('1.'),
      (value) => value.startsWith('参考答案'),
    )
    expect(markableBlocksInSelection(mixed).map(({ node }) => node.textContent)).toEqual([
      '1. 下列各式中，是一元一次方程的是',
      '参考答案：C',
    ])
    expect(selectionIsTeacherOnly(mixed)).toBe(false)
  })

  it('never acts on the header', () => {
    const state = stateWithSelection((value) => value === '数学')
    expect(markableBlocksInSelection(state)).toEqual([])
    expect(selectionIsTeacherOnly(state)).toBe(false)
  })
})
