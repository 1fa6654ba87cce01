// The facility explorer on the built 京都府 fixture site, as a reader uses it: browsing from
// the index to a municipality's list to a facility's page with JavaScript off, and finding a
// facility by office number or by a name typed in half-width kana with it on.
// The fixture site is built by build-sites.ts.

import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveDist, type SiteServer } from '../../src/lib/node/chromium.ts';
import { ROOT } from '../helpers.ts';
import { SITES } from './sites.ts';

const kyoto = SITES.find((s) => s.name === 'kyoto')!;
const tottori = SITES.find((s) => s.name === 'tottori')!;

let browser: Browser;
let server: SiteServer;
let tottoriServer: SiteServer;
let noJs: BrowserContext;
let withJs: BrowserContext;
beforeAll(async () => {
  browser = await launchChromium();
  server = await serveDist(ROOT, kyoto.outDir);
  tottoriServer = await serveDist(ROOT, tottori.outDir);
  noJs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
  withJs = await browser.newContext({ viewport: { width: 360, height: 800 } });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await tottoriServer?.stop();
});

const url = (path: string) => new URL(path, server.url).href;
const cells = (row: string[]) => row.map((c) => c.trim().replace(/\s+/g, ' '));

describe('with JavaScript off', () => {
  it('leads from the index to a municipality and to a facility with its whole history', async () => {
    const page = await noJs.newPage();
    await page.goto(url('facilities/'));
    // The search needs JavaScript, so it is not offered; the lists are.
    await expect(page.locator('[data-facility-search]').isVisible()).resolves.toBe(false);
    await expect(page.locator('.nav-narrow a[aria-current="page"]').textContent()).resolves.toBe('事業所');
    await page.getByRole('link', { name: '亀岡市' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('亀岡市の事業所');
    await page.getByRole('link', { name: 'わかば共働舎' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('わかば共働舎');
    await expect(page.locator('.facts').textContent()).resolves.toContain('フリガナワカバキョウドウシャ');
    // Still in the explorer's section of the menu.
    await expect(page.locator('.nav-narrow a[aria-current="true"]').textContent()).resolves.toBe('事業所');
    const rows = await page.locator('.history tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
    // 371,998 ÷ 12 = 30,999.8 → 31,000 and 396,117 ÷ 12 = 33,009.75 → 33,010; absent in FY2022.
    // Alone in 亀岡市, so the municipality's average is its own.
    expect(rows.map(cells)).toEqual([
      ['R3（2021）', '31,000', '', '30千円以上', '12', '31,000', expect.any(String)],
      ['R4（2022）', '名簿になし'],
      ['R5（2023）', '33,010', '', '30千円以上', '12', '33,010', expect.any(String)],
    ]);
    await expect(page.locator('.notes').textContent()).resolves.toContain('名簿になし');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.close();
  });

  it('says in the list how each facility moved into the latest year', async () => {
    const page = await noJs.newPage();
    await page.goto(url('en/facilities/in/26214/'));
    const row = await page.locator('tbody tr').first().evaluate((tr) => [...tr.children].map((c) => c.textContent ?? ''));
    // なごみ: 4,503 (band ¥3,000–¥5,000) in FY2022 → 50,000 ÷ 10 = 5,000, the next band, in FY2023.
    expect(cells(row)).toEqual(['なごみ就労支援センター', '—', '2610000007', 'FY2023', '5,000', '¥5,000 to under ¥10,000', 'Moved up']);
    await page.close();
  });
});

describe('with JavaScript on', () => {
  it.each([
    ['2610000008', 'のぞみ園'],
    ['ﾋﾏﾜﾘ', 'ひまわり工房'],
    ['舞鶴', 'つばさの家'],
    // By the reading the report gives (ワカバキョウドウシャ), typed in hiragana.
    ['きょうどう', 'わかば共働舎'],
  ])('finds %s', async (query, name) => {
    const page = await withJs.newPage();
    await page.goto(url('facilities/'));
    await page.fill('#facility-query', query);
    await page.waitForFunction(() => document.querySelector('[data-status]')!.textContent !== '');
    await expect(page.locator('[data-status]').textContent()).resolves.toBe('1件見つかりました');
    await page.locator('[data-results] a').click();
    await expect(page.locator('h1').textContent()).resolves.toBe(name);
    await page.close();
  });

  it('says when nothing is found', async () => {
    const page = await withJs.newPage();
    await page.goto(url('en/facilities/'));
    await page.fill('#facility-query', 'zzz');
    await page.waitForFunction(() => document.querySelector('[data-status]')!.textContent !== '');
    await expect(page.locator('[data-status]').textContent()).resolves.toBe('Nothing found');
    await expect(page.locator('[data-results] li').count()).resolves.toBe(0);
    await page.close();
  });
});

it('is not built where the plan does not publish facilities', async () => {
  const page = await noJs.newPage();
  const response = await page.goto(new URL('facilities/', tottoriServer.url).href);
  expect(response?.status()).toBe(404);
  await expect(page.locator('a[href$="/facilities/"]').count()).resolves.toBe(0);
  await page.close();
});
