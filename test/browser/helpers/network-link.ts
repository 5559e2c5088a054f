/**
 * One page's network, cut with Chromium's own network emulation rather than a mocked socket.
 *
 * `context.setOffline` makes the browser report offline (the `offline` event, `navigator.onLine`) and
 * fails new connections with `ERR_INTERNET_DISCONNECTED`, but it is global: the page could not load
 * again until the whole network is back. A per-URL rule (`Network.emulateNetworkConditionsByRule`)
 * cuts only the collab socket, and can stay in place while the page reloads over HTTP. Neither closes
 * a socket that is already open: Chromium holds its frames until the cut ends (probed on Chromium 156),
 * so nothing passes while cut; the client drops that socket itself on the `offline` event.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core'

export class NetworkLink {
  private constructor(
    private readonly context: BrowserContext,
    private readonly cdp: CDPSession,
    private readonly collabUrlPattern: string,
  ) {}

  static async of(page: Page, serverUrl: string): Promise<NetworkLink> {
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Network.enable')
    return new NetworkLink(page.context(), cdp, `${serverUrl.replace(/^http/, 'ws')}/collab/*`)
  }

  /** The device loses its network: the page is told it is offline, and no collab frame gets through. */
  async goOffline(): Promise<void> {
    await this.setCollabReachable(false)
    await this.context.setOffline(true)
  }

  /**
   * The network is back for pages and the API, but the collab socket still cannot connect (a proxy
   * that drops WebSockets, a server still out of reach): pages load, documents do not sync.
   */
  async comeBackWithoutCollab(): Promise<void> {
    await this.context.setOffline(false)
  }

  async restore(): Promise<void> {
    await this.context.setOffline(false)
    await this.setCollabReachable(true)
  }

  private async setCollabReachable(reachable: boolean): Promise<void> {
    await this.cdp.send('Network.emulateNetworkConditionsByRule', {
      matchedNetworkConditions: reachable
        ? []
        : [
            {
              urlPattern: this.collabUrlPattern,
              offline: true,
              latency: 0,
              downloadThroughput: -1,
              uploadThroughput: -1,
            },
          ],
    })
  }
}
