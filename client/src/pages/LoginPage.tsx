import { type FormEvent, useEffect, useState } from 'react'
import { login, ssoOffered, ssoStartPath } from '../api/auth.ts'
import { setupNeeded } from '../api/school.ts'
import { PasswordField } from '../components/PasswordField.tsx'
import type { Me } from '../../../shared/api.ts'
import { ssoFailureMessages, ssoFailures, type SsoFailure } from '../../../shared/school/sso-rules.ts'

/** `ssoFailure`: why the school's single sign-on sent the browser back here without a session. */
export function LoginPage({ onLoggedIn, ssoFailure }: { onLoggedIn: (me: Me) => void; ssoFailure?: string }) {
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [newSchool, setNewSchool] = useState(false)
  const [sso, setSso] = useState(false)

  useEffect(() => {
    // Offline, or an older server: the page is just the login.
    setupNeeded().then(setNewSchool, () => {})
    ssoOffered().then(setSso, () => {})
  }, [])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      onLoggedIn(await login(username.trim(), password))
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : '登录失败，请稍后再试')
      setBusy(false)
    }
  }

  return (
    <main className="login-page">
      <form className="login-card" onSubmit={(event) => void submit(event)} data-testid="login-form">
        <h1>共备</h1>
        <p className="login-tagline">备课组集体备课，一起写导学案</p>
        {newSchool && (
          <p className="form-notice" role="status" data-testid="login-new-school">
            这里还没有任何账号。请打开服务器启动时显示的链接（带一次性口令）创建学校和第一个教导处账号，
            或在服务器上运行 npm run create-admin。
          </p>
        )}
        <label>
          用户名
          <input
            name="username"
            autoComplete="username"
            autoFocus
            required
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            data-testid="login-username"
          />
        </label>
        <PasswordField
          label="密码"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          testId="login-password"
        />
        {(error ?? ssoMessage(ssoFailure)) && (
          <p className="form-error" role="alert" data-testid="login-error">
            {error ?? ssoMessage(ssoFailure)}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy} data-testid="login-submit">
          {busy ? '正在登录…' : '登录'}
        </button>
        {sso && (
          <a className="login-sso" href={ssoStartPath} data-testid="login-sso">
            统一身份认证登录
          </a>
        )}
      </form>
    </main>
  )
}

function ssoMessage(failure: string | undefined): string | null {
  if (failure === undefined) return null
  return (ssoFailures as readonly string[]).includes(failure)
    ? ssoFailureMessages[failure as SsoFailure]
    : '统一身份认证登录没有成功，请重试'
}
