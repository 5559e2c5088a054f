/** Changing one's own password: after a reset by the office (before anything else), or any time. */
import { type FormEvent, useState } from 'react'
import type { Me } from '../../../shared/api.ts'
import { minPasswordLength } from '../../../shared/school/account-rules.ts'
import { changeOwnPassword } from '../api/school.ts'
import { PasswordField } from '../components/PasswordField.tsx'

export function PasswordForm({ onChanged }: { onChanged: (me: Me) => void }) {
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [again, setAgain] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState(false)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    setDone(false)
    if (next !== again) {
      setError('两次输入的新密码不一样')
      return
    }
    setBusy(true)
    try {
      onChanged(await changeOwnPassword(current, next))
      setCurrent('')
      setNext('')
      setAgain('')
      setDone(true)
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : '修改失败，请稍后再试')
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="school-form" onSubmit={(event) => void submit(event)} data-testid="password-form">
      <PasswordField
        label="当前密码"
        autoComplete="current-password"
        value={current}
        onChange={setCurrent}
        testId="password-current"
      />
      <PasswordField
        label={`新密码（至少 ${minPasswordLength} 位）`}
        autoComplete="new-password"
        value={next}
        onChange={setNext}
        testId="password-new"
      />
      <PasswordField
        label="再输一次新密码"
        autoComplete="new-password"
        value={again}
        onChange={setAgain}
        testId="password-again"
      />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {done && <p role="status">密码已修改，其他设备上的登录已退出。</p>}
      <button type="submit" className="primary" disabled={busy} data-testid="password-submit">
        修改密码
      </button>
    </form>
  )
}
