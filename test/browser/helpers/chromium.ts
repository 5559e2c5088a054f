/**
 * Debian's chromium driven by playwright-core: nothing is downloaded. Without `/usr/bin/chromium` the
 * browser suites are skipped with a printed line, unless `GONGBEI_REQUIRE_BROWSER=1` (CI), where the
 * missing browser fails the run.
 */
import { existsSync } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'

const chromiumPath = '/usr/bin/chromium'

export function browserSuitesEnabled(): boolean {
  if (existsSync(chromiumPath)) return true
  if (process.env.GONGBEI_REQUIRE_BROWSER === '1') {
    throw new Error(`browser suites: chromium is required (GONGBEI_REQUIRE_BROWSER=1), but ${chromiumPath} is missing`)
  }
  console.warn(`SKIPPED: browser suites — ${chromiumPath} not found (apt-get install -y chromium)`)
  return false
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}
