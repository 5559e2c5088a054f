/** A labelled password input; `autoComplete` tells the browser's password manager which one it is. */
import type { ReactNode } from 'react'

export function PasswordField(props: {
  label: ReactNode
  autoComplete: 'current-password' | 'new-password'
  value: string
  onChange: (value: string) => void
  testId: string
  name?: string
}) {
  return (
    <label>
      {props.label}
      <input
        name={props.name}
        type="password"
        autoComplete={props.autoComplete}
        required
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        data-testid={props.testId}
      />
    </label>
  )
}
