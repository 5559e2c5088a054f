/** 学校管理 (教导处): accounts, groups and the audit log of the school. */
import { useCallback, useEffect, useState } from 'react'
import type { Account, SchoolGroup } from '../../../shared/api/school.ts'
import { listAccounts, listSchoolGroups } from '../api/school.ts'
import { AccountsPanel } from './AccountsPanel.tsx'
import { AuditPanel } from './AuditPanel.tsx'
import { GroupsPanel } from './GroupsPanel.tsx'
import { schoolHref, type SchoolTab } from './school-routes.ts'
import './school.css'

const tabLabels: Record<SchoolTab, string> = { accounts: '账号', groups: '备课组', audit: '操作记录' }

export function SchoolPage({ tab }: { tab: SchoolTab }) {
  const [accounts, setAccounts] = useState<Account[]>([])
  const [groups, setGroups] = useState<SchoolGroup[]>([])
  const [error, setError] = useState<string | null>(null)
  const reload = useCallback(() => {
    Promise.all([listAccounts(), listSchoolGroups()]).then(
      ([loadedAccounts, loadedGroups]) => {
        setAccounts(loadedAccounts)
        setGroups(loadedGroups)
      },
      (failure: unknown) => setError(failure instanceof Error ? failure.message : '加载失败'),
    )
  }, [])
  useEffect(reload, [reload])

  return (
    <main className="school-page">
      <h1>学校管理</h1>
      <nav className="school-tabs">
        {(Object.keys(tabLabels) as SchoolTab[]).map((name) => (
          <a key={name} href={schoolHref({ page: 'school', tab: name })} aria-current={name === tab ? 'page' : undefined} data-testid={`school-tab-${name}`}>
            {tabLabels[name]}
          </a>
        ))}
      </nav>
      {error && <p className="form-error" role="alert">{error}</p>}
      {tab === 'accounts' && <AccountsPanel accounts={accounts} groups={groups} onChanged={reload} />}
      {tab === 'groups' && <GroupsPanel accounts={accounts} groups={groups} onChanged={reload} />}
      {tab === 'audit' && <AuditPanel />}
    </main>
  )
}
