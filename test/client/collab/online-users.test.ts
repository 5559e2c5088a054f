import { describe, expect, it } from 'vitest'
import { onlineUsersFrom, sameOnlineUsers } from '../../../client/src/collab/online-users.ts'

describe('onlineUsersFrom', () => {
  const wang = { id: 'u-wang', name: '王老师', color: '#2563eb' }
  const li = { id: 'u-li', name: '李老师', color: '#dc2626' }
  const states = new Map<number, Record<string, unknown>>([
    [3, { user: wang, cursor: {} }],
    [1, { user: li }],
    [2, { user: wang }],
    [4, {}],
    [5, { user: { id: 'u-x', name: 7, color: '#000000' } }],
  ])

  it('lists each person once, yourself first, and skips states without a user', () => {
    expect(onlineUsersFrom(states, 2)).toEqual([
      { ...wang, isSelf: true },
      { ...li, isSelf: false },
    ])
  })

  it('[SEC-3] tells two people apart by the server’s user id, not by the name they show', () => {
    const namesake = { id: 'u-wang-2', name: '王老师', color: '#2563eb' }
    const listed = onlineUsersFrom(
      new Map([
        [1, { user: wang }],
        [2, { user: namesake }],
      ]),
      9,
    )
    expect(listed.map((user) => user.id).sort()).toEqual(['u-wang', 'u-wang-2'])
  })

  it('[SEC-3] skips a state whose user carries no server id', () => {
    expect(onlineUsersFrom(new Map([[1, { user: { name: '周主任', color: '#495057' } }]]), 9)).toEqual([])
  })

  it('compares lists by content', () => {
    expect(sameOnlineUsers(onlineUsersFrom(states, 2), onlineUsersFrom(new Map(states), 2))).toBe(true)
    expect(sameOnlineUsers(onlineUsersFrom(states, 2), onlineUsersFrom(states, 1))).toBe(false)
    expect(sameOnlineUsers([], undefined)).toBe(false)
  })
})
