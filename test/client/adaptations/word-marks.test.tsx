// @vitest-environment happy-dom
/**
 * Two-sided comparisons mark whole words, each side the words only it has: a flagged passage of a
 * 二次备课 (我的 / 共享版) and two 同课异构 designs section against section.
 */
import { act } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { BlockShape, VariantComparison } from '../../../shared/api/versions.ts'
import { ConflictSides } from '../../../client/src/adaptations/ConflictSides.tsx'
import { VariantComparePage } from '../../../client/src/adaptations/VariantComparePage.tsx'
import { renderingReact } from '../../helpers/react-rendering.ts'

const render = renderingReact()

afterEach(() => {
  vi.unstubAllGlobals()
})

const marksIn = (container: HTMLElement, testId: string) =>
  [...container.querySelectorAll(`[data-testid="${testId}"] mark`)].map((mark) => mark.textContent)

describe('[ADAPT-5] comparisons by words', () => {
  it('a flagged passage shows hers and the shared version, the words only each has marked', () => {
    const container = render(
      <ConflictSides mineText="各组展示正方体的展开图，并说明理由。" sharedText="各组展示长方体的展开图。" />,
    )
    expect(marksIn(container, 'conflict-mine')).toEqual(['正方体', '，并说明理由'])
    expect(marksIn(container, 'conflict-shared')).toEqual(['长方体'])
    expect(container.querySelector('[data-testid="conflict-shared"]')?.textContent).toBe(
      '共享版：各组展示长方体的展开图。',
    )
  })

  it('a passage one side deleted is said so, nothing marked', () => {
    const container = render(<ConflictSides mineText="课前预习第3页" sharedText={null} />)
    expect(container.querySelector('[data-testid="conflict-shared"]')?.textContent).toBe('共享版：（共享版删掉了这段）')
    expect(marksIn(container, 'conflict-mine')).toEqual([])
  })

  it('两份同课异构 designs mark the words only one of them has in a part both wrote', async () => {
    const block = (text: string): BlockShape => ({
      key: text,
      type: 'paragraph',
      text,
      section: '合作探究',
      sectionKey: 'inquiry',
      json: {},
    })
    const design = (title: string, name: string) => ({
      documentId: title,
      title,
      author: { id: name, displayName: name },
    })
    const comparison = {
      left: design('甲的设计', '张老师'),
      right: design('乙的设计', '刘老师'),
      sections: [
        {
          title: '合作探究',
          left: [block('小组用正方体纸盒剪出展开图。')],
          right: [block('小组用长方体纸盒剪出展开图。')],
        },
        { title: '课堂小结', left: null, right: [block('学生说说收获。')] },
      ],
    } as unknown as VariantComparison
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(comparison), { headers: { 'content-type': 'application/json' } })),
    )
    const container = render(<VariantComparePage lessonId="l1" left="甲的设计" right="乙的设计" />)
    // The answer arrives after a few turns of the event loop; each check lets React render what came.
    await vi.waitFor(async () => {
      await act(async () => {})
      expect(container.querySelector('[data-testid="design-left"]')).not.toBeNull()
    })
    expect(marksIn(container, 'design-left')).toEqual(['正方体'])
    expect(marksIn(container, 'design-right')).toEqual(['长方体'])
    const sides = [...container.querySelectorAll('[data-testid="design-left"], [data-testid="design-right"]')].map(
      (side) => side.textContent,
    )
    expect(sides).toEqual([
      '小组用正方体纸盒剪出展开图。',
      '小组用长方体纸盒剪出展开图。',
      '（没有这一部分）',
      '学生说说收获。',
    ])
  })
})
