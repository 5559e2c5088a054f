/** 学校管理 (教导处): accounts, groups, the staff roster import, 教案检查 and the audit log of the school. */
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { queries, schoolKey } from '../api/queries.ts'
import { AccountsPanel } from './AccountsPanel.tsx'
import { AuditPanel } from './AuditPanel.tsx'
import { ChecksPanel } from './ChecksPanel.tsx'
import { GroupsPanel } from './GroupsPanel.tsx'
import { RosterPanel } from './RosterPanel.tsx'
import { SsoSetting } from './SsoSetting.tsx'
import { schoolHref, type SchoolTab } from './school-routes.ts'
import './school.css'

const tabLabels: Record<SchoolTab, string> = {
  accounts: '账号',
  groups: '备课组',
  roster: '导入名单',
  checks: '教案检查',
  audit: '操作记录',
}

export function SchoolPage({ tab }: { tab: SchoolTab }) {
  const queryClient = useQueryClient()
  const accounts = useQuery(queries.accounts())
  const groups = useQuery(queries.schoolGroups())
  const error = accounts.error ?? groups.error
  /** An account's groups show on the groups tab and a group's members on the accounts tab; both are logged. */
  const reload = () => void queryClient.invalidateQueries({ queryKey: schoolKey })

  return (
    <main className="school-page">
      <h1>学校管理</h1>
      <nav className="school-tabs">
        {(Object.keys(tabLabels) as SchoolTab[]).map((name) => (
          <a
            key={name}
            href={schoolHref({ page: 'school', tab: name })}
            aria-current={name === tab ? 'page' : undefined}
            data-testid={`school-tab-${name}`}
          >
            {tabLabels[name]}
          </a>
        ))}
      </nav>
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      {tab === 'accounts' && (
        <>
          <SsoSetting />
          <AccountsPanel accounts={accounts.data ?? []} groups={groups.data ?? []} onChanged={reload} />
        </>
      )}
      {tab === 'groups' && <GroupsPanel accounts={accounts.data ?? []} groups={groups.data ?? []} onChanged={reload} />}
      {tab === 'roster' && <RosterPanel onImported={reload} />}
      {tab === 'checks' && <ChecksPanel accounts={accounts.data ?? []} />}
      {tab === 'audit' && <AuditPanel />}
    </main>
  )
}
