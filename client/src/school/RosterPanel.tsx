/**
 * 导入名单: the office uploads the staff list (.xlsx or .csv), reads the preview row by row, and only
 * then imports it; afterwards the one-time passwords are shown this once and can be saved as a sheet.
 */
import { useState } from 'react'
import type { RosterPassword, RosterResult } from '../../../shared/api/roster.ts'
import { maxRosterBytes, rosterColumns } from '../../../shared/school/roster-rules.ts'
import { ApiError } from '../api/http.ts'
import { downloadPasswordSheet, rosterTemplateUrl, uploadRoster } from '../api/roster.ts'

const statusLabels = { create: '新建', update: '更新', error: '错误' } as const

interface Props {
  /** Re-reads accounts and groups after an import. */
  onImported: () => void
}

export function RosterPanel({ onImported }: Props) {
  const [file, setFile] = useState<File | null>(null)
  const [preview, setPreview] = useState<RosterResult | null>(null)
  const [imported, setImported] = useState<RosterResult | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const check = async (chosen: File) => {
    setFile(chosen)
    setPreview(null)
    setImported(null)
    setError(null)
    if (chosen.size > maxRosterBytes) {
      setError(`名单文件不能超过 ${maxRosterBytes / 1024 / 1024} MB`)
      return
    }
    setBusy(true)
    try {
      setPreview(await uploadRoster(chosen, true))
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : '检查失败')
    } finally {
      setBusy(false)
    }
  }

  const confirm = async () => {
    if (!file) return
    setBusy(true)
    setError(null)
    try {
      setImported(await uploadRoster(file, false))
      setPreview(null)
      onImported()
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 422) {
        // Someone changed accounts since the preview: show the rows as they are now.
        setPreview(await uploadRoster(file, true).catch(() => null))
        setError('检查之后账号有了变化，名单里有错误的行，什么也没有导入。请看下表')
      } else {
        setError(failure instanceof Error ? failure.message : '导入失败')
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <section data-testid="roster">
      <p>
        用 Excel 表导入全校教职工：每行一人，列为 {rosterColumns.join('、')}（初始密码可不填）。
        <a href={rosterTemplateUrl} download data-testid="roster-template">
          下载模板
        </a>
      </p>
      <p className="school-muted">
        先检查、后导入：选好文件后会逐行列出将新建、更新的账号和错误，确认无误再导入。再次导入同一份名单只会更新，不会重复建号。
      </p>
      <label className="school-form">
        选择名单文件（.xlsx 或 .csv，UTF-8 或 GBK 编码均可）
        <input
          type="file"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          disabled={busy}
          data-testid="roster-file"
          onChange={(event) => {
            const chosen = event.target.files?.[0]
            event.target.value = ''
            if (chosen) void check(chosen)
          }}
        />
      </label>
      {busy && <p role="status">正在处理……</p>}
      {error && (
        <p className="form-error" role="alert" data-testid="roster-error">
          {error}
        </p>
      )}
      {preview && <RosterPreview result={preview} busy={busy} onConfirm={() => void confirm()} />}
      {imported && <RosterImported result={imported} />}
    </section>
  )
}

function RosterPreview({ result, busy, onConfirm }: { result: RosterResult; busy: boolean; onConfirm: () => void }) {
  return (
    <div data-testid="roster-preview">
      <p className="school-notice" role="status" data-testid="roster-summary">
        将新建 {result.created} 个账号，更新 {result.updated} 个{result.errors > 0 ? `，${result.errors} 行有错误` : ''}
        。{result.newGroups.length > 0 && `将新建备课组：${result.newGroups.join('、')}（请核对有无错字）。`}
      </p>
      {result.errors > 0 ? (
        <p className="form-error">有错误的行时不能导入：请在表格里改好后重新选择文件。</p>
      ) : (
        <button
          type="button"
          className="primary"
          disabled={busy || result.rows.length === 0}
          onClick={onConfirm}
          data-testid="roster-confirm"
        >
          确认导入
        </button>
      )}
      <RosterRows result={result} />
    </div>
  )
}

function RosterRows({ result }: { result: RosterResult }) {
  // Errors first: those are what the office has to fix.
  const rows = [...result.rows].sort(
    (a, b) => Number(b.status === 'error') - Number(a.status === 'error') || a.row - b.row,
  )
  return (
    <table className="school-table" data-testid="roster-rows">
      <thead>
        <tr>
          <th>行</th>
          <th>用户名</th>
          <th>结果</th>
          <th>说明</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={row.row}
            data-testid="roster-row"
            data-status={row.status}
            className={row.status === 'error' ? 'roster-error' : undefined}
          >
            <td>{row.row}</td>
            <td>{row.username}</td>
            <td>{statusLabels[row.status]}</td>
            <td>{row.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function RosterImported({ result }: { result: RosterResult }) {
  const [error, setError] = useState<string | null>(null)
  return (
    <div data-testid="roster-imported">
      <p className="school-notice" role="status" data-testid="roster-done">
        已导入：新建 {result.created} 个账号，更新 {result.updated} 个
        {result.newGroups.length > 0 ? `，新建备课组 ${result.newGroups.join('、')}` : ''}。
      </p>
      {result.passwords.length > 0 && (
        <>
          <p>
            新账号的初始密码<strong>只显示这一次</strong>，请下载保存后分发给本人；首次登录后须修改密码。
            <button
              type="button"
              className="primary"
              data-testid="roster-passwords-download"
              onClick={() =>
                void savePasswords(result.passwords).catch((failure: unknown) =>
                  setError(failure instanceof Error ? failure.message : '下载失败'),
                )
              }
            >
              下载初始密码表
            </button>
          </p>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <table className="school-table" data-testid="roster-passwords">
            <thead>
              <tr>
                <th>姓名</th>
                <th>用户名</th>
                <th>初始密码</th>
              </tr>
            </thead>
            <tbody>
              {result.passwords.map((entry) => (
                <tr key={entry.username}>
                  <td>{entry.displayName}</td>
                  <td>{entry.username}</td>
                  <td>
                    <code>{entry.password}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <RosterRows result={result} />
    </div>
  )
}

async function savePasswords(passwords: RosterPassword[]): Promise<void> {
  const file = await downloadPasswordSheet(passwords)
  const link = document.createElement('a')
  link.href = URL.createObjectURL(file.blob)
  link.download = file.fileName ?? '初始密码.xlsx'
  document.body.append(link)
  link.click()
  link.remove()
  // The click has started the download; the object URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(link.href), 0)
}
