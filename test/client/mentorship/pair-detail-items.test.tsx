// @vitest-environment happy-dom
/**
 * A pair's detail, item by item, rendered with React: a suggestion reads 建议把「…」改为「…」 with where it
 * stands; a 听课记录 of a lesson of the plan links to that lesson.
 */
import type { ReactElement } from 'react'
import { describe, expect, it } from 'vitest'
import type { ObservationView, PairAnnotation } from '../../../shared/api/mentorship.ts'
import { ObservationItem } from '../../../client/src/mentorship/ObservationItem.tsx'
import { PairAnnotationItem } from '../../../client/src/mentorship/PairAnnotationItem.tsx'
import { renderingReact } from '../../helpers/react-rendering.ts'

const renderElement = renderingReact()

const render = (element: ReactElement): HTMLElement => renderElement(element, 'ul')

const annotation: PairAnnotation = {
  documentId: 'd1',
  documentTitle: '3.3 去括号 导学案',
  documentKind: 'lesson-plan',
  threadId: 't1',
  kind: 'mentorNote',
  quote: '先复习乘法分配律',
  body: '',
  suggestion: null,
  state: 'open',
  createdAt: '2026-11-20T06:00:00.000Z',
  replies: 0,
}

const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim()

describe('PairAnnotationItem', () => {
  it.each([
    ['pending', '待处理'],
    ['accepted', '已接受'],
    ['rejected', '已拒绝'],
    ['stale', '原文已改动'],
  ] as const)('shows a %s suggestion as 建议把「quote」改为「replacement」 · %s', (status, label) => {
    const suggested = { ...annotation, suggestion: { replacement: '先用购物的例子引入', status } }
    const item = render(<PairAnnotationItem annotation={suggested} />)
    const line = item.querySelector('[data-testid="pair-suggestion"]')
    expect(line?.getAttribute('data-status')).toBe(status)
    expect(text(line)).toBe(`建议把「先复习乘法分配律」改为「先用购物的例子引入」 ${label}`)
    // The suggestion says what it is; no empty remark below it.
    expect(item.querySelectorAll('li > p')).toHaveLength(2)
  })

  it('shows a deletion as 建议删除「quote」, and the remark when there is one', () => {
    const deletion = {
      ...annotation,
      body: '这句可以不要',
      suggestion: { replacement: '', status: 'pending' as const },
    }
    const item = render(<PairAnnotationItem annotation={deletion} />)
    expect(text(item.querySelector('[data-testid="pair-suggestion"]'))).toBe('建议删除「先复习乘法分配律」 待处理')
    expect(item.textContent).toContain('这句可以不要')
  })

  it('shows a remark with its quote and no suggestion line', () => {
    const item = render(<PairAnnotationItem annotation={{ ...annotation, body: '复习题太多' }} />)
    expect(item.querySelector('[data-testid="pair-suggestion"]')).toBeNull()
    expect(text(item.querySelector('blockquote'))).toBe('先复习乘法分配律')
    expect(item.textContent).toContain('复习题太多')
  })
})

describe('ObservationItem', () => {
  const observation: ObservationView = {
    id: 'o1',
    observer: { id: 'chen', displayName: '陈老师' },
    observed: { id: 'zhao', displayName: '赵老师' },
    lesson: { id: 'lesson 1', title: '3.3 去括号' },
    date: '2026-11-20',
    topic: '去括号（公开课）',
    notes: '',
    strengths: '导入自然',
    problems: '',
    suggestions: '',
    createdAt: '2026-11-20T08:00:00.000Z',
  }

  it('links the lesson of the 备课计划 it was', () => {
    const link = render(<ObservationItem observation={observation} />).querySelector(
      '[data-testid="observation-lesson-link"]',
    )
    expect(link?.getAttribute('href')).toBe('#/lessons/lesson%201')
    expect(link?.textContent).toBe('3.3 去括号')
  })

  it('names no lesson for one outside the plan', () => {
    const item = render(<ObservationItem observation={{ ...observation, lesson: null }} />)
    expect(item.querySelector('a')).toBeNull()
    expect(item.textContent).not.toContain('备课计划')
  })
})
