/** [LIBRARY-11] The `blockSource` attribute: its shape, its bound, and that it survives Yjs and HTML. */
import type { JSONContent } from '@tiptap/core'
import { generateHTML, generateJSON } from '@tiptap/html/server'
import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { buildExport } from '../../../shared/export/build-export.ts'
import { blockSourceLabel } from '../../../shared/library/lineage.ts'
import { isBlockSourceValue, maxBlockSourceChars, parseBlockSource } from '../../../shared/schema/block-source.ts'
import { buildEditorSchema, contentExtensions, contentFragmentName } from '../../../shared/schema/editor-schema.ts'

const schema = buildEditorSchema()
const id = '7d3c2a9e-1b4f-4c1e-9a55-0c3b8f2d6e11'

const sourced = (blockSource: string | null): JSONContent => ({
  type: 'doc',
  content: [
    {
      type: 'section',
      attrs: { key: 'inquiry', title: '合作探究', hint: '', teacherOnly: false, blockSource },
      content: [
        {
          type: 'paragraph',
          attrs: { blockSource: `version:${id}` },
          content: [{ type: 'text', text: '找出实际问题中的相等关系' }],
        },
      ],
    },
  ],
})

describe('[LIBRARY-11] the shape of a block source', () => {
  it('is a document or a version and an id of at most 64 letters, digits, - and _', () => {
    expect(parseBlockSource(`document:${id}`)).toEqual({ kind: 'document', id })
    expect(parseBlockSource(`version:${id}`)).toEqual({ kind: 'version', id })
    expect(parseBlockSource(`document:${'a'.repeat(64)}`)).not.toBeNull()
    expect(`document:${'a'.repeat(64)}`.length).toBe(maxBlockSourceChars)
    for (const bad of [`document:${'a'.repeat(65)}`, 'lesson:1', 'document:a b', 'document:', '', 1, {}, null])
      expect(parseBlockSource(bad)).toBeNull()
    expect(isBlockSourceValue(null)).toBe(true)
    expect(isBlockSourceValue('javascript:alert(1)')).toBe(false)
  })

  it('is named with semester, group, 课题, what and whose', () => {
    expect(
      blockSourceLabel({
        semester: '2025-2026学年第一学期',
        groupName: '七年级数学备课组',
        title: '一元一次方程',
        what: '定稿 v2',
        authorName: '李老师',
      }),
    ).toBe('来源：2025 秋 七年级数学备课组《一元一次方程》定稿 v2，李老师')
    expect(
      blockSourceLabel({
        semester: null,
        groupName: '七年级数学备课组',
        title: '草稿',
        what: '导学案',
        authorName: '',
      }),
    ).toBe('来源：七年级数学备课组《草稿》导学案')
  })
})

describe('[LIBRARY-11] the attribute in the schema', () => {
  it('survives the Yjs document as the server stores it', () => {
    const doc = prosemirrorJSONToYDoc(schema, sourced(`document:${id}`), contentFragmentName)
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    const node = yXmlFragmentToProseMirrorRootNode(copy.getXmlFragment(contentFragmentName), schema)
    expect(node.child(0).attrs['blockSource']).toBe(`document:${id}`)
    expect(node.child(0).child(0).attrs['blockSource']).toBe(`version:${id}`)
  })

  it('goes into the clipboard’s HTML as data-block-source and comes back from it', () => {
    const extensions = contentExtensions()
    const html = generateHTML(sourced(null), extensions)
    expect(html).toContain(`data-block-source="version:${id}"`)
    const json = generateJSON(html, extensions) as JSONContent
    expect(json.content![0]!.content![0]!.attrs!['blockSource']).toBe(`version:${id}`)
  })

  it('reads nothing from HTML whose source is of another shape', () => {
    const json = generateJSON(
      '<p data-block-source="https://evil.example/">文字</p>',
      contentExtensions(),
    ) as JSONContent
    expect(json.content![0]!.attrs!['blockSource']).toBeNull()
  })

  it('keeps the block, and prints no source, when a stored value has another shape', () => {
    const odd = schema.nodeFromJSON(sourced('x'.repeat(1000)))
    expect(odd.child(0).textContent).toBe('找出实际问题中的相等关系')
    const labels = new Map([['x'.repeat(1000), '来源：不该出现']])
    const model = buildExport(odd, { edition: 'teacher', title: 't', subtitle: 's', sourceLabels: labels })
    expect(JSON.stringify(model.blocks)).not.toContain('不该出现')
  })
})

describe('[LIBRARY-11] the export', () => {
  const labels = new Map([[`version:${id}`, '来源：2025 秋 七年级数学备课组《一元一次方程》定稿 v2，李老师']])
  const doc = () => schema.nodeFromJSON(sourced(null))
  const texts = (blocks: ReturnType<typeof buildExport>['blocks']) => JSON.stringify(blocks)

  it('prints the source after the copied block in the 教师版', () => {
    const model = buildExport(doc(), { edition: 'teacher', title: 't', subtitle: 's', sourceLabels: labels })
    const section = model.blocks[0]!
    expect(section.kind === 'section' && section.blocks.map((block) => block.kind)).toEqual(['paragraph', 'paragraph'])
    expect(texts(model.blocks)).toContain('（来源：2025 秋 七年级数学备课组《一元一次方程》定稿 v2，李老师）')
  })

  it('never in the 学生版', () => {
    const model = buildExport(doc(), { edition: 'student', title: 't', subtitle: 's', sourceLabels: labels })
    expect(texts(model.blocks)).not.toContain('来源')
  })
})
