import { describe, expect, it } from 'vitest'
import { blocksOfHtml } from '../../../server/import/html-to-lesson.ts'
import { sanitizeImportedHtml } from '../../../server/import/sanitize-html.ts'

describe('sanitizeImportedHtml', () => {
  it('lets no script, event handler, style or external resource through', () => {
    const html = sanitizeImportedHtml(
      '<p onclick="steal()" style="color:red">文字<script>alert(1)</script><img src="https://tracker.example/x.png" onerror="x()"></p>' +
        '<iframe src="https://evil.example"></iframe><object data="x.swf"></object><style>p{}</style><link rel="stylesheet" href="https://x">',
    )
    expect(html).toBe('<p>文字</p>')
  })

  it('keeps only http(s) and mail links', () => {
    expect(
      sanitizeImportedHtml(
        '<p><a href="javascript:alert(1)">坏</a><a href="https://example.org/a">好</a><a href="data:text/html,x">数据</a></p>',
      ),
    ).toBe('<p><a>坏</a><a href="https://example.org/a">好</a><a>数据</a></p>')
  })

  it('drops paragraphs that held only an image', () => {
    expect(sanitizeImportedHtml('<p><img src=""></p><p>正文</p>')).toBe('<p>正文</p>')
  })
})

describe('blocksOfHtml', () => {
  it('gives blocks of the editor schema, never a section or header from the markup', () => {
    const blocks = blocksOfHtml(
      '<section data-section-key="objectives" data-title="伪造"><div class="section-body"><p>x</p></div></section><div data-lesson-header><div data-field="topic">伪造</div></div><h2 onclick="x()">标题</h2>',
    )
    expect(blocks.map((block) => block.type)).toEqual(['paragraph', 'paragraph', 'heading'])
  })
})
