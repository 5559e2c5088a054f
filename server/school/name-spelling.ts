/**
 * The 拼音 of a name as it is shown, for the 「@」 list's filter (`shared/threads/mentions.ts`): typed
 * 「wangf」 or 「wf」 finds 王芳. Made on the server so the browser never loads a 拼音 dictionary; a
 * surname is read as a surname (曾 zeng, 单 shan).
 */
import type { pinyin as Pinyin } from 'pinyin-pro'

let dictionary: Promise<typeof Pinyin> | null = null

/**
 * How names are spelled. The dictionary (several MB in memory) is loaded when a name is first spelled,
 * not at start: a server nobody has opened a plan on yet does not hold it.
 */
export async function nameSpeller(): Promise<(displayName: string) => string> {
  dictionary ??= import('pinyin-pro').then((module) => module.pinyin)
  const pinyin = await dictionary
  return (displayName) => nameSpelling(pinyin, displayName)
}

function nameSpelling(pinyin: typeof Pinyin, displayName: string): string {
  const options = { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' } as const
  const syllables = pinyin(displayName, options)
    .map((syllable) => syllable.trim().toLowerCase())
    .filter((syllable) => syllable !== '')
  const full = syllables.join('')
  const initials = syllables.map((syllable) => syllable[0]).join('')
  return full === initials ? full : `${full} ${initials}`
}
