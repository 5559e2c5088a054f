/**
 * The app as teachers get it: today's client, built for this test run and served by a real server
 * (port 0, SQLite, the demo school), and Debian's chromium to open it.
 */
import type { Browser } from 'playwright-core'
import type { StartOptions } from '../../../server/start.ts'
import { startTestServer, type TestServer } from '../../helpers/test-server.ts'
import { buildClient } from './build-client.ts'
import { launchChromium } from './chromium.ts'

export interface ServedApp {
  server: TestServer
  browser: Browser
}

export type ServedAppOptions = Pick<StartOptions, 'demoPlan' | 'chromiumPath' | 'searchIndexDelayMs'>

export async function startServedApp(options: ServedAppOptions = {}): Promise<ServedApp> {
  const [server, browser] = await Promise.all([startAppServer(options), launchChromium()])
  return { server, browser }
}

/** The server alone, for a suite that needs a second one beside its app (another chromium, say). */
export async function startAppServer(options: ServedAppOptions = {}): Promise<TestServer> {
  // The server reads the built index.html when it starts, so the build comes first.
  const clientDir = await buildClient()
  return startTestServer({ ...options, serveClient: true, clientDir })
}

/** Either may be missing when starting failed. */
export async function stopServedApp({ server, browser }: Partial<ServedApp>): Promise<void> {
  await browser?.close()
  await server?.stop()
}
