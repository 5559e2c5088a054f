/**
 * A thread's or reply's body being rewritten by its author; for a thread, also whom it @mentions, so
 * colleagues left out at first can still be told.
 */
import { useState } from 'react'
import type { GroupMember } from '../../../shared/api/groups.ts'
import { type BodyRun, bodyText, trimmedBody } from '../../../shared/threads/rich-body.ts'
import { MentionPicker } from './MentionPicker.tsx'
import { RichBodyInput } from './RichBodyInput.tsx'

interface EditableTextProps {
  initial: readonly BodyRun[]
  label: string
  /** Set when editing a thread: its mentions, and whom it may mention. */
  mentions?: { authorId: string; members: readonly GroupMember[]; initial: readonly string[] }
  onSave: (body: BodyRun[], mentions: string[]) => void
  onCancel: () => void
}

export function EditableText({ initial, label, mentions, onSave, onCancel }: EditableTextProps) {
  const [body, setBody] = useState<BodyRun[]>(() => [...initial])
  const [chosen, setChosen] = useState<string[]>(() => [...(mentions?.initial ?? [])])
  const sent = trimmedBody(body)
  const empty = bodyText(sent) === ''
  return (
    <form
      className="thread-edit-form"
      onClick={(event) => event.stopPropagation()}
      onSubmit={(event) => {
        event.preventDefault()
        if (!empty) onSave(sent, chosen)
      }}
    >
      <RichBodyInput initial={initial} label={label} testId="thread-edit-input" onChange={setBody} autoFocus />
      {mentions && <MentionPicker members={mentions.members} authorId={mentions.authorId} chosen={chosen} onChange={setChosen} />}
      <span className="thread-actions">
        <button type="submit" disabled={empty} data-testid="thread-edit-save">保存</button>
        <button type="button" className="link-button" onClick={onCancel}>取消</button>
      </span>
    </form>
  )
}
