/** 备课组: the office creates groups, renames them, sets subject, grade, leader and members. */
import { type FormEvent, useState } from 'react'
import type { Account, SchoolGroup } from '../../../shared/api/school.ts'
import { changeSchoolGroup, createSchoolGroup } from '../api/school.ts'

interface Props {
  accounts: Account[]
  groups: SchoolGroup[]
  onChanged: () => void
}

export function GroupsPanel({ accounts, groups, onChanged }: Props) {
  const [error, setError] = useState<string | null>(null)
  const [editing, setEditing] = useState<string | null>(null)
  const [name, setName] = useState('')
  const [subject, setSubject] = useState('')
  const [grade, setGrade] = useState('')
  const names = new Map(accounts.map((account) => [account.id, account.displayName]))

  const run = async (work: Promise<unknown>, after?: () => void) => {
    setError(null)
    try {
      await work
      after?.()
      onChanged()
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : '操作失败')
    }
  }
  const create = (event: FormEvent) => {
    event.preventDefault()
    void run(createSchoolGroup({ name, subject, grade }), () => {
      setName('')
      setSubject('')
      setGrade('')
    })
  }

  return (
    <section>
      <form className="school-form school-inline" onSubmit={create} data-testid="new-group">
        <label>
          名称
          <input
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="七年级数学备课组"
            data-testid="new-group-name"
          />
        </label>
        <label>
          学科
          <input value={subject} onChange={(e) => setSubject(e.target.value)} data-testid="new-group-subject" />
        </label>
        <label>
          年级
          <input value={grade} onChange={(e) => setGrade(e.target.value)} data-testid="new-group-grade" />
        </label>
        <button type="submit" className="primary" data-testid="new-group-submit">
          新建备课组
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert" data-testid="groups-error">
          {error}
        </p>
      )}
      <ul className="school-list" data-testid="groups">
        {groups.map((group) => (
          <li key={group.id} data-testid="group-row" data-name={group.name}>
            {editing === group.id ? (
              <GroupEditor
                group={group}
                accounts={accounts}
                onCancel={() => setEditing(null)}
                onSave={(change) => void run(changeSchoolGroup(group.id, change), () => setEditing(null))}
              />
            ) : (
              <>
                <strong>{group.name}</strong>
                <span className="school-muted">{[group.subject, group.grade].filter(Boolean).join(' · ')}</span>
                <span>组长：{group.leaderId ? names.get(group.leaderId) : '未设'}</span>
                <span>成员：{group.memberIds.map((id) => names.get(id)).join('、') || '无'}</span>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setEditing(group.id)}
                  data-testid="edit-group"
                >
                  编辑
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}

function GroupEditor({
  group,
  accounts,
  onSave,
  onCancel,
}: {
  group: SchoolGroup
  accounts: Account[]
  onSave: (change: Parameters<typeof changeSchoolGroup>[1]) => void
  onCancel: () => void
}) {
  const [name, setName] = useState(group.name)
  const [subject, setSubject] = useState(group.subject)
  const [grade, setGrade] = useState(group.grade)
  const [memberIds, setMemberIds] = useState(group.memberIds)
  const [leaderId, setLeaderId] = useState(group.leaderId ?? '')
  // Experts are invited from their account; disabled accounts join nothing.
  const candidates = accounts.filter(
    (account) => account.role !== 'guest' && (account.disabledAt === null || memberIds.includes(account.id)),
  )
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSave({ name, subject, grade, memberIds, leaderId: leaderId || null })
  }
  return (
    <form className="school-form" onSubmit={submit} data-testid="group-editor">
      <div className="school-inline">
        <label>
          名称
          <input required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          学科
          <input value={subject} onChange={(e) => setSubject(e.target.value)} />
        </label>
        <label>
          年级
          <input value={grade} onChange={(e) => setGrade(e.target.value)} />
        </label>
      </div>
      <div className="school-choices">
        成员：
        {candidates.map((account) => (
          <label key={account.id}>
            <input
              type="checkbox"
              checked={memberIds.includes(account.id)}
              data-testid={`member-${account.username}`}
              onChange={(event) =>
                setMemberIds(
                  event.target.checked ? [...memberIds, account.id] : memberIds.filter((id) => id !== account.id),
                )
              }
            />
            {account.displayName}
          </label>
        ))}
      </div>
      <label>
        组长
        <select value={leaderId} onChange={(e) => setLeaderId(e.target.value)} data-testid="group-leader">
          <option value="">未设</option>
          {candidates
            .filter((account) => memberIds.includes(account.id) && account.role === 'leader')
            .map((account) => (
              <option key={account.id} value={account.id}>
                {account.displayName}
              </option>
            ))}
        </select>
      </label>
      <div>
        <button type="submit" className="primary" data-testid="group-save">
          保存
        </button>
        <button type="button" className="link-button" onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  )
}
