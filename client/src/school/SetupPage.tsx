/**
 * The first-run page: on a database without any account, whoever started the server creates the school
 * and its first 教导处 account with the one-time token start-up printed (part of the link it printed).
 */
import { type FormEvent, useState } from 'react'
import type { Me } from '../../../shared/api.ts'
import { minPasswordLength } from '../../../shared/school/account-rules.ts'
import { createSchool } from '../api/school.ts'
import { PasswordField } from '../components/PasswordField.tsx'

export function SetupPage({ token: linkToken, onCreated }: { token: string; onCreated: (me: Me) => void }) {
  const [token, setToken] = useState(linkToken)
  const [school, setSchool] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const name = displayName.trim()
      onCreated(
        await createSchool({
          token: token.trim(),
          school,
          username: username.trim(),
          password,
          displayName: name || undefined,
        }),
      )
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : '创建失败，请稍后再试')
      setBusy(false)
    }
  }

  return (
    <main className="login-page">
      <form className="login-card" onSubmit={(event) => void submit(event)} data-testid="setup-form">
        <h1>共备 · 创建学校</h1>
        <p className="login-tagline">填写学校名称和第一个教导处账号，之后用它添加老师、建备课组。</p>
        <label>
          一次性口令
          <input value={token} required onChange={(event) => setToken(event.target.value)} data-testid="setup-token" />
        </label>
        <label>
          学校名称
          <input
            value={school}
            required
            onChange={(event) => setSchool(event.target.value)}
            data-testid="setup-school"
          />
        </label>
        <label>
          姓名（可不填，默认为“教导处”）
          <input
            value={displayName}
            onChange={(event) => setDisplayName(event.target.value)}
            data-testid="setup-display-name"
          />
        </label>
        <label>
          用户名
          <input
            value={username}
            autoComplete="username"
            required
            onChange={(event) => setUsername(event.target.value)}
            data-testid="setup-username"
          />
        </label>
        <PasswordField
          label={`密码（至少 ${minPasswordLength} 位）`}
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          testId="setup-password"
        />
        {error && (
          <p className="form-error" role="alert" data-testid="setup-error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy} data-testid="setup-submit">
          {busy ? '正在创建…' : '创建学校并登录'}
        </button>
      </form>
    </main>
  )
}
