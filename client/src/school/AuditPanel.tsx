/** 操作记录: who created, changed, disabled and reset whom, and when, newest first. */
import { useEffect, useState } from 'react'
import type { AuditEntryView } from '../../../shared/api/school.ts'
import { auditActionLabels } from '../../../shared/school/audit.ts'
import { readAuditLog } from '../api/school.ts'

const timeFormat = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'medium' })

export function AuditPanel() {
  const [entries, setEntries] = useState<AuditEntryView[]>([])
  const [more, setMore] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const load = (before: string | null) =>
    readAuditLog(before).then(
      (page) => {
        setEntries((current) => (before ? [...current, ...page.entries] : page.entries))
        setMore(page.more)
      },
      (failure: unknown) => setError(failure instanceof Error ? failure.message : '加载失败'),
    )
  useEffect(() => {
    void load(null)
  }, [])

  return (
    <section>
      {error && <p className="form-error" role="alert">{error}</p>}
      <table className="school-table" data-testid="audit-log">
        <thead>
          <tr><th>时间</th><th>操作人</th><th>操作</th><th>对象</th></tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} data-testid="audit-entry">
              <td>{timeFormat.format(new Date(entry.at))}</td>
              <td>{entry.actor?.displayName ?? '安装时'}</td>
              <td>{auditActionLabels[entry.action]}</td>
              <td>{entry.targetUser ? `${entry.targetUser.displayName}（${entry.targetUser.username}）` : (entry.targetGroup?.name ?? '')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {more && (
        <button type="button" onClick={() => void load(entries.at(-1)?.at ?? null)}>
          更早的记录
        </button>
      )}
    </section>
  )
}
