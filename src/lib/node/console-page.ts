// Driving the SQL console in Chromium, for the browser tests and the bench alike.

import type { Page } from 'playwright-core';

/** Types `sql` into the console's editor and runs it; resolves once that run has finished. */
export async function runInConsole(page: Page, sql: string, timeout = 30_000): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.locator('.cm-content').fill(sql);
  const runs = await page.getAttribute('[data-query-console]', 'data-runs');
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction((before) => document.querySelector<HTMLElement>('[data-query-console]')!.dataset.runs !== before, runs ?? undefined, { timeout });
}
