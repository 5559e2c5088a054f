import { DOMParser as ProseMirrorParser, type Node as ProseMirrorNode } from '@tiptap/pm/model'
import { EditorState, TextSelection } from '@tiptap/pm/state'
import { Window } from 'happy-dom'
import { describe, expect, it } from 'vitest'
import { flattenPastedStructure, keepsStructure } from '../../../client/src/editor/lesson-structure.ts'
import { isWordHtml, transformPastedWordHtml } from '../../../client/src/editor/word-html.ts'
import { buildEditorSchema } from '../../../shared/schema/editor-schema.ts'
import { buildLessonPlan } from '../../../shared/template/build-lesson-plan.ts'

const schema = buildEditorSchema()
const window = new Window()
const parseHtml = (html: string) => new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document

/** What Word puts on the clipboard for a heading, a numbered list with a sub-item, bullets, bold text and a table. */
const wordClipboard = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta name=Generator content="Microsoft Word 15"><style>p.MsoNormal{margin:0cm}</style></head>
<body lang=ZH-CN><!--StartFragment-->
<h2>合作探究</h2>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>列出等量关系<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:42.0pt;text-indent:-21.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>a)<span>&nbsp; </span></span><![endif]>设未知数<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>2.<span>&nbsp; </span></span><![endif]>解方程<o:p></o:p></p>
<p class=MsoNormal><b>注意：</b><i>检验</i>结果<o:p></o:p></p>
<p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span style='font-family:Symbol;mso-list:Ignore'>·<span>&nbsp;&nbsp; </span></span><![endif]>小组讨论<o:p></o:p></p>
<table class=MsoTableGrid border=1><tr><td width=100><p class=MsoNormal>年份<o:p></o:p></p></td><td><p class=MsoNormal>台数<o:p></o:p></p></td></tr></table>
<!--EndFragment--></body></html>`

function typesIn(node: ProseMirrorNode): string[] {
  const types: string[] = []
  node.descendants((child) => {
    types.push(child.type.name)
  })
  return types
}

/** Pastes `html` the way the editor does: our HTML transform, the schema's parser, the structure guard's slice transform. */
function paste(state: EditorState, html: string): EditorState {
  const cleaned = transformPastedWordHtml(html, parseHtml)
  const slice = ProseMirrorParser.fromSchema(schema).parseSlice(parseHtml(cleaned).body)
  const transaction = state.tr.replaceSelection(flattenPastedStructure(slice, schema))
  expect(keepsStructure(transaction, state.doc)).toBe(true)
  return state.apply(transaction)
}

describe('pasting from Word', () => {
  it('recognises Word HTML and leaves other HTML alone', () => {
    expect(isWordHtml(wordClipboard)).toBe(true)
    expect(transformPastedWordHtml('<p>1. 普通</p>', parseHtml)).toBe('<p>1. 普通</p>')
  })

  it('turns Word list paragraphs into nested lists, without their typed markers', () => {
    const document = parseHtml(transformPastedWordHtml(wordClipboard, parseHtml))
    const ordered = document.querySelector('body > ol')!
    expect([...ordered.children].map((item) => item.querySelector('p')!.textContent)).toEqual([
      '列出等量关系',
      '解方程',
    ])
    expect(ordered.querySelector('li > ol > li')!.textContent).toBe('设未知数')
    expect(document.querySelector('body > ul > li')!.textContent).toBe('小组讨论')
    expect(document.body.innerHTML).not.toMatch(/mso-list:Ignore|o:p|1\./)
  })

  it('keeps headings, lists, bold and tables inside the section it is pasted into, and the sections as they were', () => {
    const plan = buildLessonPlan(
      {
        sections: [
          { key: 'inquiry', title: '合作探究', hint: '', teacherOnly: false },
          { key: 'summary', title: '课堂小结', hint: '', teacherOnly: false },
        ],
      },
      {},
    )
    let state = EditorState.create({ schema, doc: schema.nodeFromJSON(plan) })
    const inquiry = state.doc.child(1)
    let inside = -1
    state.doc.descendants((node, pos) => {
      if (inside < 0 && node === inquiry) inside = pos + 2
    })
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, inside)))
    const after = paste(state, wordClipboard)

    expect(after.doc.childCount).toBe(3)
    const section = after.doc.child(1)
    expect(section.attrs.key).toBe('inquiry')
    expect(typesIn(section)).toEqual(expect.arrayContaining(['heading', 'orderedList', 'bulletList', 'table']))
    expect(typesIn(section).filter((type) => type === 'orderedList')).toHaveLength(2)
    const marks: string[] = []
    section.descendants((node) => {
      for (const mark of node.marks) marks.push(mark.type.name)
    })
    expect(marks).toEqual(expect.arrayContaining(['bold', 'italic']))
    expect(after.doc.child(2).textContent).toBe('')
  })
})
