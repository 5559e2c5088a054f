/** 我的账号: one's password, where one is signed in (with a way to sign out there), and one's 教案检查. */
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { Me } from '../../../shared/api.ts'
import { checkGradeLabels } from '../../../shared/checks/plan-check-rules.ts'
import { queries } from '../api/queries.ts'
import { endOtherSessions, endOwnSession } from '../api/school.ts'
import { failureText } from '../api/teacher-message.ts'
import { PasswordForm } from './PasswordForm.tsx'
import './school.css'
import { dateTimeText } from '../time-text.ts'

export function OwnAccountPage({ me, onChanged }: { me: Me; onChanged: (me: Me) => void }) {
  const queryClient = useQueryClient()
  const { data: sessions, error: loadError } = useQuery(queries.ownSessions())
  const [actError, setActError] = useState<string | null>(null)
  const error = actError ?? (sessions ? null : (loadError?.message ?? null))
  const reload = () => void queryClient.invalidateQueries(queries.ownSessions())

  const act = (work: Promise<unknown>) =>
    work.then(
      () => {
        setActError(null)
        reload()
      },
      (failure: unknown) => setActError(failureText(failure, '操作失败')),
    )

  return (
    <main className="school-page">
      <h1>我的账号</h1>
      <p>
        {me.displayName}（{me.username}）
      </p>
      <section>
        <h2>修改密码</h2>
        <PasswordForm
          onChanged={(changed) => {
            onChanged(changed)
            reload()
          }}
        />
      </section>
      <section>
        <h2>登录设备</h2>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <ul className="school-list" data-testid="own-sessions">
          {sessions?.map((session) => (
            <li key={session.id} data-testid="own-session">
              <span>{session.userAgent ?? '未知浏览器'}</span>
              <span className="school-muted">
                {session.createdAt ? `登录于 ${dateTimeText(session.createdAt)}` : ''}
              </span>
              {session.current ? (
                <strong>当前设备</strong>
              ) : (
                <button type="button" className="link-button" onClick={() => void act(endOwnSession(session.id))}>
                  退出该设备
                </button>
              )}
            </li>
          ))}
        </ul>
        {sessions && sessions.length > 1 && (
          <button type="button" onClick={() => void act(endOtherSessions())} data-testid="end-other-sessions">
            退出其他所有设备
          </button>
        )}
      </section>
      <OwnChecks />
    </main>
  )
}

/** [CHECK-4] The office's checks of one's own plans, newest semester first. */
function OwnChecks() {
  const { data: checks, error } = useQuery(queries.ownChecks())
  return (
    <section>
      <h2>我的教案检查</h2>
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      {checks?.length === 0 && <p className="school-muted">教导处还没有检查过你的教案。</p>}
      <ul className="school-list" data-testid="own-checks">
        {checks?.map((check) => (
          <li key={check.semester} data-testid="own-check">
            <span>{check.semester}</span>
            <strong>{checkGradeLabels[check.grade]}</strong>
            {check.comment && <span className="check-comment">{check.comment}</span>}
            <span className="school-muted">检查于 {dateTimeText(check.checkedAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
