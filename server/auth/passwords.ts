/**
 * Password hashing with scrypt from node:crypto. A stored hash carries its own parameters and salt,
 * `scrypt$<log2 N>$<r>$<p>$<salt base64>$<hash base64>`, so the cost can be raised later without
 * invalidating existing passwords.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

/** About 70 ms per hash here: slow for guessing, quick enough for a login. */
export const defaultCost: ScryptCost = { log2N: 15, r: 8, p: 1 }
const saltBytes = 16
const keyBytes = 32

export interface ScryptCost {
  log2N: number
  r: number
  p: number
}

/**
 * For the one-time passwords of a staff roster, which must be changed at the first sign-in (the new one
 * gets `defaultCost`): a generated one has about 50 bits, beyond guessing at any cost, and 2,000 of them
 * at `defaultCost` would take minutes to hash. The hash records its cost, so verifying needs nothing else.
 */
export const oneTimePasswordCost: ScryptCost = { log2N: 10, r: 8, p: 1 }

export async function hashPassword(password: string, cost: ScryptCost = defaultCost): Promise<string> {
  const salt = randomBytes(saltBytes)
  const key = await deriveKey(password, salt, keyBytes, cost)
  const { log2N, r, p } = cost
  return ['scrypt', log2N, r, p, salt.toString('base64'), key.toString('base64')].join('$')
}

/**
 * A check to run when no user has the name given, costing what `verifyPassword` costs, so that the
 * time of the answer does not tell whether a username exists (SEC-5). The stand-in hash is made at once,
 * not on the first unknown name, which would otherwise be the slowest answer of all.
 */
export function passwordCheckWithoutUser(): (password: string) => Promise<false> {
  const standIn = hashPassword(randomBytes(16).toString('base64'))
  return async (password) => {
    await verifyPassword(password, await standIn)
    return false
  }
}

/** False for a wrong password and for a hash this module did not write. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const parsed = parseHash(hash)
  if (parsed === null) return false
  const key = await deriveKey(password, parsed.salt, parsed.key.length, parsed.cost)
  return timingSafeEqual(key, parsed.key)
}

function parseHash(hash: string): { cost: ScryptCost; salt: Buffer; key: Buffer } | null {
  const [scheme, log2N, r, p, salt, key, ...rest] = hash.split('$')
  if (scheme !== 'scrypt' || rest.length > 0 || salt === undefined || key === undefined) return null
  const cost = { log2N: Number(log2N), r: Number(r), p: Number(p) }
  // Bounds keep a corrupted row from asking scrypt for gigabytes of memory.
  const sane =
    Number.isInteger(cost.log2N) &&
    cost.log2N >= 10 &&
    cost.log2N <= 20 &&
    Number.isInteger(cost.r) &&
    cost.r >= 1 &&
    cost.r <= 32 &&
    Number.isInteger(cost.p) &&
    cost.p >= 1 &&
    cost.p <= 16
  const keyBuffer = Buffer.from(key, 'base64')
  if (!sane || keyBuffer.length < 16) return null
  return { cost, salt: Buffer.from(salt, 'base64'), key: keyBuffer }
}

function deriveKey(password: string, salt: Buffer, length: number, cost: ScryptCost): Promise<Buffer> {
  const N = 2 ** cost.log2N
  return new Promise((resolve, reject) => {
    // scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is just too small for N = 2^15.
    const params = { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r }
    scrypt(password.normalize('NFC'), salt, length, params, (error, key) => (error ? reject(error) : resolve(key)))
  })
}
