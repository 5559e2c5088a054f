import { describe, expect, it } from 'vitest'
import { ssoDecision } from '../../../shared/school/sso-rules.ts'

const now = new Date('2026-12-07T08:00:00Z')
const school = { id: 'garden', ssoCreatesAccounts: false }
const li = { id: 'li', schoolId: 'garden', disabledAt: null, mustChangePassword: false, accessUntil: null }

describe('which account a single sign-on identity signs into', () => {
  it('[SCHOOL-15] the account of the school whose username the claim names', () => {
    expect(ssoDecision('li', '李老师', li, school, now)).toEqual({ kind: 'signIn', account: li })
    expect(ssoDecision(' li ', undefined, li, school, now)).toEqual({ kind: 'signIn', account: li })
  })

  it('[SCHOOL-15] no usable claim, a disabled account or an expert past the end date: refused', () => {
    expect(ssoDecision(undefined, '李老师', null, school, now)).toEqual({ kind: 'refuse', failure: 'claim' })
    expect(ssoDecision(['li'], '李老师', null, school, now)).toEqual({ kind: 'refuse', failure: 'claim' })
    expect(ssoDecision('li', null, { ...li, disabledAt: now }, school, now)).toEqual({
      kind: 'refuse',
      failure: 'disabled',
    })
    expect(ssoDecision('li', null, { ...li, accessUntil: now }, school, now)).toEqual({
      kind: 'refuse',
      failure: 'expired',
    })
  })

  it('[SCHOOL-15] an account of another school with that username is not this person', () => {
    const elsewhere = { ...li, schoolId: 'river' }
    expect(ssoDecision('li', null, elsewhere, { ...school, ssoCreatesAccounts: true }, now)).toEqual({
      kind: 'refuse',
      failure: 'no_account',
    })
  })

  it('[SCHOOL-16] creates a 教师 only where the office allows it, named by the name claim', () => {
    expect(ssoDecision('wang', '王老师', null, school, now)).toEqual({ kind: 'refuse', failure: 'no_account' })
    const allowing = { ...school, ssoCreatesAccounts: true }
    expect(ssoDecision('wang', ' 王老师 ', null, allowing, now)).toEqual({
      kind: 'create',
      username: 'wang',
      displayName: '王老师',
      role: 'teacher',
    })
    expect(ssoDecision(20260101, '', null, allowing, now)).toMatchObject({
      username: '20260101',
      displayName: '20260101',
    })
    expect(ssoDecision('王 老师', '王老师', null, allowing, now)).toEqual({ kind: 'refuse', failure: 'claim' })
  })
})
