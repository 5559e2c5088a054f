/**
 * What a command prints for the person who ran it (the start-up banner, `create-admin`'s answer): plain
 * text in their language, not log lines, so it does not go through the logger and its level.
 */
export function tell(text: string): void {
  process.stdout.write(`${text}\n`)
}

export function complain(text: string): void {
  process.stderr.write(`${text}\n`)
}
