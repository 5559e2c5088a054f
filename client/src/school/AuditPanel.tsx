/** 操作记录: who created, changed, disabled and reset whom, and when, newest first. */
import { useInfiniteQuery } from '@tanstack/react-query'
import { auditActionLabels } from '../../../shared/school/audit.ts'
import { queries } from '../api/queries.ts'
import { dateTimeSecondsText } from '../time-text.ts'

export function AuditPanel() {
  const { data, error, hasNextPage, isFetchingNextPage, fetchNextPage } = useInfiniteQuery(queries.auditLog())
  const entries = data?.pages.flatMap((page) => page.entries) ?? []

  return (
    <section>
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <table className="school-table" data-testid="audit-log">
        <thead>
          <tr>
            <th>时间</th>
            <th>操作人</th>
            <th>操作</th>
            <th>对象</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} data-testid="audit-entry">
              <td>{dateTimeSecondsText(entry.at)}</td>
              <td>
                {entry.actor?.displayName ?? (entry.action === 'account.createBySso' ? '统一身份认证' : '安装时')}
              </td>
              <td>{auditActionLabels[entry.action]}</td>
              <td>
                {entry.targetUser
                  ? `${entry.targetUser.displayName}（${entry.targetUser.username}）`
                  : (entry.targetGroup?.name ?? '')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {hasNextPage && (
        <button type="button" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
          更早的记录
        </button>
      )}
    </section>
  )
}
