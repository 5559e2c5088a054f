/** When a notification came, as a teacher says it: 刚刚, 5 分钟前, 今天 14:05, 11月20日 09:30. */
export function whenText(at: Date, now: Date): string {
  const minutes = Math.floor((now.getTime() - at.getTime()) / 60_000)
  if (minutes < 1) return '刚刚'
  if (minutes < 60) return `${minutes} 分钟前`
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`
  if (at.toDateString() === now.toDateString()) return `今天 ${time}`
  const date = `${at.getMonth() + 1}月${at.getDate()}日 ${time}`
  return at.getFullYear() === now.getFullYear() ? date : `${at.getFullYear()}年${date}`
}

const pad = (value: number) => String(value).padStart(2, '0')
