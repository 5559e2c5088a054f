import { describe, expect, it } from 'vitest'
import {
  attendeeChoices,
  draftProblem,
  newMeetingDraft,
  withAttendance,
} from '../../../client/src/meetings/meeting-draft.ts'

const defaults = { place: '数学教研室', topic: '3.1 一元一次方程', presenterId: 'li' }
const li = { id: 'li', displayName: '李老师' }
const zhang = { id: 'zhang', displayName: '张老师' }
const sun = { id: 'sun', displayName: '孙老师' }

describe('newMeetingDraft', () => {
  it('takes place, 课题 and 主讲人 from the lesson, and the hour up to now, in school time', () => {
    // 15:32 in Beijing: the meeting ends at 15:35, so that whoever is online now is inside it.
    const draft = newMeetingDraft(defaults, new Date('2026-11-24T07:32:10Z'))
    expect(draft).toEqual({
      date: '2026-11-24',
      startTime: '14:35',
      endTime: '15:35',
      place: '数学教研室',
      topic: '3.1 一元一次方程',
      presenterId: 'li',
      attendeeIds: [],
      summary: '',
      decisions: '',
    })
  })

  it('keeps a draft made just after midnight or just before it within its day', () => {
    const early = newMeetingDraft(defaults, new Date('2026-11-23T16:20:00Z'))
    expect([early.date, early.startTime, early.endTime]).toEqual(['2026-11-24', '00:00', '00:20'])
    const late = newMeetingDraft(defaults, new Date('2026-11-24T15:58:00Z'))
    expect([late.date, late.startTime, late.endTime]).toEqual(['2026-11-24', '23:00', '23:59'])
  })
})

describe('withAttendance', () => {
  it('adds who was online after those already ticked, each once', () => {
    const draft = { ...newMeetingDraft(defaults), attendeeIds: ['wang', 'li'] }
    const online = [
      { ...zhang, minutesPresent: 40 },
      { ...li, minutesPresent: 38 },
    ]
    expect(withAttendance(draft, online).attendeeIds).toEqual(['wang', 'li', 'zhang'])
  })
})

describe('attendeeChoices', () => {
  it('offers the group’s teachers, then others the record names', () => {
    expect(attendeeChoices([li, zhang], [zhang, sun])).toEqual([li, zhang, sun])
  })
})

describe('draftProblem', () => {
  const good = { ...newMeetingDraft(defaults, new Date('2026-11-24T07:32:10Z')) }
  it.each([
    ['a complete draft', good, null],
    ['an end before the start', { ...good, endTime: '14:00' }, '结束时间要晚于开始时间'],
    ['no topic', { ...good, topic: '  ' }, '请填写课题或专题'],
    ['no presenter', { ...good, presenterId: '' }, '请选择主讲人'],
    ['no date', { ...good, date: '' }, '请填写日期和起止时间'],
  ])('%s → %s', (_, draft, problem) => {
    expect(draftProblem(draft)).toBe(problem)
  })
})
