/**
 * The 拼音 of a name as it is shown, for the 「@」 list's filter (`shared/threads/mentions.ts`): typed
 * 「wangf」 or 「wf」 finds 王芳. Made on the server so the browser never loads a 拼音 dictionary; a
 * surname is read as a surname (曾 zeng, 单 shan).
 */
import { pinyin } from 'pinyin-pro'

export function nameSpelling(displayName: string): string {
  const options = { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' } as const
  const syllables = pinyin(displayName, options)
    .map((syllable) => syllable.trim().toLowerCase())
    .filter((syllable) => syllable !== '')
  const full = syllables.join('')
  const initials = syllables.map((syllable) => syllable[0]).join('')
  return full === initials ? full : `${full} ${initials}`
}
