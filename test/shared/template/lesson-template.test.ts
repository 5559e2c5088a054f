import { describe, expect, it } from 'vitest'
import { defaultLessonTemplate } from '../../../shared/template/default-template.ts'
import {
  type TemplateSection,
  lessonTemplate,
  newSectionKey,
  templateLimits,
} from '../../../shared/template/lesson-template.ts'

function section(key: string, title: string, extra: Partial<TemplateSection> = {}): TemplateSection {
  return { key, title, hint: '', teacherOnly: false, ...extra }
}

function messagesOf(value: unknown): string[] {
  const result = lessonTemplate.safeParse(value)
  return result.success ? [] : result.error.issues.map((issue) => issue.message)
}

describe('lesson template validation', () => {
  it('accepts the default template: the sections of a 导学案 in order, 课后反思 for the teacher', () => {
    expect(lessonTemplate.parse(defaultLessonTemplate)).toEqual(defaultLessonTemplate)
    expect(defaultLessonTemplate.sections.map((s) => s.title)).toEqual([
      '学习目标',
      '重点难点',
      '学法指导',
      '预习导学',
      '合作探究',
      '展示交流',
      '当堂检测',
      '课堂小结',
      '课后作业（拓展延伸）',
      '课后反思',
    ])
    expect(defaultLessonTemplate.sections.filter((s) => s.teacherOnly).map((s) => s.key)).toEqual(['reflection'])
  })

  it('trims titles and hints', () => {
    const parsed = lessonTemplate.parse({ sections: [section('objectives', '  学习目标 ', { hint: ' 写目标 ' })] })
    expect(parsed.sections[0]).toMatchObject({ title: '学习目标', hint: '写目标' })
  })

  it('refuses an empty template, blank titles and too long titles or hints, in Chinese', () => {
    expect(messagesOf({ sections: [] })).toEqual(['模板至少要有一个栏目'])
    expect(messagesOf({ sections: [section('a', '   ')] })).toEqual(['栏目标题不能为空'])
    expect(messagesOf({ sections: [section('a', '题'.repeat(templateLimits.maxTitleLength + 1))] })).toEqual([
      `栏目标题最多 ${templateLimits.maxTitleLength} 个字`,
    ])
    expect(
      messagesOf({ sections: [section('a', '目标', { hint: '字'.repeat(templateLimits.maxHintLength + 1) })] }),
    ).toEqual([`提示文字最多 ${templateLimits.maxHintLength} 个字`])
    const many = Array.from({ length: templateLimits.maxSections + 1 }, (_, n) => section(`s${n}`, `栏目${n}`))
    expect(messagesOf({ sections: many })).toEqual([`模板最多 ${templateLimits.maxSections} 个栏目`])
  })

  it('refuses duplicate keys and duplicate titles', () => {
    expect(messagesOf({ sections: [section('a', '目标'), section('a', '难点')] })).toEqual(['栏目标识“a”重复了'])
    expect(messagesOf({ sections: [section('a', '目标'), section('b', ' 目标')] })).toEqual(['栏目“目标”重复了'])
  })

  it('refuses keys that are not stable identifiers, and missing fields', () => {
    for (const key of ['', '学习目标', 'Objectives', '1st', 'a b', 'x'.repeat(41)]) {
      expect(messagesOf({ sections: [section(key, '目标')] }), key).toHaveLength(1)
    }
    expect(lessonTemplate.safeParse({ sections: [{ key: 'a', title: '目标' }] }).success).toBe(false)
    expect(lessonTemplate.safeParse(null).success).toBe(false)
  })
})

describe('newSectionKey', () => {
  it('gives the first custom key not taken', () => {
    expect(newSectionKey(['objectives'])).toBe('custom-1')
    expect(newSectionKey(['custom-1', 'custom-3'])).toBe('custom-2')
    expect(lessonTemplate.safeParse({ sections: [section(newSectionKey([]), '目标')] }).success).toBe(true)
  })
})
