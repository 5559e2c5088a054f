import { describe, expect, it } from 'vitest'
import type { Actor, Role } from '../../../shared/access.ts'
import { mayRecordObservation } from '../../../shared/mentorship/observation-rules.ts'
import { mayPair, mayViewPair, type PairMember } from '../../../shared/mentorship/pairing-rules.ts'

function person(userId: string, role: Role, groupIds: string[], schoolId = 's1'): Actor & PairMember {
  return { userId, role, schoolId, groupIds }
}

const office = person('office', 'admin', [])
const mathLeader = person('mathLeader', 'leader', ['math7'])
const chineseLeader = person('chineseLeader', 'leader', ['chinese7'])
const chen = person('chen', 'teacher', ['math7'])
const zhao = person('zhao', 'teacher', ['math7'])
const wu = person('wu', 'teacher', ['chinese7'])
const guest = person('guest', 'guest', [])
const elsewhere = person('elsewhere', 'teacher', ['math7'], 's2')
const otherOffice = person('otherOffice', 'admin', [], 's2')

describe('mayPair (and unpair)', () => {
  it.each([
    ['the office, two teachers of one group', office, chen, zhao, true],
    ['the office, across groups', office, wu, zhao, true],
    ['the leader, two members of the group', mathLeader, chen, zhao, true],
    ['the leader as mentor in the group', mathLeader, mathLeader, zhao, true],
    ['the leader, a mentor from another group', mathLeader, wu, zhao, false],
    ['another group’s leader', chineseLeader, chen, zhao, false],
    ['a teacher', chen, chen, zhao, false],
    ['a guest', guest, chen, zhao, false],
    ['the office, the same person twice', office, zhao, zhao, false],
    ['the office, a guest as mentor', office, guest, zhao, false],
    ['the office, itself as apprentice', office, chen, office, false],
    ['the office, a teacher of another school', office, elsewhere, zhao, false],
    ['another school’s office', otherOffice, chen, zhao, false],
  ] as const)('%s → %s', (_case, actor, mentor, apprentice, expected) => {
    expect(mayPair(actor, mentor, apprentice).allowed).toBe(expected)
  })

  it('refuses the apprentice as their own mentor’s mentor', () => {
    expect(mayPair(office, zhao, chen, ['chen']).allowed).toBe(false)
    expect(mayPair(office, zhao, chen, ['wu']).allowed).toBe(true)
  })

  it('says why', () => {
    expect(mayPair(office, zhao, zhao)).toEqual({ allowed: false, reason: '师傅和徒弟不能是同一个人' })
  })
})

describe('mayViewPair', () => {
  it.each([
    ['the mentor', wu, true],
    ['the apprentice', zhao, true],
    ['the leader of the apprentice’s group', mathLeader, true],
    ['the office', office, true],
    ['another teacher of the group', person('li', 'teacher', ['math7']), false],
    ['another group’s leader', chineseLeader, false],
    ['a guest', guest, false],
    ['another school’s office', otherOffice, false],
  ] as const)('%s → %s', (_case, actor, expected) => {
    expect(mayViewPair(actor, wu, zhao).allowed).toBe(expected)
  })
})

describe('mayRecordObservation', () => {
  it.each([
    ['a teacher observing a colleague', chen, zhao, true],
    ['a leader observing a teacher of another group', mathLeader, wu, true],
    ['a teacher observing themselves', zhao, zhao, false],
    ['the office', office, zhao, false],
    ['a guest', guest, zhao, false],
    ['a teacher observing a guest', chen, guest, false],
    ['a teacher observing another school', chen, elsewhere, false],
  ] as const)('%s → %s', (_case, actor, observed, expected) => {
    expect(mayRecordObservation(actor, observed).allowed).toBe(expected)
  })
})
