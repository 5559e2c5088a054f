/** One-time passwords the office hands to a teacher: easy to read aloud and type, changed at first sign-in. */
import { randomInt } from 'node:crypto'

// Without 0/O, 1/l/I: the office reads them out or writes them on paper.
const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'
const length = 10

export function oneTimePassword(): string {
  let password = ''
  for (let i = 0; i < length; i++) password += alphabet[randomInt(alphabet.length)]
  return password
}
