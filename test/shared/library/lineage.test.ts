import { describe, expect, it } from 'vitest'
import type { Actor } from '../../../shared/access.ts'
import {
  decideStartFrom,
  draftFromVersion,
  draftSourceLabel,
  semesterShortName,
} from '../../../shared/library/lineage.ts'
import type { LessonContext } from '../../../shared/workflow/lesson-rules.ts'

const lesson = (id: string, fields: Partial<LessonContext> = {}) => ({
  id,
  schoolId: 'garden',
  groupId: 'math7',
  stage: 'draft' as const,
  leadPreparerId: 'li',
  liveReviewOpen: false,
  leadPreparerMentorIds: [],
  hasVersions: false,
  ...fields,
})
const li: Actor = { userId: 'li', role: 'teacher', schoolId: 'garden', groupIds: ['math7'] }
const lastYear = lesson('old', { groupId: 'math7-2025', stage: 'adapting', leadPreparerId: 'zhang', hasVersions: true })

describe('LIBRARY-4: a draft’s source, named as teachers say it', () => {
  it('names semesters by year and season', () => {
    expect(semesterShortName('2025-2026学年第一学期')).toBe('2025 秋')
    expect(semesterShortName('2025-2026学年第二学期')).toBe('2026 春')
    expect(semesterShortName('暑期研修')).toBe('暑期研修')
  })

  it('says semester, group, version and whose design it was', () => {
    expect(
      draftSourceLabel({
        semester: '2025-2026学年第一学期',
        groupName: '七年级数学备课组',
        versionNumber: 2,
        leadPreparerName: '李老师',
      }),
    ).toBe('来源：2025 秋 七年级数学备课组 定稿 v2，李老师')
  })
})

describe('LIBRARY-3: 以此为底稿', () => {
  it('lets the 主备人 start the 初稿 from a 定稿 of another year and group', () => {
    expect(decideStartFrom(li, lesson('new'), lastYear)).toEqual({ allowed: true })
  })

  it('refuses a source the user may not read', () => {
    const guest: Actor = { userId: 'sun', role: 'guest', schoolId: 'garden', groupIds: ['math7'] }
    expect(decideStartFrom(guest, lesson('new'), lastYear)).toMatchObject({
      allowed: false,
      reason: '你不能阅读这份定稿',
    })
    const elsewhere = { ...lastYear, schoolId: 'riverside' }
    expect(decideStartFrom(li, lesson('new'), elsewhere).allowed).toBe(false)
  })

  it('refuses a target the user may not write, one past 主备, and the lesson itself', () => {
    const zhang: Actor = { ...li, userId: 'zhang' }
    expect(decideStartFrom(zhang, lesson('new'), lastYear)).toMatchObject({
      allowed: false,
      reason: '主备阶段只有主备人和备课组长可以修改',
    })
    expect(decideStartFrom(li, lesson('new', { stage: 'review' }), lastYear)).toMatchObject({
      allowed: false,
      reason: '只有主备阶段的初稿可以以定稿为底稿',
    })
    expect(decideStartFrom(li, lesson('old'), lesson('old'))).toMatchObject({ allowed: false })
  })

  it('keeps the draft’s own header and takes the version’s sections', () => {
    const header = (topic: string) => ({ type: 'lessonHeader', attrs: { topic } })
    const section = (title: string) => ({ type: 'section', attrs: { title } })
    const draft = { type: 'doc', content: [header('今年'), section('学习目标')] }
    const version = { type: 'doc', content: [header('去年'), section('学习目标'), section('合作探究')] }
    expect(draftFromVersion(draft, version)).toEqual({
      type: 'doc',
      content: [header('今年'), section('学习目标'), section('合作探究')],
    })
  })
})
