// Every built page in Debian's Chromium: renders with JavaScript off and on, fits a 360 px
// phone, passes axe-core, and its downloads, permalinks and sortable tables work.
// Needs `npm run build` first (npm test does it).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import Papa from 'papaparse';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveDist, type SiteServer } from '../../scripts/lib/chromium.ts';
import { ROOT } from '../helpers.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

function builtPages(dir = join(ROOT, 'dist')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return builtPages(path);
    return name === 'index.html' ? [`${relative(join(ROOT, 'dist'), dir)}/`.replace(/^\/$/, '')] : [];
  });
}
const PAGES = builtPages().sort();

let server: SiteServer;
let browser: Browser;
let noJs: BrowserContext;
let withJs: BrowserContext;
beforeAll(async () => {
  server = await serveDist(ROOT);
  browser = await launchChromium();
  noJs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
  withJs = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const url = (path: string) => new URL(path, server.url).href;

/** A table cell as the number it shows: 1,234円 → 1234, 34.9% → 34.9, −275 → -275, — → null. */
function shownNumber(text: string): number | null {
  const cleaned = text.trim().replace(/[,円¥%+]/g, '').replace('−', '-');
  if (cleaned === '—' || cleaned === '') return null;
  const n = Number(cleaned);
  return Number.isNaN(n) ? NaN : n;
}

function parseCsv(bytes: Uint8Array): string[][] {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM, so Excel reads UTF-8
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3));
  return Papa.parse<string[]>(text.trimEnd(), { delimiter: ',' }).data;
}

it('builds the pages of every plan view in both languages', () => {
  for (const path of ['', 'goal/', 'wage-bands/', 'opening-years/', 'activities/', 'areas/', 'areas/chikugo/', 'years/', 'years/fy2019/']) {
    expect(PAGES).toContain(path);
    expect(PAGES).toContain(`en/${path}`);
  }
});

describe.each(PAGES)('/%s', (path) => {
  it('renders every chart with JavaScript off and fits 360 px without horizontal scrolling', async () => {
    const page = await noJs.newPage();
    const response = await page.goto(url(path));
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').count()).resolves.toBe(1);
    const figures = await page.locator('figure.chart').evaluateAll((els) =>
      els.map((f) => [...f.querySelectorAll('svg[role="img"]')].filter((s) => s.getBoundingClientRect().width > 0).length));
    for (const visible of figures) expect(visible).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.close();
  });

  it('has no axe-core violations, no script errors and requests nothing but the site', async () => {
    const page = await withJs.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url(path), { waitUntil: 'networkidle' });
    await page.addScriptTag({ content: AXE_SOURCE });
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run();
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    // Only the SQL console may load DuckDB-WASM; no page requests anything from elsewhere.
    const mayLoadDuckDb = path.endsWith('query/');
    expect(requests.filter((r) => !r.startsWith(server.url) || (!mayLoadDuckDb && /duckdb|\.wasm/.test(r)))).toEqual([]);
    await page.close();
  });
});

describe.each(['wage-bands/', 'areas/', 'en/years/fy2019/', 'activities/', 'goal/'])('downloads of /%s', (path) => {
  it('each CSV holds exactly the numbers of its table, and each SVG is the chart', async () => {
    const page = await noJs.newPage();
    await page.goto(url(path));
    const figures = await page.locator('figure.chart').evaluateAll((els) =>
      els.map((f) => ({
        csv: f.querySelector<HTMLAnchorElement>('a[download$=".csv"]')!.href,
        svg: f.querySelector<HTMLAnchorElement>('a[download$=".svg"]')!.href,
        rows: [...f.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent ?? '')),
        headers: [...f.querySelectorAll('thead th')].map((th) => th.textContent ?? ''),
      })));
    expect(figures.length).toBeGreaterThan(0);
    for (const figure of figures) {
      const [header, ...rows] = parseCsv(new Uint8Array(await (await fetch(figure.csv)).arrayBuffer()));
      expect(header).toHaveLength(figure.headers.length);
      expect(rows).toHaveLength(figure.rows.length);
      rows.forEach((row, r) => row.forEach((cell, c) => {
        const shown = figure.rows[r]![c]!;
        const number = shownNumber(shown);
        if (number === null) expect(cell).toBe('');
        else if (Number.isNaN(number)) expect(cell).toBe(shown);
        else expect(Number(cell)).toBe(number);
      }));
      const svg = await fetch(figure.svg);
      expect(svg.headers.get('content-type')).toContain('image/svg');
      expect(await svg.text()).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    }
    await page.close();
  });
});

describe('permalinks and selections', () => {
  it('an area page reopens that area: only its municipalities, marked as current', async () => {
    const page = await noJs.newPage();
    await page.goto(url('areas/chikugo/'));
    const areas = await page.locator('figure.chart tbody tr td:nth-child(2)').allTextContents();
    expect(areas.length).toBeGreaterThan(5);
    expect(new Set(areas)).toEqual(new Set(['筑後']));
    await expect(page.locator('a[aria-current="page"]', { hasText: '筑後' }).count()).resolves.toBe(1);
    await page.close();
  });

  it('a wage-band permalink reopens the chosen years: chart, table and CSV follow', async () => {
    const page = await withJs.newPage();
    await page.goto(url('en/wage-bands/?years=2006&years=2019&years=2023'));
    await page.waitForSelector('#wage-bands[data-years="2006,2019,2023"]');
    await expect(page.locator('#wage-bands h2').textContent()).resolves.toContain('FY2006, FY2019, FY2023');
    const checked = await page.locator('input[name="years"]:checked').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value));
    expect(checked).toEqual(['2006', '2019', '2023']);
    const headers = await page.locator('#wage-bands thead th').allTextContents();
    expect(headers).toEqual(['Average monthly wage', 'FY2006 facilities', 'FY2006 share', 'FY2019 facilities', 'FY2019 share', 'FY2023 facilities', 'FY2023 share']);
    // 193 facilities in FY2006 (図表6) are spread over the bands.
    const fy2006 = await page.locator('#wage-bands tbody tr > :nth-child(2)').allTextContents();
    expect(fy2006.reduce((s, t) => s + Number(t), 0)).toBe(193);
    const csv = await page.evaluate(async () => new Uint8Array(await (await fetch(document.querySelector<HTMLAnchorElement>('#wage-bands a[download$=".csv"]')!.href)).arrayBuffer()));
    const [header, ...rows] = parseCsv(new Uint8Array(Object.values(csv)));
    expect(header).toHaveLength(headers.length);
    expect(rows.map((r) => Number(r[1]))).toEqual(fy2006.map(Number));
    const bars = await page.locator('#wage-bands .wide svg[role="img"] rect').count();
    expect(bars).toBeGreaterThanOrEqual(18); // 6 bands × 3 years
    await page.close();
  });

  it('a year permalink with a chart anchor opens that year at that chart', async () => {
    const page = await withJs.newPage();
    await page.goto(url('en/years/fy2017/#fy2017-wage-bands'));
    await expect(page.locator('h1').textContent()).resolves.toContain('FY2017');
    const top = await page.locator('#fy2017-wage-bands').evaluate((el) => el.getBoundingClientRect().top);
    expect(Math.abs(top)).toBeLessThan(5);
    await page.close();
  });
});

describe('printing', () => {
  it('prints one chart per page', async () => {
    const page = await withJs.newPage();
    await page.goto(url('opening-years/'));
    await page.emulateMedia({ media: 'print' });
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    // Three charts; the title and introduction share the first chart's page.
    expect(await page.locator('figure.chart').count()).toBe(3);
    expect(pages).toBe(3);
    await page.close();
  });
});

describe('with JavaScript', () => {
  it('sorts the municipality table by a column', async () => {
    const page = await withJs.newPage();
    await page.goto(url('areas/'));
    const table = page.locator('#municipalities table');
    const column = await table.locator('thead th').evaluateAll((ths) => ths.findIndex((th) => th.textContent?.startsWith('施設数')));
    await table.locator('thead th').nth(column).locator('button').click();
    const values = (await table.locator(`tbody tr > :nth-child(${column + 1})`).allTextContents()).map((t) => Number(t.replace(/,/g, '')));
    expect(values).toEqual([...values].sort((a, b) => a - b));
    await expect(table.locator('thead th').nth(column).getAttribute('aria-sort')).resolves.toBe('ascending');
    await table.locator('thead th').nth(column).locator('button').click();
    const descending = (await table.locator(`tbody tr > :nth-child(${column + 1})`).allTextContents()).map((t) => Number(t.replace(/,/g, '')));
    expect(descending).toEqual([...values].reverse().sort((a, b) => b - a));
    await page.close();
  });

  it('downloads a chart as PNG', async () => {
    const page = await withJs.newPage();
    await page.goto(url('wage-bands/'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-png="wage-bands"]').click()]);
    expect(download.suggestedFilename()).toBe('wage-bands.png');
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.length).toBeGreaterThan(5_000);
    await page.close();
  });
});
