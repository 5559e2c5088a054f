/** What start-up prints on a database without any account: the two ways to create the first one. */
import { createAdminUsage } from './admin-arguments.ts'

export function firstRunInstructions(url: string, token: string): string {
  return [
    '还没有任何账号。请先创建学校和第一个教导处账号，两种方法任选其一：',
    `  1. 用浏览器打开 ${url}/#/setup/${token}`,
    `     （一次性口令：${token}，只能使用一次；服务重启后会换一个新的）`,
    `  2. 在命令行运行 ${createAdminUsage.replace('用法：', '')}`,
    '     （与服务使用同一个数据库：同样的 DATA_DIR 或 DATABASE_URL）',
  ].join('\n')
}
