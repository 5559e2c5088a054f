/**
 * A thread's or reply's body being rewritten by its author. Colleagues @mentioned in the new words are
 * added to its mentions and told; those mentioned before stay (they were told already: MENTION-2).
 */
import { useState } from 'react'
import type { GroupMember } from '../../../shared/api/groups.ts'
import { mentionsInBody } from '../../../shared/threads/mentions.ts'
import { type BodyRun, bodyText, trimmedBody } from '../../../shared/threads/rich-body.ts'
import { MentionsLine } from './MentionsLine.tsx'
import { RichBodyInput } from './RichBodyInput.tsx'
import { sendOrCancelKey } from './ThreadComposer.tsx'

interface EditableTextProps {
  initial: readonly BodyRun[]
  label: string
  /** The author, whom the body may @mention, and whom it mentions now. */
  mentions: { authorId: string; members: readonly GroupMember[]; initial: readonly string[] }
  onSave: (body: BodyRun[], mentions: string[]) => void
  onCancel: () => void
}

export function EditableText({ initial, label, mentions, onSave, onCancel }: EditableTextProps) {
  const [body, setBody] = useState<BodyRun[]>(() => [...initial])
  const [picked, setPicked] = useState<string[]>([])
  const sent = trimmedBody(body)
  const empty = bodyText(sent) === ''
  const named = mentionsInBody(bodyText(sent), picked, mentions.members, mentions.authorId)
  const added = named.filter((id) => !mentions.initial.includes(id))
  const save = (event: { preventDefault(): void }) => {
    event.preventDefault()
    if (!empty) onSave(sent, [...mentions.initial, ...added])
  }
  return (
    <form
      className="thread-edit-form"
      onClick={(event) => event.stopPropagation()}
      onSubmit={save}
      onKeyDown={(event) => sendOrCancelKey(event, save, onCancel)}
    >
      <RichBodyInput
        initial={initial}
        label={label}
        testId="thread-edit-input"
        mentionable={mentions}
        onChange={(runs, ids) => {
          setBody(runs)
          setPicked(ids)
        }}
        autoFocus
      />
      <MentionsLine mentions={added} members={mentions.members} />
      <span className="thread-actions">
        <button type="submit" disabled={empty} data-testid="thread-edit-save">
          保存
        </button>
        <button type="button" className="link-button" onClick={onCancel}>
          取消
        </button>
      </span>
    </form>
  )
}
