/** What the browser suites read off the 师徒结对 page. */
import type { Locator, Page } from 'playwright-core'

export function pairRow(page: Page, mentor: string, apprentice: string): Locator {
  return page.locator(`[data-testid="pair-row"][data-mentor="${mentor}"][data-apprentice="${apprentice}"]`)
}

/** The counts a pair's row shows, as shown: an empty cell is not a zero. */
export async function pairCounts(
  row: Locator,
): Promise<Record<'annotations' | 'resolved' | 'observed', string | null>> {
  return {
    annotations: await row.getByTestId('pair-annotations').textContent(),
    resolved: await row.getByTestId('pair-resolved').textContent(),
    observed: await row.getByTestId('pair-observed').textContent(),
  }
}
