import { describe, expect, it } from 'vitest'
import { onlineUsersFrom, sameOnlineUsers } from '../../../client/src/collab/online-users.ts'

describe('onlineUsersFrom', () => {
  const states = new Map<number, Record<string, unknown>>([
    [3, { user: { name: '王老师', color: '#2563eb' }, cursor: {} }],
    [1, { user: { name: '李老师', color: '#dc2626' } }],
    [2, { user: { name: '王老师', color: '#2563eb' } }],
    [4, {}],
    [5, { user: { name: 7 } }],
  ])

  it('lists each person once, yourself first, and skips states without a user', () => {
    expect(onlineUsersFrom(states, 2)).toEqual([
      { name: '王老师', color: '#2563eb', isSelf: true },
      { name: '李老师', color: '#dc2626', isSelf: false },
    ])
  })

  it('compares lists by content', () => {
    expect(sameOnlineUsers(onlineUsersFrom(states, 2), onlineUsersFrom(new Map(states), 2))).toBe(true)
    expect(sameOnlineUsers(onlineUsersFrom(states, 2), onlineUsersFrom(states, 1))).toBe(false)
    expect(sameOnlineUsers([], undefined)).toBe(false)
  })
})
