import type { OnlineUser } from '../collab/online-users.ts'

export function OnlineUsers({ users }: { users: readonly OnlineUser[] }) {
  return (
    <ul className="online-users" aria-label="在线的老师" data-testid="online-users">
      {users.map((user) => (
        <li key={user.id} data-testid="online-user" data-self={user.isSelf || undefined}>
          <span className="online-dot" style={{ backgroundColor: user.color }} aria-hidden="true" />
          <span style={{ color: user.color }}>{user.name}</span>
          {user.isSelf && <span className="online-self">（我）</span>}
        </li>
      ))}
    </ul>
  )
}
