/** Colleagues to @mention on a thread: the group's members but its author. */
import type { GroupMember } from '../../../shared/api/groups.ts'

interface MentionPickerProps {
  members: readonly GroupMember[]
  authorId: string
  chosen: readonly string[]
  onChange: (mentions: string[]) => void
}

export function MentionPicker({ members, authorId, chosen, onChange }: MentionPickerProps) {
  const others = members.filter((member) => member.id !== authorId)
  if (others.length === 0) return null
  const toggle = (userId: string) => onChange(chosen.includes(userId) ? chosen.filter((id) => id !== userId) : [...chosen, userId])
  return (
    <fieldset className="composer-mentions">
      <legend>提醒谁看（@）</legend>
      {others.map((member) => (
        <label key={member.id} className="mention-option">
          <input type="checkbox" data-testid="thread-mention" value={member.id} checked={chosen.includes(member.id)} onChange={() => toggle(member.id)} />
          {member.displayName}
        </label>
      ))}
    </fieldset>
  )
}
