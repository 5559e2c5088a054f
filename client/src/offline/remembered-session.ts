/**
 * What the app needs to reach a document without the network: the signed-in user and the API answers
 * that lead to the editor (the documents list), as the server last gave them on this device.
 *
 * One entry in localStorage, for one user at a time: another teacher signing in on a shared school
 * computer replaces it, and signing out or a 401 removes it, so nobody opens the app as someone else.
 * Answers are checked against their schema when read: a value written by an older client, or damaged,
 * counts as nothing remembered.
 */
import { z } from 'zod'
import { me as meSchema, type Me } from '../../../shared/api.ts'

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

const storageKey = 'gongbei:remembered-session'

const rememberedShape = z.object({ user: meSchema, answers: z.record(z.string(), z.unknown()) })
type Remembered = z.infer<typeof rememberedShape>

export class RememberedSession {
  constructor(private readonly storage: KeyValueStorage) {}

  user(): Me | null {
    return this.read()?.user ?? null
  }

  /** Keeps the answers remembered for this same user; a different user starts with none. */
  rememberUser(user: Me): void {
    const current = this.read()
    this.write({ user, answers: current?.user.id === user.id ? current.answers : {} })
  }

  forget(): void {
    try {
      this.storage.removeItem(storageKey)
    } catch {
      // Storage blocked: then nothing could have been remembered either.
    }
  }

  /** `undefined` when nothing (valid) is remembered for `key`. */
  answer<T>(key: string, schema: z.ZodType<T>): T | undefined {
    const stored = this.read()?.answers[key]
    const parsed = schema.safeParse(stored)
    return stored !== undefined && parsed.success ? parsed.data : undefined
  }

  /** Only for the remembered user: an answer nobody is signed in for is not kept. */
  rememberAnswer(key: string, value: unknown): void {
    const current = this.read()
    if (current) this.write({ user: current.user, answers: { ...current.answers, [key]: value } })
  }

  private read(): Remembered | null {
    try {
      const stored = this.storage.getItem(storageKey)
      if (stored === null) return null
      const parsed = rememberedShape.safeParse(JSON.parse(stored))
      return parsed.success ? parsed.data : null
    } catch {
      return null
    }
  }

  private write(remembered: Remembered): void {
    try {
      this.storage.setItem(storageKey, JSON.stringify(remembered))
    } catch {
      // Storage full or blocked: the app still works online, only not offline after a reload.
    }
  }
}
