/**
 * A browser as far as a sign-in needs one: it keeps each host's cookies, follows redirects and fills
 * the test identity provider's sign-in and consent forms. It stops on the first page of the app
 * (`#/…` on the app's origin), whose URL it answers.
 */
export class CookieBrowser {
  private readonly jars = new Map<string, Map<string, string>>()

  constructor(private readonly appOrigin: string) {}

  /** The cookie header this browser sends to `url`'s host. */
  cookiesFor(url: string): string {
    return [...(this.jars.get(new URL(url).host) ?? new Map<string, string>())]
      .map(([name, value]) => `${name}=${value}`)
      .join('; ')
  }

  setCookie(url: string, name: string, value: string): void {
    this.jarOf(url).set(name, value)
  }

  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { cookie: this.cookiesFor(url) }
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded'
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      headers,
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
      redirect: 'manual',
    })
    for (const line of response.headers.getSetCookie()) this.keep(url, line)
    return response
  }

  /**
   * Follows `url` through redirects, signing in at the provider as `login` if it asks; stops before
   * requesting a URL `stopAt` picks, or on the app's first page.
   */
  async walk(url: string, login: string, stopAt: (next: URL) => boolean = () => false): Promise<URL> {
    let response = await this.request(url)
    for (let step = 0; step < 20; step++) {
      if (response.status >= 300 && response.status < 400) {
        url = new URL(response.headers.get('location')!, url).href
        const next = new URL(url)
        if (stopAt(next) || (next.origin === this.appOrigin && !next.pathname.startsWith('/api/'))) return next
        response = await this.request(url)
        continue
      }
      const page = await response.text()
      const action = /<form[^>]*action="([^"]+)"[^>]*method="post"/.exec(page)?.[1]
      const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1]
      if (response.status !== 200 || action === undefined || prompt === undefined) {
        throw new Error(`unexpected page at ${url} (${response.status}): ${page.slice(0, 300)}`)
      }
      url = new URL(action.replaceAll('&amp;', '&'), url).href
      const form: Record<string, string> = prompt === 'login' ? { prompt, login, password: 'any password' } : { prompt }
      response = await this.request(url, { method: 'POST', form })
    }
    throw new Error('too many redirects')
  }

  private jarOf(url: string): Map<string, string> {
    const host = new URL(url).host
    let jar = this.jars.get(host)
    if (!jar) this.jars.set(host, (jar = new Map<string, string>()))
    return jar
  }

  private keep(url: string, line: string): void {
    const [pair, ...attributes] = line.split(';')
    const at = pair!.indexOf('=')
    const name = pair!.slice(0, at).trim()
    const value = pair!.slice(at + 1).trim()
    const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute)) || value === ''
    if (expired) this.jarOf(url).delete(name)
    else this.jarOf(url).set(name, value)
  }
}
