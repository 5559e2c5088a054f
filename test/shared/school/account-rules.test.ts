import { describe, expect, it } from 'vitest'
import type { Actor, Role } from '../../../shared/access.ts'
import {
  accessUntilProblem,
  accountChangeRefusal,
  displayNameProblem,
  type ManagedAccount,
  passwordProblem,
  signInRefusal,
  usernameProblem,
} from '../../../shared/school/account-rules.ts'

const office: Actor = { userId: 'office', role: 'admin', schoolId: 's1', groupIds: [] }
const now = new Date('2026-12-07T09:00:00Z')

function account(id: string, role: Role, disabled = false, schoolId = 's1'): ManagedAccount {
  return { id, role, schoolId, disabledAt: disabled ? now : null }
}

describe('account fields', () => {
  it.each([
    ['teacher1', null],
    ['li.wei@school', null],
    ['20190312', null],
    ['a', 'too short'],
    ['.dot', 'leading punctuation'],
    ['李老师', 'not ascii'],
    ['has space', 'space'],
  ])('username %s', (username, problem) => {
    expect(usernameProblem(username) === null).toBe(problem === null)
  })

  it('asks for a password of 8 characters that is not the username', () => {
    expect(passwordProblem('short', 'li')).toBe('密码至少 8 位')
    expect(passwordProblem('teacher12', 'teacher12')).toBe('密码不能与用户名相同')
    expect(passwordProblem('春眠不觉晓处处闻啼', 'li')).toBeNull()
  })

  it('asks for a name of at most 32 characters', () => {
    expect(displayNameProblem('  ')).toBe('请填写姓名')
    expect(displayNameProblem('李'.repeat(33))).toBe('姓名最多 32 个字')
    expect(displayNameProblem('李老师')).toBeNull()
  })
})

describe('signing in', () => {
  it('[SCHOOL-3] refuses a disabled account and an expert past the end date', () => {
    expect(signInRefusal({ disabledAt: null, accessUntil: null }, now)).toBeNull()
    expect(signInRefusal({ disabledAt: now, accessUntil: null }, now)).toBe('该账号已停用，请联系教导处')
    expect(signInRefusal({ disabledAt: null, accessUntil: new Date(now.getTime() + 1) }, now)).toBeNull()
    expect(signInRefusal({ disabledAt: null, accessUntil: now }, now)).toBe('访问期限已过，请联系教导处')
  })

  it('[SCHOOL-5] gives a 校外教研员, and only them, an end date in the future', () => {
    const later = new Date(now.getTime() + 86_400_000)
    expect(accessUntilProblem('guest', later, now)).toBeNull()
    expect(accessUntilProblem('guest', null, now)).toBe('校外教研员须设访问期限')
    expect(accessUntilProblem('guest', now, now)).toBe('访问期限须晚于现在')
    expect(accessUntilProblem('teacher', null, now)).toBeNull()
    expect(accessUntilProblem('teacher', later, now)).toBe('只有校外教研员有访问期限')
  })
})

describe('who may change an account', () => {
  const leader: Actor = { userId: 'wang', role: 'leader', schoolId: 's1', groupIds: ['math7'] }
  const table: [string, Actor, ManagedAccount, Parameters<typeof accountChangeRefusal>[2], number, string | null][] = [
    ['the office edits a teacher', office, account('li', 'teacher'), { kind: 'edit', role: 'leader' }, 1, null],
    ['the office disables a teacher', office, account('li', 'teacher'), { kind: 'disable' }, 1, null],
    ['the office resets a password', office, account('li', 'teacher'), { kind: 'resetPassword' }, 1, null],
    ['a leader may not', leader, account('li', 'teacher'), { kind: 'edit' }, 1, '只有教导处可以管理账号'],
    ['another school’s account', office, account('xu', 'teacher', false, 's2'), { kind: 'disable' }, 1, '没有这个账号'],
    ['the office disables itself', office, account('office', 'admin'), { kind: 'disable' }, 2, '不能停用自己的账号'],
    [
      'the last office account',
      office,
      account('zhou', 'admin'),
      { kind: 'disable' },
      1,
      '学校至少要有一个可用的教导处账号',
    ],
    ['one of two office accounts', office, account('zhou', 'admin'), { kind: 'disable' }, 2, null],
    [
      'demoting the last office account',
      office,
      account('office', 'admin'),
      { kind: 'edit', role: 'teacher' },
      1,
      '学校至少要有一个可用的教导处账号',
    ],
    ['demoting one of two', office, account('office', 'admin'), { kind: 'edit', role: 'teacher' }, 2, null],
    ['renaming the last office account', office, account('office', 'admin'), { kind: 'edit', role: 'admin' }, 1, null],
    ['enabling a disabled account', office, account('zhou', 'admin', true), { kind: 'enable' }, 1, null],
  ]
  for (const [name, actor, target, change, activeAdmins, expected] of table) {
    it(`[SCHOOL-2] [SCHOOL-4] ${name}: ${expected ?? 'allowed'}`, () => {
      expect(accountChangeRefusal(actor, target, change, activeAdmins)).toBe(expected)
    })
  }
})
