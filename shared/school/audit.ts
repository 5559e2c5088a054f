/** The actions the audit log records, and how the office reads them. */
export const auditActions = [
  'school.create',
  'school.update',
  'account.create',
  'account.createBySso',
  'account.update',
  'account.disable',
  'account.enable',
  'account.resetPassword',
  'account.changeOwnPassword',
  'group.create',
  'group.update',
  'group.members',
  'roster.import',
  'check.record',
] as const
export type AuditAction = (typeof auditActions)[number]

export const auditActionLabels: Record<AuditAction, string> = {
  'school.create': '创建学校和第一个教导处账号',
  'school.update': '修改学校设置',
  'account.create': '创建账号',
  'account.createBySso': '统一身份认证首次登录时开通账号',
  'account.update': '修改账号',
  'account.disable': '停用账号',
  'account.enable': '恢复账号',
  'account.resetPassword': '重置密码',
  'account.changeOwnPassword': '修改自己的密码',
  'group.create': '创建备课组',
  'group.update': '修改备课组',
  'group.members': '调整备课组成员',
  'roster.import': '导入教职工名单',
  'check.record': '教案检查',
}
