// The built overview in Debian's Chromium: charts are in the HTML as SVG, readable with
// JavaScript off, accessible, no wider than a phone, and load no DuckDB-WASM.
// Needs `npm run build` first (npm test does it).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveDist, type SiteServer } from '../../scripts/lib/chromium.ts';
import { ROOT } from '../helpers.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: SiteServer;
let browser: Browser;
beforeAll(async () => {
  server = await serveDist(ROOT);
  browser = await launchChromium();
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
  it('shows its SVG charts, tables and the sample-data notice with JavaScript off', async () => {
    const { page, requests, close } = await open(path, { javaScriptEnabled: false });
    const charts = await visibleChartSvgs(page);
    expect(charts.length).toBe(3); // average wage trend, person-months, wages
    for (const chart of charts) {
      expect(chart.label).toBeTruthy();
      expect(chart.marks).toBeGreaterThan(5);
    }
    await expect(page.locator('.sample-notice').isVisible()).resolves.toBe(true);
    const figure6 = await page.locator('#figure-6 table').innerText();
    for (const value of ['791,398,746', '1,391,557,260', '1,665,122,838', '11,664', '13,841', '14,215', '160.6%', '2.7%']) {
      expect(figure6).toContain(value);
    }
    expect(requests.filter((u) => /duckdb|\.wasm/i.test(u))).toEqual([]);
    await close();
  });

  it('loads no DuckDB-WASM and no script of its own with JavaScript on', async () => {
    const { requests, close } = await open(path, { javaScriptEnabled: true });
    expect(requests.filter((u) => /duckdb|\.wasm/i.test(u))).toEqual([]);
    expect(requests.every((u) => u.startsWith(server.url))).toBe(true);
    await close();
  });

  it('has no axe-core violations', async () => {
    const { page, close } = await open(path, { javaScriptEnabled: true });
    await page.addScriptTag({ content: AXE_SOURCE });
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run();
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
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
