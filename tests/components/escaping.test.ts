// Names from report files are text, never markup: a facility or municipality called
// `<img src=x onerror=…>` appears literally, in the table and inside the SVG chart.

import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import ChartFigure from '../../src/components/ChartFigure.astro';
import { barsSpec } from '../../src/lib/charts/plan-charts.ts';
import type { Figure } from '../../src/lib/figures/types.ts';
import { wordsFor } from '../../src/lib/i18n/catalogue.ts';
import { launchChromium } from '../../src/lib/node/chromium.ts';

const HOSTILE = '<img src=x onerror="window.__pwned=1">';

const figure: Figure = {
  id: 'hostile',
  title: `事業所 ${HOSTILE}`,
  unit: '円',
  charts: [{
    spec: (size) => barsSpec([{ label: HOSTILE, value: 12_000 }, { label: '宇治市', value: 9_000 }], { xLabel: '円', words: wordsFor('ja'), size }),
    label: HOSTILE,
    description: HOSTILE,
  }],
  table: { caption: HOSTILE, columns: [{ label: '事業所名', format: 'text' }, { label: '平均', format: 'yen' }], rows: [[HOSTILE, 12_000]] },
  notes: [HOSTILE],
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

it('renders a name holding HTML as literal text everywhere', async () => {
  const container = await AstroContainer.create();
  const html = await container.renderToString(ChartFigure, { props: { figure, words: wordsFor('ja') } });

  const page = await browser.newPage();
  await page.setContent(`<!doctype html><html lang="ja"><body>${html}</body></html>`);
  await expect(page.locator('img').count()).resolves.toBe(0);
  await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
  await expect(page.locator('tbody th').first().textContent()).resolves.toBe(HOSTILE);
  await expect(page.locator('h2').textContent()).resolves.toContain(HOSTILE);
  const chartLabels = await page.locator('svg[role="img"] text').allTextContents();
  expect(chartLabels).toContain(HOSTILE);
  await page.close();
});
