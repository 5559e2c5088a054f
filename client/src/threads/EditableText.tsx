/** A thread's or reply's body being rewritten by its author. */
import { useState } from 'react'

interface EditableTextProps {
  initial: string
  label: string
  onSave: (body: string) => void
  onCancel: () => void
}

export function EditableText({ initial, label, onSave, onCancel }: EditableTextProps) {
  const [body, setBody] = useState(initial)
  return (
    <form
      className="thread-edit-form"
      onClick={(event) => event.stopPropagation()}
      onSubmit={(event) => {
        event.preventDefault()
        if (body.trim()) onSave(body.trim())
      }}
    >
      <textarea aria-label={label} data-testid="thread-edit-input" rows={3} value={body} onChange={(event) => setBody(event.target.value)} autoFocus />
      <span className="thread-actions">
        <button type="submit" disabled={!body.trim()} data-testid="thread-edit-save">保存</button>
        <button type="button" className="link-button" onClick={onCancel}>取消</button>
      </span>
    </form>
  )
}
