import { describe, expect, it } from 'vitest'
import { LoginThrottle } from '../../../server/auth/login-throttle.ts'

function throttleAt(clock: { now: number }, maxKeys = 100): LoginThrottle {
  return new LoginThrottle({
    failuresPerUsername: 3,
    failuresPerAddress: 5,
    windowMs: 60_000,
    maxKeys,
    now: () => clock.now,
  })
}

describe('login throttle', () => {
  it('[SEC-4] holds a username back after its failures, from any address, until the window has passed', () => {
    const clock = { now: 0 }
    const throttle = throttleAt(clock)
    for (let i = 0; i < 3; i++) {
      expect(throttle.retryAfterMs('teacher1', `10.0.0.${i}`)).toBe(0)
      throttle.failed('teacher1', `10.0.0.${i}`)
    }
    clock.now = 10_000
    expect(throttle.retryAfterMs('Teacher1', '10.9.9.9')).toBe(50_000)
    expect(throttle.retryAfterMs('teacher2', '10.9.9.9')).toBe(0)
    clock.now = 60_000
    expect(throttle.retryAfterMs('teacher1', '10.9.9.9')).toBe(0)
  })

  it('[SEC-4] holds an address back after its failures, whatever usernames it tries', () => {
    const clock = { now: 0 }
    const throttle = throttleAt(clock)
    for (let i = 0; i < 5; i++) throttle.failed(`name-${i}`, '10.0.0.1')
    expect(throttle.retryAfterMs('teacher1', '10.0.0.1')).toBe(60_000)
    expect(throttle.retryAfterMs('teacher1', '10.0.0.2')).toBe(0)
  })

  it('[SEC-4] forgets a username’s failures once it signs in, but not its address’s', () => {
    const throttle = throttleAt({ now: 0 })
    for (let i = 0; i < 2; i++) throttle.failed('teacher1', '10.0.0.1')
    throttle.succeeded('teacher1')
    throttle.failed('teacher1', '10.0.0.1')
    throttle.failed('teacher1', '10.0.0.1')
    expect(throttle.retryAfterMs('teacher1', '10.0.0.2')).toBe(0)
    throttle.failed('teacher1', '10.0.0.1')
    expect(throttle.retryAfterMs('teacher2', '10.0.0.1')).toBeGreaterThan(0)
  })

  it('[SEC-4] remembers a bounded number of names', () => {
    const throttle = throttleAt({ now: 0 }, 10)
    for (let i = 0; i < 3; i++) throttle.failed('target', `10.1.0.${i}`)
    for (let i = 0; i < 10; i++) throttle.failed(`filler-${i}`, `10.2.0.${i}`)
    // The oldest name was forgotten to make room: memory stays bounded whatever is tried.
    expect(throttle.retryAfterMs('target', '10.3.0.1')).toBe(0)
  })
})
