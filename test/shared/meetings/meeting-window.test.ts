import { describe, expect, it } from 'vitest'
import { instantOf, meetingTimeProblem, meetingWindow } from '../../../shared/meetings/meeting-window.ts'

describe('meetingWindow', () => {
  it('reads the time as the school’s clock shows it', () => {
    expect(meetingWindow({ date: '2026-11-24', startTime: '14:00', endTime: '15:30' })).toEqual({
      start: Date.parse('2026-11-24T06:00:00Z'),
      end: Date.parse('2026-11-24T07:30:00Z'),
    })
  })

  it('keeps an early-morning meeting on its own date', () => {
    expect(instantOf('2026-11-24', '07:30')).toBe(Date.parse('2026-11-23T23:30:00Z'))
  })

  it('works in another zone too', () => {
    expect(instantOf('2026-07-01', '10:00', 'Europe/Berlin')).toBe(Date.parse('2026-07-01T08:00:00Z'))
  })
})

describe('meetingTimeProblem', () => {
  it('asks for an end after the start', () => {
    expect(meetingTimeProblem({ date: '2026-11-24', startTime: '14:00', endTime: '15:00' })).toBeNull()
    expect(meetingTimeProblem({ date: '2026-11-24', startTime: '14:00', endTime: '14:00' })).toBe(
      '结束时间要晚于开始时间',
    )
  })
})
