/**
 * 统一身份认证: shown on the 账号 tab when the server signs this school in through its provider; the
 * office decides whether a teacher the provider knows and 共备 does not gets an account ([SCHOOL-16]).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { queries, schoolKey } from '../api/queries.ts'
import { setSsoCreatesAccounts } from '../api/school.ts'

export function SsoSetting() {
  const queryClient = useQueryClient()
  const { data } = useQuery(queries.schoolSso())
  const [error, setError] = useState<string | null>(null)
  if (!data?.configured) return null

  const change = async (createsAccounts: boolean) => {
    setError(null)
    try {
      await setSsoCreatesAccounts(createsAccounts)
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : '保存失败')
    }
    void queryClient.invalidateQueries({ queryKey: schoolKey })
  }

  return (
    <section className="school-sso" data-testid="school-sso">
      <label>
        <input
          type="checkbox"
          checked={data.createsAccounts}
          onChange={(event) => void change(event.target.checked)}
          data-testid="school-sso-creates"
        />
        老师第一次用统一身份认证登录时，如果共备里还没有他的账号，自动开通（角色为教师，不加入任何备课组）
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}
