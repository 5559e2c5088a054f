/** Reads the arguments of `npm run create-admin`; every problem is a sentence in Chinese. */
import { parseArgs } from 'node:util'
import type { FirstAccountRequest } from './first-account.ts'

export const createAdminUsage =
  '用法：npm run create-admin -- --school <学校名称> --username <用户名> --password <密码> [--display-name <姓名>]'

export type ParsedArguments = { ok: true; request: FirstAccountRequest } | { ok: false; message: string }

export function parseCreateAdminArguments(args: readonly string[]): ParsedArguments {
  let values: Record<string, string | boolean | undefined>
  try {
    values = parseArgs({
      args: [...args],
      options: {
        school: { type: 'string' },
        username: { type: 'string' },
        password: { type: 'string' },
        'display-name': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }).values
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { ok: false, message: `无法识别的参数（${reason}）\n${createAdminUsage}` }
  }
  const missing = (['school', 'username', 'password'] as const).filter((name) => typeof values[name] !== 'string')
  if (missing.length > 0) {
    return { ok: false, message: `缺少参数 ${missing.map((name) => `--${name}`).join('、')}\n${createAdminUsage}` }
  }
  const displayName = values['display-name']
  return {
    ok: true,
    request: {
      school: values.school as string,
      username: values.username as string,
      password: values.password as string,
      displayName: typeof displayName === 'string' ? displayName : undefined,
    },
  }
}
