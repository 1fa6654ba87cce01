// The SQL console in Debian's Chromium: self-hosted DuckDB-WASM gives the same indicators
// as the CLI, reports errors, exports, restores shared queries and cannot reach outside.
// Needs `npm run build` first (npm test does it).

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wordsFor } from '../../src/lib/i18n/catalogue.ts';
import { launchChromium, serveDist, type SiteServer } from '../../src/lib/node/chromium.ts';
import { openIndicatorDatabase, type IndicatorDatabase } from '../../src/lib/node/indicators.ts';
import { queryExamples } from '../../src/lib/query-examples.ts';
import { DATA_PATHS, ROOT } from '../helpers.ts';

let server: SiteServer;
let browser: Browser;
let context: BrowserContext;
let db: IndicatorDatabase;
const outside: string[] = [];

beforeAll(async () => {
  db = await openIndicatorDatabase(DATA_PATHS, 'en');
  server = await serveDist(ROOT);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  context.on('request', (r) => {
    if (!r.url().startsWith(server.url) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) outside.push(r.url());
  });
});
afterAll(async () => {
  db?.engine.close();
  await browser?.close();
  await server?.stop();
});

async function openConsole(hash = ''): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.url}query/${hash}`);
  await page.waitForSelector('[data-query-console][data-ready-ms]', { timeout: 30_000 });
  return page;
}

async function runSql(page: Page, sql: string) {
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.locator('.cm-content').fill(sql);
  const before = await page.getAttribute('[data-query-console]', 'data-last-elapsed-ms');
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction(
    (previous) => {
      const root = document.querySelector<HTMLElement>('[data-query-console]')!;
      const error = document.querySelector<HTMLElement>('[data-error]')!;
      return !error.hidden || (root.dataset.lastElapsedMs !== undefined && root.dataset.lastElapsedMs !== previous) || root.dataset.lastSql !== undefined;
    },
    before ?? undefined,
  );
}

async function resultTable(page: Page) {
  const headers = await page.locator('[data-results] thead th').allTextContents();
  const rows = await page.locator('[data-results] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent ?? '')));
  return rows.map((cells) => Object.fromEntries(headers.map((h, i) => [h, cells[i]])));
}

describe('SQL console', () => {
  it('gives exactly what `kouchin indicators --json` gives, from the same views', async () => {
    // The CLI reads the same data directory as the build (KOUCHIN_DATA, else data/).
    const cli = spawnSync(process.execPath, [join(ROOT, 'scripts/kouchin.ts'), 'indicators', '--json'], { cwd: ROOT, encoding: 'utf8' });
    const expected = JSON.parse(cli.stdout) as Record<string, number | null>[];
    const page = await openConsole();
    await page.selectOption('[data-examples]', { index: 1 }); // 年度別の指標 (yearly_indicators)
    await page.waitForSelector('[data-results] tbody tr');
    const rows = await resultTable(page);
    // The console shows every value as text: numbers as written, empty for NULL.
    expect(rows).toEqual(expected.map((y) => Object.fromEntries(Object.entries(y).map(([k, v]) => [k, v === null ? '' : String(v)]))));
    await page.close();
  });

  it('runs each example query of the plan to the same rows as the build’s engine', async () => {
    const years = (await db.engine.query('SELECT fiscal_year FROM yearly_indicators ORDER BY 1')).map((r) => r.fiscal_year as number);
    const examples = queryExamples(db.plan, years, wordsFor('ja'));
    const page = await openConsole();
    for (const [i, example] of examples.entries()) {
      // The console shows values as text; the build's engine gives the same values as numbers or text.
      const expected = (await db.engine.query(example.sql.replace(/;\s*$/, ''))).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? '' : String(v)])));
      await page.selectOption('[data-examples]', { index: i + 1 });
      await page.waitForFunction((sql) => document.querySelector('[data-query-console]')?.getAttribute('data-last-sql') === sql, example.sql.trim());
      expect(await resultTable(page), example.label).toEqual(expected);
    }
    await page.close();
  });

  it("shows DuckDB's message and position for a syntax error", async () => {
    const page = await openConsole();
    await runSql(page, 'SELEC fiscal_year FROM reports');
    const error = await page.locator('[data-error]').textContent();
    expect(error).toContain('Parser Error');
    expect(error).toContain('LINE 1');
    await page.close();
  });

  it('refuses to read a URL, and nothing leaves the site', async () => {
    const page = await openConsole();
    await runSql(page, "SELECT * FROM read_csv('https://example.com/reports.csv')");
    expect(await page.locator('[data-error]').textContent()).toMatch(/disabled by configuration/);
    await runSql(page, "SET enable_external_access = true");
    expect(await page.locator('[data-error]').textContent()).toMatch(/locked/i);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('restores and runs a shared query from the URL', async () => {
    const sql = 'SELECT 40 + 2 AS answer';
    const page = await openConsole(`#sql=${encodeURIComponent(sql)}`);
    await page.waitForSelector('[data-results] tbody tr');
    expect(await resultTable(page)).toEqual([{ answer: '42' }]);
    expect(await page.locator('.cm-content').textContent()).toBe(sql);
    await page.close();
  });

  it('exports the result as formula-safe CSV and as Parquet, and copies Markdown', async () => {
    const page = await openConsole();
    await runSql(page, "SELECT '=1+1' AS formula, -5 AS n, '宇治市' AS name");
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="csv"]')]);
    const bytes = readFileSync((await csv.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe("formula,n,name\r\n'=1+1,-5,宇治市\r\n");

    const [parquet] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="parquet"]')]);
    const file = readFileSync((await parquet.path())!);
    expect(file.subarray(0, 4).toString()).toBe('PAR1');
    expect(file.subarray(-4).toString()).toBe('PAR1');

    await page.click('[data-export="markdown"]');
    await page.waitForFunction(() => document.querySelector('[data-status]')?.textContent?.includes('Markdown'));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('| formula | n | name |\n| --- | ---: | --- |\n| =1+1 | -5 | 宇治市 |');
    await page.close();
  });

  it('pages through 100,000 rows, 100 at a time', async () => {
    const page = await openConsole();
    await runSql(page, 'SELECT range AS n, range % 7 AS m FROM range(100000)');
    expect(await page.locator('[data-status]').textContent()).toContain('100,000');
    await expect(page.locator('[data-results] tbody tr').count()).resolves.toBe(100);
    await page.getByRole('button', { name: '最後 »' }).click();
    expect((await resultTable(page)).at(-1)).toEqual({ n: '99999', m: String(99999 % 7) });
    await page.locator('[data-results] thead button', { hasText: 'n' }).click(); // ascending
    await page.locator('[data-results] thead button', { hasText: 'n' }).click(); // descending
    await page.getByRole('button', { name: '« 最初' }).click();
    expect((await resultTable(page))[0]).toEqual({ n: '99999', m: String(99999 % 7) });
    await page.close();
  });
});
