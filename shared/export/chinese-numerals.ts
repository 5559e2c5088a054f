/** Section numbers as a Chinese document prints them: 一、二、…、十、十一、…、九十九. */
const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** `n` from 1 to 99 in Chinese numerals; larger numbers stay Arabic, no 导学案 has that many sections. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n)
  const tens = Math.floor(n / 10)
  const ones = n % 10
  const tensPart = tens === 0 ? '' : tens === 1 ? '十' : `${digits[tens]}十`
  return tensPart + (ones === 0 ? '' : digits[ones])
}
