/**
 * How a time is shown to a teacher, in one place: the browser's own `Intl.DateTimeFormat` for zh-CN,
 * never digits put together by hand. Times are shown in the teacher's own time zone; a calendar date
 * without a time (a meeting's day) is read as that day, whatever the zone.
 */
const formats = {
  dateTime: new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short' }),
  dateTimeSeconds: new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'medium' }),
  date: new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium' }),
  monthDayTime: new Intl.DateTimeFormat('zh-CN', {
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }),
  clock: new Intl.DateTimeFormat('zh-CN', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  spokenMonthDayTime: new Intl.DateTimeFormat('zh-CN', {
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }),
  spokenFullDateTime: new Intl.DateTimeFormat('zh-CN', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }),
  calendarDay: new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeZone: 'UTC' }),
  calendarWeekday: new Intl.DateTimeFormat('zh-CN', { weekday: 'long', timeZone: 'UTC' }),
}

type Moment = Date | string | number

const asDate = (at: Moment) => (at instanceof Date ? at : new Date(at))

/** `2026年12月7日 15:04`: when something was saved, finalized, signed in. */
export const dateTimeText = (at: Moment) => formats.dateTime.format(asDate(at))

/** `2026年12月7日 15:04:05`: the audit log, where the order within a minute matters. */
export const dateTimeSecondsText = (at: Moment) => formats.dateTimeSeconds.format(asDate(at))

/** `2026年12月7日`. */
export const dateText = (at: Moment) => formats.date.format(asDate(at))

/** `12/7 15:04`: beside a comment or a stage move, where the year goes without saying. */
export const shortDateTimeText = (at: Moment) => formats.monthDayTime.format(asDate(at))

/** When something came, as a teacher says it: 刚刚, 5 分钟前, 今天 14:05, 11月20日 09:30, 2025年11月20日 09:30. */
export function whenText(at: Date, now: Date): string {
  const minutes = Math.floor((now.getTime() - at.getTime()) / 60_000)
  if (minutes < 1) return '刚刚'
  if (minutes < 60) return `${minutes} 分钟前`
  if (at.toDateString() === now.toDateString()) return `今天 ${formats.clock.format(at)}`
  return at.getFullYear() === now.getFullYear()
    ? formats.spokenMonthDayTime.format(at)
    : formats.spokenFullDateTime.format(at)
}

/** `2026-11-24` → `2026年11月24日（星期二）`, as the paper form writes it. */
export function calendarDayText(date: string): string {
  const [year, month, day] = date.split('-').map(Number)
  const at = Date.UTC(year!, month! - 1, day)
  return `${formats.calendarDay.format(at)}（${formats.calendarWeekday.format(at)}）`
}
