/**
 * @mentions in a thread's or reply's body (docs/THREADS.md, MENTION-1 to MENTION-3). Typing 「@」 offers
 * the group's members, filtered by what follows: characters of the name as it is shown, or its 拼音,
 * whole or by initials. Picking one writes 「@王芳」 into the body and the member's id into the thread's
 * or reply's `mentions`: the id, not the words, is what the server reads and whom it tells.
 */
import { limits } from '../limits.ts'

/** What the list offers of a member: the id, the name as shown, and its 拼音 keys (`spelling`). */
export interface Mentionable {
  id: string
  displayName: string
  /** Space-separated lower-case keys of the name: its 拼音 joined and its initials ("wangfang wf"). */
  spelling: string
}

/** Chinese input methods often give the full-width 「＠」: both open the list. */
export const mentionTriggers = ['@', '＠'] as const

/** At most this many members are offered at once: a short list a finger can pick from. */
export const mentionListLength = 8

/**
 * Whether a member is offered for what was typed after 「@」 (empty: everyone): part of the shown name
 * or of its 拼音 (「fang」 finds 王芳), or the start of its initials (「wf」; 「ls」 would find every 某老师).
 */
export function matchesMention(member: Mentionable, query: string): boolean {
  const typed = query.trim().toLowerCase().replace(/\s+/g, '')
  if (typed === '') return true
  if (member.displayName.toLowerCase().includes(typed)) return true
  const [full = '', initials = ''] = member.spelling.split(' ')
  return full.includes(typed) || (initials !== '' && initials.startsWith(typed))
}

/** The members offered for `query`, the author left out. */
export function mentionChoices<T extends Mentionable>(members: readonly T[], query: string, authorId: string): T[] {
  return members.filter((member) => member.id !== authorId && matchesMention(member, query)).slice(0, mentionListLength)
}

/**
 * MENTION-2. Whom a body mentions when it is sent: every member picked from the list whose 「@名字」 is
 * still in the words, and a name typed out in full after 「@」 that is exactly one member's shown name
 * (the teacher who wrote 「@王芳」 with her input method and never looked at the list means 王芳 too).
 * Words that only look like a mention — 「@全体」, an e-mail address, a name two members share — tell
 * nobody; the composer shows beforehand whom the body will tell. The author is never among them.
 */
export function mentionsInBody(
  text: string,
  picked: readonly string[],
  members: readonly Mentionable[],
  authorId: string,
): string[] {
  const found = new Set<string>()
  const byId = new Map(members.map((member) => [member.id, member]))
  for (const id of picked) {
    const member = byId.get(id)
    if (member && writtenAfterTrigger(text, member.displayName)) found.add(id)
  }
  for (const member of members) {
    if (found.has(member.id) || !writtenAfterTrigger(text, member.displayName)) continue
    const sameName = members.filter((other) => other.displayName === member.displayName)
    if (sameName.length === 1 && !longerNameAt(text, member, members)) found.add(member.id)
  }
  found.delete(authorId)
  return [...found].slice(0, limits.maxThreadMentions)
}

function writtenAfterTrigger(text: string, name: string): boolean {
  return name !== '' && mentionTriggers.some((trigger) => text.includes(trigger + name))
}

/** 「@王芳芳」 is 王芳芳, not 王芳: a name counts only where no longer member's name was written. */
function longerNameAt(text: string, member: Mentionable, members: readonly Mentionable[]): boolean {
  const longer = members.filter(
    (other) => other.displayName.length > member.displayName.length && other.displayName.startsWith(member.displayName),
  )
  for (const trigger of mentionTriggers) {
    let at = text.indexOf(trigger + member.displayName)
    while (at >= 0) {
      const rest = text.slice(at + trigger.length)
      if (!longer.some((other) => rest.startsWith(other.displayName))) return false
      at = text.indexOf(trigger + member.displayName, at + 1)
    }
  }
  return true
}
