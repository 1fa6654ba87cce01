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
import { runInConsole } from '../../src/lib/node/console-page.ts';
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

const runSql = (page: Page, sql: string) => runInConsole(page, sql);

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

  it('downloads the compressed wasm once, and measures its progress against the file', async () => {
    const wasmRequests: string[] = [];
    const count = (r: { url(): string }) => {
      if (/duckdb-eh\.wasm/.test(r.url())) wasmRequests.push(r.url());
    };
    context.on('request', count);
    // At 4 MB/s the download takes long enough for DuckDB to report its progress: from a local
    // server it could finish before the first report.
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: 4e6, uploadThroughput: -1 });
    await page.goto(`${server.url}query/`);
    await page.waitForSelector('[data-query-console][data-ready-ms]', { timeout: 30_000 });
    context.off('request', count);
    expect(wasmRequests).toHaveLength(1);
    const file = join(ROOT, 'dist', new URL(wasmRequests[0]!).pathname);
    expect(wasmRequests[0]).toMatch(/\.gz$/);
    // The worker's early download is the one DuckDB reports on: its total is the file's length.
    expect(await page.locator('[data-query-console] progress').evaluate((p) => (p as HTMLProgressElement).max)).toBe(readFileSync(file).byteLength);
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

  it('shows 100,000 rows by drawing only those in view, scrolls to the last and sorts', async () => {
    const page = await openConsole();
    await runSql(page, 'SELECT range AS n, range % 7 AS m FROM range(100000)');
    expect(await page.locator('[data-status]').textContent()).toContain('100,000');
    expect(await page.locator('[data-results] table').getAttribute('aria-rowcount')).toBe('100001');
    const drawn = await page.locator('[data-results] tbody tr:not([aria-hidden])').count();
    expect(drawn).toBeGreaterThan(10);
    expect(drawn).toBeLessThan(200);
    await page.locator('[data-results] .table-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.waitForFunction(() => document.querySelector('[data-results] tbody tr[aria-rowindex="100001"]'));
    expect(await page.locator('[data-results] tbody tr[aria-rowindex="100001"] td').allTextContents()).toEqual(['99999', String(99999 % 7)]);
    await page.locator('[data-results] .table-scroll').evaluate((el) => (el.scrollTop = 0));
    await page.locator('[data-results] thead button', { hasText: 'n' }).click(); // ascending
    await page.locator('[data-results] thead button', { hasText: 'n' }).click(); // descending
    await page.waitForFunction(() => document.querySelector('[data-results] th[aria-sort="descending"]'));
    expect(await page.locator('[data-results] tbody tr[aria-rowindex="2"] td').allTextContents()).toEqual(['99999', String(99999 % 7)]);
    await page.close();
  });

  it('does not run a shared link that would change anything, and published tables cannot change', async () => {
    const published = (await db.engine.query('SELECT sum(total_wages_yen) AS s FROM reports'))[0]!.s;
    const sql = 'UPDATE reports SET total_wages_yen = 1; SELECT sum(total_wages_yen) AS s FROM reports';
    const page = await openConsole(`#sql=${encodeURIComponent(sql)}`);
    await page.waitForSelector('[data-notice]:not([hidden])');
    expect(await page.locator('[data-results] tbody tr').count()).toBe(0);
    expect(await page.locator('.cm-content').textContent()).toBe(sql);
    // The reader runs it anyway: the published database is read-only.
    await page.click('[data-run]');
    await page.waitForSelector('[data-error]:not([hidden])');
    expect(await page.locator('[data-error]').textContent()).toMatch(/読み取り専用[\s\S]*read-only mode/);
    await runSql(page, 'SELECT sum(total_wages_yen) AS s FROM reports');
    expect(await resultTable(page)).toEqual([{ s: String(published) }]);
    await page.close();
  });

  it('keeps your own tables in the scratch schema, unable to shadow a published name', async () => {
    const page = await openConsole();
    await runSql(page, 'CREATE TABLE yearly_indicators AS SELECT 1 AS x');
    expect(await page.locator('[data-error]').textContent()).toContain('scratch');
    await runSql(page, 'CREATE TABLE scratch.yearly_indicators AS SELECT 1 AS x; CREATE TABLE scratch.mine AS SELECT 42 AS answer; SELECT * FROM mine; SELECT count(*) AS years FROM yearly_indicators');
    // One result per statement; the last is shown, and yearly_indicators is still the published view.
    expect(await page.locator('[data-statements] button').count()).toBe(4);
    const years = (await db.engine.query('SELECT count(*) AS n FROM yearly_indicators'))[0]!.n;
    expect(await resultTable(page)).toEqual([{ years: String(years) }]);
    await page.locator('[data-statements] button').nth(2).click();
    expect(await resultTable(page)).toEqual([{ answer: '42' }]);
    await page.waitForFunction(() => document.querySelector('[data-schema]')?.textContent?.includes('scratch.mine'));
    // DuckDB reads TEMP objects first; the console says when one hides a published name.
    await runSql(page, 'CREATE TEMP VIEW yearly_indicators AS SELECT 1 AS x');
    await page.waitForSelector('[data-notice]:not([hidden])');
    expect(await page.locator('[data-notice]').textContent()).toContain('kouchin.yearly_indicators');
    await page.close();
  });

  it('clears the last result when a run fails, and disables its exports', async () => {
    const page = await openConsole();
    await runSql(page, 'SELECT 1 AS one');
    expect(await page.locator('[data-export="csv"]').isEnabled()).toBe(true);
    await runSql(page, 'SELECT 1 AS one; SELECT nope');
    expect(await page.locator('[data-error]').textContent()).toContain('2 文のうち 2 文目');
    expect(await page.locator('[data-results] table').count()).toBe(0);
    expect(await page.locator('[data-export="csv"]').isEnabled()).toBe(false);
    await page.close();
  });

  it('completes published table, view and column names in the editor', async () => {
    const page = await openConsole();
    await page.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('SELECT * FROM yearly_ind');
    await page.waitForSelector('.cm-tooltip-autocomplete');
    expect(await page.locator('.cm-tooltip-autocomplete li').allTextContents()).toContain('yearly_indicators');
    await page.close();
  });
});
