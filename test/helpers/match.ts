/**
 * Vitest's asymmetric matchers, typed `unknown` instead of `any`. Vitest types `expect.any(String)` and its
 * kin `any`, so inside an expected object one silently switches off type checking of all that touches it
 * (and no-unsafe-assignment rightly reports it); an expected value needs no more than `unknown`.
 */
import { expect } from 'vitest'

type Matchers = Pick<typeof expect, 'any' | 'objectContaining' | 'stringContaining' | 'stringMatching'>

export const match: { [Name in keyof Matchers]: (...args: Parameters<Matchers[Name]>) => unknown } = expect
