/** 账号: the school's accounts; the office creates, edits, disables and enables them, and resets passwords. */
import { type FormEvent, useState } from 'react'
import { roles, type Role } from '../../../shared/access.ts'
import type { Account, SchoolGroup } from '../../../shared/api/school.ts'
import { roleLabels } from '../../../shared/school/account-rules.ts'
import { changeAccount, createAccount, disableAccount, enableAccount, resetPassword } from '../api/school.ts'

interface Props {
  accounts: Account[]
  groups: SchoolGroup[]
  /** Re-reads accounts and groups after a change. */
  onChanged: () => void
}

/** The end date as the date input shows it, and back: the expert's access ends at the end of that day. */
const dateOf = (iso: string | null) => (iso ? iso.slice(0, 10) : '')
const endOfDay = (date: string) => (date ? new Date(`${date}T23:59:59`).toISOString() : null)

export function AccountsPanel({ accounts, groups, onChanged }: Props) {
  const [handedOut, setHandedOut] = useState<{ username: string; password: string } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [editing, setEditing] = useState<string | null>(null)

  const run = async <T,>(work: Promise<T>, after?: (result: T) => void) => {
    setError(null)
    try {
      const result = await work
      after?.(result)
      onChanged()
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : '操作失败')
    }
  }
  const groupNames = (ids: string[]) =>
    groups
      .filter((group) => ids.includes(group.id))
      .map((group) => group.name)
      .join('、')

  return (
    <section>
      <NewAccountForm
        groups={groups}
        onCreate={(request) =>
          run(createAccount(request), (created) => {
            if (created.oneTimePassword)
              setHandedOut({ username: created.account.username, password: created.oneTimePassword })
          })
        }
      />
      {handedOut && (
        <p className="school-notice" role="status" data-testid="one-time-password">
          {handedOut.username} 的一次性密码：<code>{handedOut.password}</code>
          （只显示这一次，请交给本人；首次登录后须修改）
        </p>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="accounts-error">
          {error}
        </p>
      )}
      <table className="school-table" data-testid="accounts">
        <thead>
          <tr>
            <th>姓名</th>
            <th>用户名</th>
            <th>角色</th>
            <th>备课组</th>
            <th>状态</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.id} data-testid="account-row" data-username={account.username}>
              {editing === account.id ? (
                <td colSpan={6}>
                  <AccountEditor
                    account={account}
                    groups={groups}
                    onCancel={() => setEditing(null)}
                    onSave={(change) => void run(changeAccount(account.id, change), () => setEditing(null))}
                  />
                </td>
              ) : (
                <>
                  <td>{account.displayName}</td>
                  <td>{account.username}</td>
                  <td>
                    {roleLabels[account.role]}
                    {account.accessUntil ? `（至 ${dateOf(account.accessUntil)}）` : ''}
                  </td>
                  <td>{groupNames(account.groupIds)}</td>
                  <td>{account.disabledAt ? '已停用' : account.mustChangePassword ? '待改密码' : '正常'}</td>
                  <td className="school-actions">
                    <button type="button" className="link-button" onClick={() => setEditing(account.id)}>
                      编辑
                    </button>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() =>
                        void run(resetPassword(account.id), (reset) => {
                          if (reset.oneTimePassword)
                            setHandedOut({ username: account.username, password: reset.oneTimePassword })
                        })
                      }
                    >
                      重置密码
                    </button>
                    {account.disabledAt ? (
                      <button type="button" className="link-button" onClick={() => void run(enableAccount(account.id))}>
                        恢复
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="link-button"
                        data-testid="disable-account"
                        onClick={() => {
                          if (
                            window.confirm(`停用 ${account.displayName} 的账号？停用后无法登录，已写的教案和批注保留。`)
                          )
                            void run(disableAccount(account.id))
                        }}
                      >
                        停用
                      </button>
                    )}
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

function GroupChoices({
  groups,
  chosen,
  onChange,
}: {
  groups: SchoolGroup[]
  chosen: string[]
  onChange: (ids: string[]) => void
}) {
  if (groups.length === 0) return <span className="school-muted">还没有备课组</span>
  return (
    <span className="school-choices">
      {groups.map((group) => (
        <label key={group.id}>
          <input
            type="checkbox"
            checked={chosen.includes(group.id)}
            onChange={(event) =>
              onChange(event.target.checked ? [...chosen, group.id] : chosen.filter((id) => id !== group.id))
            }
          />
          {group.name}
        </label>
      ))}
    </span>
  )
}

function NewAccountForm({
  groups,
  onCreate,
}: {
  groups: SchoolGroup[]
  onCreate: (request: Parameters<typeof createAccount>[0]) => Promise<void>
}) {
  const [displayName, setDisplayName] = useState('')
  const [username, setUsername] = useState('')
  const [role, setRole] = useState<Role>('teacher')
  const [groupIds, setGroupIds] = useState<string[]>([])
  const [until, setUntil] = useState('')

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    await onCreate({
      displayName,
      username: username.trim(),
      role,
      groupIds,
      accessUntil: role === 'guest' ? endOfDay(until) : null,
    })
    setDisplayName('')
    setUsername('')
    setGroupIds([])
  }

  return (
    <form className="school-form school-inline" onSubmit={(event) => void submit(event)} data-testid="new-account">
      <label>
        姓名
        <input
          required
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          data-testid="new-account-name"
        />
      </label>
      <label>
        用户名
        <input
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          data-testid="new-account-username"
        />
      </label>
      <RoleFields
        role={role}
        onRole={setRole}
        until={until}
        onUntil={setUntil}
        groups={groups}
        groupIds={groupIds}
        onGroupIds={setGroupIds}
        roleTestId="new-account-role"
      />
      <button type="submit" className="primary" data-testid="new-account-submit">
        添加账号
      </button>
    </form>
  )
}

function AccountEditor({
  account,
  groups,
  onSave,
  onCancel,
}: {
  account: Account
  groups: SchoolGroup[]
  onSave: (change: Parameters<typeof changeAccount>[1]) => void
  onCancel: () => void
}) {
  const [displayName, setDisplayName] = useState(account.displayName)
  const [role, setRole] = useState<Role>(account.role)
  const [groupIds, setGroupIds] = useState(account.groupIds)
  const [until, setUntil] = useState(dateOf(account.accessUntil))
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSave({ displayName, role, groupIds, accessUntil: role === 'guest' ? endOfDay(until) : null })
  }
  return (
    <form className="school-form school-inline" onSubmit={submit}>
      <label>
        姓名
        <input required value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
      </label>
      <RoleFields
        role={role}
        onRole={setRole}
        until={until}
        onUntil={setUntil}
        groups={groups}
        groupIds={groupIds}
        onGroupIds={setGroupIds}
      />
      <button type="submit" className="primary">
        保存
      </button>
      <button type="button" className="link-button" onClick={onCancel}>
        取消
      </button>
    </form>
  )
}

/** The role, and for a 校外教研员 the end of access; then the groups, which for a guest are all they may see. */
function RoleFields(props: {
  role: Role
  onRole: (role: Role) => void
  until: string
  onUntil: (until: string) => void
  groups: SchoolGroup[]
  groupIds: string[]
  onGroupIds: (groupIds: string[]) => void
  roleTestId?: string
}) {
  const { role, until, groups, groupIds } = props
  return (
    <>
      <label>
        角色
        <select value={role} onChange={(e) => props.onRole(e.target.value as Role)} data-testid={props.roleTestId}>
          {roles.map((option) => (
            <option key={option} value={option}>
              {roleLabels[option]}
            </option>
          ))}
        </select>
      </label>
      {role === 'guest' && (
        <label>
          访问期限
          <input type="date" required value={until} onChange={(e) => props.onUntil(e.target.value)} />
        </label>
      )}
      <div>
        {role === 'guest' ? '可查看的备课组' : '备课组'}：
        <GroupChoices groups={groups} chosen={groupIds} onChange={props.onGroupIds} />
      </div>
    </>
  )
}
