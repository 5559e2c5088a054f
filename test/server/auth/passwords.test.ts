import { describe, expect, it } from 'vitest'
import { hashPassword, verifyPassword } from '../../../server/auth/passwords.ts'

describe('passwords', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('gongbei-demo')
    expect(hash).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/)
    expect(hash).not.toContain('gongbei-demo')
    expect(await verifyPassword('gongbei-demo', hash)).toBe(true)
    expect(await verifyPassword('gongbei-dem0', hash)).toBe(false)
    expect(await verifyPassword('', hash)).toBe(false)
  })

  it('salts every hash', async () => {
    const [first, second] = await Promise.all([hashPassword('same'), hashPassword('same')])
    expect(first).not.toBe(second)
    expect(await verifyPassword('same', second)).toBe(true)
  })

  it('handles Chinese passwords the same in either Unicode form', async () => {
    const hash = await hashPassword('共备\u00e9')
    expect(await verifyPassword('共备e\u0301', hash)).toBe(true)
  })

  it('refuses malformed or hostile hashes instead of throwing', async () => {
    const hash = await hashPassword('x')
    const [, , r, p, salt, key] = hash.split('$')
    const broken = [
      '',
      'x',
      'bcrypt$2b$10$abc',
      hash.replace(/\$[^$]+$/, '$'),
      `scrypt$40$${r}$${p}$${salt}$${key}`,
      `${hash}$extra`,
    ]
    for (const stored of broken) {
      expect(await verifyPassword('x', stored)).toBe(false)
    }
  })
})
