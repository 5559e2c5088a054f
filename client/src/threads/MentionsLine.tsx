/** Whom a body being written will tell (MENTION-2), shown before it is sent. */
import type { GroupMember } from '../../../shared/api/groups.ts'

export function MentionsLine({ mentions, members }: { mentions: readonly string[]; members: readonly GroupMember[] }) {
  if (mentions.length === 0) return null
  const names = mentions.map((id) => members.find((member) => member.id === id)?.displayName ?? '其他老师')
  return (
    <p className="composer-mentions muted" data-testid="mentions-line">
      发表后将提醒：{names.join('、')}
    </p>
  )
}
