// The built overview of the data under test in Debian's Chromium: charts are in the HTML as
// SVG, readable with JavaScript off, the sample notice only on sample data, the baseline table
// the yearly indicators' own numbers, and no DuckDB-WASM loaded.
// Needs `npm run build` first (npm test does it).

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveDist, type SiteServer } from '../../src/lib/node/chromium.ts';
import type { Site } from '../../src/lib/node/site-data.ts';
import { DATA_PATHS, ROOT, siteOf } from '../helpers.ts';

let server: SiteServer;
let browser: Browser;
let site: Site;
beforeAll(async () => {
  server = await serveDist(ROOT);
  browser = await launchChromium();
  site = await siteOf(DATA_PATHS);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(path: string, options: { javaScriptEnabled: boolean; width?: number }) {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled, viewport: { width: options.width ?? 1280, height: 900 } });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(new URL(path, server.url).href, { waitUntil: 'networkidle' });
  return { page, requests, close: () => context.close() };
}

const visibleChartSvgs = (page: Page) =>
  page.locator('figure.chart svg[role="img"]').evaluateAll((svgs) =>
    svgs.filter((s) => (s as SVGElement).getBoundingClientRect().width > 0).map((s) => ({
      label: s.getAttribute('aria-label'),
      marks: s.querySelectorAll('path, circle, rect, line').length,
    })));

describe.each(['/', '/en/'])('overview %s', (path) => {
  it('shows its SVG charts and the baseline table with JavaScript off, and says when data is sample data', async () => {
    const { page, requests, close } = await open(path, { javaScriptEnabled: false });
    const charts = await visibleChartSvgs(page);
    expect(charts.length).toBe(3); // average wage trend, person-months, wages
    for (const chart of charts) {
      expect(chart.label).toBeTruthy();
      expect(chart.marks).toBeGreaterThan(5);
    }
    await expect(page.locator('.sample-notice').count()).resolves.toBe(site.plan.sample_data ? 1 : 0);
    const baselines = site.plan.baseline_fiscal_years.filter((fy) => site.yearly.some((y) => y.fiscal_year === fy));
    // The plan's table compares its baselines with each other: it needs two.
    await expect(page.locator('#baseline-table').count()).resolves.toBe(baselines.length > 1 ? 1 : 0);
    if (baselines.length > 1) {
      const table = await page.locator('#baseline-table table').innerText();
      for (const y of site.yearly.filter((r) => baselines.includes(r.fiscal_year))) {
        for (const value of [y.total_wages_yen, y.person_months, y.average_monthly_wage_yen]) expect(table).toContain(value.toLocaleString('en-US'));
      }
    }
    expect(requests.filter((u) => /duckdb|\.wasm/i.test(u))).toEqual([]);
    await close();
  });

  it('loads no DuckDB-WASM and nothing from elsewhere with JavaScript on', async () => {
    const { requests, close } = await open(path, { javaScriptEnabled: true });
    expect(requests.filter((u) => /duckdb|\.wasm/i.test(u))).toEqual([]);
    expect(requests.every((u) => u.startsWith(server.url))).toBe(true);
    await close();
  });

  it('fits a 360 px wide phone screen without horizontal scrolling', async () => {
    const { page, close } = await open(path, { javaScriptEnabled: false, width: 360 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    expect((await visibleChartSvgs(page)).length).toBe(3);
    await close();
  });
});
