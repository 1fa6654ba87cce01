// The import page in Debian's Chromium: a planner's Shift_JIS file gives the right preview,
// a broken one a located report, and no request carries the file.
// Needs `npm run build` first (npm test does it).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/universal';
import { launchChromium, serveDist, type SiteServer } from '../../src/lib/node/chromium.ts';
import { publishedReportsCsv } from '../../src/lib/node/published.ts';
import { plannerFile } from '../../src/lib/node/planner-file.ts';
import type { ReportRow } from '../../src/lib/schema.ts';
import { ja, ROOT } from '../helpers.ts';

let server: SiteServer;
let browser: Browser;
let context: BrowserContext;
const requests: Request[] = [];

// The next year as a planner would send it: the published latest year's facilities, one year on.
const published = Papa.parse<ReportRow>(publishedReportsCsv(join(ROOT, 'dist')), { header: true, skipEmptyLines: true }).data;
const LATEST = Math.max(...published.map((r) => Number(r.fiscal_year)));
const NEXT = LATEST + 1;
const source = published.filter((r) => Number(r.fiscal_year) === LATEST);
const FILE = { name: `fy${NEXT}.csv`, mimeType: 'text/csv', buffer: Buffer.from(plannerFile(source)) };
// The broken fixture, its places made one of this data directory's municipalities (架空市 stays unknown).
const BROKEN = {
  name: 'fy2019.csv', mimeType: 'text/csv',
  buffer: Buffer.from(readFileSync(join(ROOT, 'tests/fixtures/invalid/fy2019.csv'), 'utf8').replaceAll('宇治市', String(source[0]!.municipality))),
};

beforeAll(async () => {
  server = await serveDist(ROOT);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  context.on('request', (r) => requests.push(r));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The problems listed on the page, as the list shows them. */
async function problems(page: Page) {
  return page.locator('[data-report] ol.problems > li').evaluateAll((items) => items.map((li) => ({
    severity: li.classList.contains('error') ? 'error' : 'warning',
    line: (li as HTMLElement).dataset.line, column: (li as HTMLElement).dataset.column, field: (li as HTMLElement).dataset.field,
    where: li.querySelector('.where')?.textContent, message: li.querySelector('.message')?.textContent,
  })));
}

async function openImport(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.url}import/`);
  await page.waitForSelector('[data-import][data-ready]');
  return page;
}

describe('import page', () => {
  it('previews a dropped Shift_JIS file with Japanese headers through the indicator views', async () => {
    const page = await openImport();
    // A real drop: a DataTransfer holding the file, dispatched on the drop zone.
    const dataTransfer = await page.evaluateHandle(({ name, bytes }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], name, { type: 'text/csv' }));
      return dt;
    }, { name: FILE.name, bytes: [...FILE.buffer] });
    await page.dispatchEvent('[data-drop]', 'drop', { dataTransfer });
    await page.waitForSelector('[data-import][data-preview-ready]', { timeout: 30_000 });

    const summary = await page.locator('.file-summary').textContent();
    const n = source.length.toLocaleString('ja-JP');
    expect(summary).toContain(`${n} 行中 ${n} 行を読み込み、エラー 0 件`);
    expect(summary).toContain('[shift_jis]');
    await expect(page.locator('.verdict').innerText()).resolves.toContain('公開できます');

    // Expected figures computed here from the source rows, independently of the page.
    const wages = source.reduce((s, r) => s + Number(r.total_wages_yen), 0);
    const months = source.reduce((s, r) => s + Number(r.person_months), 0);
    const average = Number((2n * BigInt(wages) + BigInt(months)) / (2n * BigInt(months)));
    const row = await page.locator('[data-preview] tr.new-year').innerText();
    expect(row).toContain(ja.fy(NEXT));
    expect(row).toContain('未公開');
    expect(row).toContain(source.length.toLocaleString('ja-JP'));
    expect(row).toContain(months.toLocaleString('ja-JP'));
    expect(row).toContain(`${wages.toLocaleString('ja-JP')}円`);
    expect(row).toContain(`${average.toLocaleString('ja-JP')}円`);
    await expect(page.locator('[data-preview] svg[role="img"]').count()).resolves.toBe(2);

    // The normalised download is exactly the CLI's canonical CSV of the same rows.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button.download').click()]);
    expect(download.suggestedFilename()).toBe(`fy${NEXT}.csv`);
    const normalised = Papa.parse<ReportRow>(readFileSync((await download.path())!, 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(normalised.map((r) => [r.fiscal_year, r.office_no, r.total_wages_yen, r.person_months, r.opened_on, r.own_business]))
      .toEqual(source.map((r) => [String(NEXT), r.office_no, r.total_wages_yen, r.person_months, r.opened_on, r.own_business]));

    // Nothing but GETs of the site's own files: no request carried the dropped file.
    const sent = requests.filter((r) => r.method() !== 'GET' || r.postData() || !r.url().startsWith(server.url));
    expect(sent.map((r) => `${r.method()} ${r.url()}`)).toEqual([]);
    await page.close();
  });

  it('previews a workbook with hours and facilities that did not report', async () => {
    // The same facilities one year on as the prefecture's .xlsx: a title row, office numbers as
    // text, hours for most, and the last two marked 未提出 with their amounts left empty.
    const notSubmitted = new Set(source.slice(-2).map((r) => r.office_no));
    const hours = (r: ReportRow, i: number) => (i % 5 === 0 ? null : Number(r.person_months) * 80 + i);
    const text = (value: string) => ({ value, type: String });
    const number = (value: number | null) => (value === null ? null : { value, type: Number });
    const rows = [
      [text(`${ja.fy(NEXT)} 就労継続支援B型 工賃実績`)],
      ['事業所番号', '事業所名', '市町村', '報告状況', '指定年月日', '定員', '工賃支払総額', '延べ人数', '年間延労働時間'].map(text),
      ...source.map((r, i) => notSubmitted.has(r.office_no)
        ? [text(String(r.office_no)), text(String(r.office_name)), text(String(r.municipality)), text('未提出'), null, null, null, null, null]
        : [text(String(r.office_no)), text(String(r.office_name)), text(String(r.municipality)), text('提出'), text(String(r.opened_on)), number(Number(r.capacity)),
          number(Number(r.total_wages_yen)), number(Number(r.person_months)), number(hours(r, i))]),
    ];
    const blob = await writeXlsxFile(rows, { sheet: '工賃実績' }).toBlob();
    const page = await openImport();
    await page.setInputFiles('input[type="file"]', { name: `fy${NEXT}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await blob.arrayBuffer()) });
    await page.waitForSelector('[data-import][data-preview-ready]', { timeout: 30_000 });
    await expect(page.locator('.file-summary').textContent()).resolves.toContain('エラー 0 件');
    await expect(page.locator('.file-summary').textContent()).resolves.toContain('[xlsx · 工賃実績]');

    // Expectations computed here from the rows written above.
    const reported = source.filter((r) => !notSubmitted.has(r.office_no));
    const withHours = reported.map((r) => ({ r, h: hours(r, source.indexOf(r)) })).filter((x) => x.h !== null);
    const hourWages = withHours.reduce((s, x) => s + Number(x.r.total_wages_yen), 0);
    const hourSum = withHours.reduce((s, x) => s + x.h!, 0);
    const hourly = Math.round((hourWages / hourSum) * 10) / 10;
    const rate = Math.round((reported.length / source.length) * 1000) / 10;
    const head = await page.locator('[data-preview] thead th').allInnerTexts();
    const cells = await page.locator('[data-preview] tr.new-year td').allInnerTexts();
    const cell = (label: string) => cells[head.indexOf(label) - 1];
    expect(cell('施設数')).toBe(`${reported.length.toLocaleString('ja-JP')}箇所`);
    expect(cell('提出率')).toBe(`${rate.toFixed(1)}%`);
    expect(cell('平均工賃時間額')).toBe(`${hourly.toLocaleString('ja-JP', { minimumFractionDigits: 1 })}円`);
    await page.close();
  });

  it('lists every problem of a broken file in Japanese, errors first, downloadable as CSV', async () => {
    const page = await openImport();
    await page.setInputFiles('input[type="file"]', BROKEN);
    await page.waitForSelector('[data-report] ol.problems');
    const verdict = await page.locator('[data-report] .verdict').innerText();
    expect(verdict).toContain('修正が必要です');
    // 11 facility lines (one spans two lines), of which one is read.
    expect(verdict).toContain('事業所の行 11 行のうち 1 行を読み込みました。10 行はエラーのため取り込んでいません。');
    const items = await problems(page);
    const errors = items.filter((p) => p.severity === 'error').map((p) => [p.line, p.column, p.field]);
    expect(errors).toEqual([
      ['2', '1', 'office_no'], ['3', '4', 'opened_on'], ['4', '4', 'opened_on'], ['5', '6', 'total_wages_yen'],
      ['6', '7', 'person_months'], ['7', '1', 'office_no'], ['8', '6', 'total_wages_yen'], ['10', '3', 'municipality'],
      ['11', '7', ''], ['13', '2', 'office_name'],
    ]);
    // Errors come first; every message is Japanese.
    expect(items.findIndex((p) => p.severity !== 'error')).toBe(errors.length === items.length ? -1 : errors.length);
    expect(items[0]!.message).toBe('「office_no」の値「401010000」は読めません。4010100001 のような10桁の事業所番号を書いてください');
    expect(items[0]!.where).toBe('fy2019.csv 2 行目・1 列目');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '問題の一覧を CSV でダウンロード' }).click()]);
    expect(download.suggestedFilename()).toBe('問題一覧.csv');
    const csv = Papa.parse<string[]>(readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trimEnd()).data;
    // In the page's language; the standard column name is the one name not translated.
    expect(csv[0]).toEqual(['ファイル', 'シート', '行', '列番号', '種別', '内容', '列（標準の列名）', '列（ファイルの見出し）', '値', 'メッセージ', '一覧']);
    expect(csv[1]).toEqual(['fy2019.csv', '', '2', '1', 'エラー', '値', 'office_no', 'office_no', '401010000', '「office_no」の値「401010000」は読めません。4010100001 のような10桁の事業所番号を書いてください', '']);
    expect(csv.length - 1).toBe(items.length);
    await expect(page.locator('[data-preview] table').count()).resolves.toBe(0); // no preview of a file with errors
    await page.close();
  });

  it('shows every error at first glance among hundreds of warnings, and filters by kind and column', async () => {
    // Next year's facilities with ¥10 wages (an implausible average: one warning each), and
    // five broken rows at the end.
    const rows: ReportRow[] = source.map((r) => ({ ...r, total_wages_yen: 10 }));
    for (const r of rows.slice(-5)) r.person_months = 'x';
    const page = await openImport();
    // On a phone, where the drop zone fills the first screen.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.setInputFiles('input[type="file"]', { name: `fy${NEXT}.csv`, mimeType: 'text/csv', buffer: Buffer.from(plannerFile(rows)) });
    await page.waitForSelector('[data-report] ol.problems');
    // The verdict is brought into view and focused once the report is drawn.
    const verdict = await page.locator('[data-report] .verdict').evaluate((el) => ({
      top: el.getBoundingClientRect().top, height: innerHeight, focused: document.activeElement === el, text: (el as HTMLElement).innerText,
    }));
    expect(verdict.focused).toBe(true);
    expect(verdict.top).toBeGreaterThanOrEqual(0);
    expect(verdict.top).toBeLessThan(verdict.height / 2);
    expect(verdict.text).toContain('修正が必要です');
    const items = await problems(page);
    expect(items.slice(0, 5).map((p) => [p.severity, p.field])).toEqual(Array(5).fill(['error', 'person_months']));
    const total = Number(/([\d,]+)/.exec(await page.locator('.problems-caption').innerText())![1]!.replace(/,/g, ''));
    expect(total).toBeGreaterThan(rows.length - 5); // a warning for each ¥10 facility at least
    expect(items.length).toBe(Math.min(500, total));
    for (const i of [0, 4]) await expect(page.locator('ol.problems > li').nth(i).isVisible()).resolves.toBe(true);
    // Filters: errors only; then the warnings' column.
    await page.getByLabel('種別').selectOption('error');
    await expect(page.locator('ol.problems > li').count()).resolves.toBe(5);
    await page.getByLabel('種別').selectOption('');
    await page.getByLabel('内容').selectOption('comparison');
    await expect(page.locator('ol.problems > li.error').count()).resolves.toBe(0);
    await page.close();
  });

  it('merges one year split over two files, and names the shared facilities when they overlap', async () => {
    const half = Math.floor(source.length / 2);
    const [north, south] = [source.slice(0, half), source.slice(half)];
    const page = await openImport();
    await page.setInputFiles('input[type="file"]', [
      { name: `fy${NEXT}-north.csv`, mimeType: 'text/csv', buffer: Buffer.from(plannerFile(north)) },
      { name: `fy${NEXT}-south.csv`, mimeType: 'text/csv', buffer: Buffer.from(plannerFile(south)) },
    ]);
    await page.waitForSelector('[data-import][data-preview-ready]', { timeout: 30_000 });
    expect(await page.locator('[data-preview] tr.new-year td').first().innerText()).toBe(`${source.length.toLocaleString('ja-JP')}箇所`);
    // No facility of the other half is "missing since last year".
    await expect(page.locator('[data-code^="check.missing_since"]').count()).resolves.toBe(0);
    await expect(page.locator('button.download').allInnerTexts()).resolves.toEqual([`正規化した CSV（fy${NEXT}.csv）をダウンロード`]);

    await page.setInputFiles('input[type="file"]', [
      { name: `fy${NEXT}-north.csv`, mimeType: 'text/csv', buffer: Buffer.from(plannerFile(source.slice(0, half + 2))) },
      { name: `fy${NEXT}-south.csv`, mimeType: 'text/csv', buffer: Buffer.from(plannerFile(south)) },
    ]);
    await page.waitForSelector('[data-report] ol.problems');
    const items = await problems(page);
    expect(items.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([
      `${NEXT} 年度は fy${NEXT}-north.csv にもあり、同じ事業所番号があります：${south[0]!.office_no}, ${south[1]!.office_no}。同じ事業所は1つのファイルにだけ書いてください`,
    ]);
    // The two lines of facilities already in the other file are not counted as read.
    const count = (n: number) => n.toLocaleString('ja-JP');
    await expect(page.locator('[data-report] .verdict').innerText()).resolves.toContain(
      `事業所の行 ${count(source.length + 2)} 行のうち ${count(source.length)} 行を読み込みました。2 行はエラーのため取り込んでいません。`);
    await expect(page.locator('[data-preview] table').count()).resolves.toBe(0);
    await page.close();
  });

  it('says a published year would be replaced, and shows it before and after', async () => {
    const page = await openImport();
    const rows = source.map((r) => ({ ...r, total_wages_yen: Number(r.total_wages_yen) + 1_200 }));
    await page.setInputFiles('input[type="file"]', { name: `fy${LATEST}.csv`, mimeType: 'text/csv', buffer: Buffer.from(plannerFile(rows)) });
    await page.waitForSelector('[data-import][data-preview-ready]', { timeout: 30_000 });
    await expect(page.locator('[data-preview] .replaces').innerText()).resolves.toContain('公開済みです。公開すると置き換わります');
    // Said in the verdict too, at first glance.
    await expect(page.locator('[data-report] .verdict').innerText()).resolves.toContain(`${ja.fy(LATEST)}は公開済みです。公開すると今公開している値が置き換わります`);
    const before = await page.locator('[data-preview] tr.replaced-year').innerText();
    const after = await page.locator('[data-preview] tr.new-year').innerText();
    const wages = (list: ReportRow[]) => list.reduce((n, r) => n + Number(r.total_wages_yen), 0).toLocaleString('ja-JP');
    expect(before).toContain('公開中');
    expect(before).toContain(`${wages(source)}円`);
    expect(after).toContain(`${wages(rows)}円`);
    await page.close();
  });

  it('says a file with only its header has no facility lines, and of which year it is', async () => {
    const page = await openImport();
    // A planner's file of no facilities: its header line alone.
    await page.setInputFiles('input[type="file"]', { name: `fy${NEXT}.csv`, mimeType: 'text/csv', buffer: Buffer.from(plannerFile([])) });
    await page.waitForSelector('[data-report] ol.problems');
    const verdict = await page.locator('[data-report] .verdict').innerText();
    expect(verdict).toContain('修正が必要です');
    expect(verdict).toContain('事業所の行がありません。');
    await expect(page.locator('.file-summary li').innerText()).resolves.toContain(`fy${NEXT}.csv ${ja.fy(NEXT)}`);
    await page.close();
  });

  it('shows only the newest pick when files are picked again while the first is still read', async () => {
    const big = Array.from({ length: 20_000 }, (_, i) => ({ ...source[i % source.length]!, office_no: String(4_100_000_000 + i) }));
    const page = await openImport();
    await page.setInputFiles('input[type="file"]', { name: 'fy2031.csv', mimeType: 'text/csv', buffer: Buffer.from(plannerFile(big)) });
    // The first file is being read in its worker when the second is picked.
    await page.waitForFunction(() => (document.querySelector<HTMLProgressElement>('[data-progress] progress')?.value ?? 0) > 0);
    await page.setInputFiles('input[type="file"]', BROKEN);
    await page.waitForSelector('[data-report] ol.problems');
    await page.waitForTimeout(8_000); // long enough for the first file to have finished, had it not been stopped
    await expect(page.locator('.file-summary li').allInnerTexts()).resolves.toEqual([expect.stringContaining('fy2019.csv')]);
    await page.close();
  }, 60_000);

  it('validates a 100,000-row file in a worker, and lists its new facilities without flooding the page', async () => {
    // Next year, every facility under a new office number: 100,000 facilities new since last year.
    const rows = Array.from({ length: 100_000 }, (_, i) => ({ ...source[i % source.length]!, office_no: String(4_100_000_000 + i) }));
    const page = await openImport();
    await page.setInputFiles('input[type="file"]', { name: `fy${NEXT}.csv`, mimeType: 'text/csv', buffer: Buffer.from(plannerFile(rows)) });
    await page.waitForSelector('[data-import][data-report-ms]', { timeout: 60_000 });
    await expect(page.getAttribute('[data-import]', 'data-rows-read')).resolves.toBe('100000');
    const newOffices = page.locator('[data-report] details.list-details').first();
    await expect(newOffices.locator('summary').innerText()).resolves.toContain('100,000');
    // The first 500 offices, then how many more.
    await expect(newOffices.locator('li').count()).resolves.toBe(501);
    await expect(newOffices.locator('li').first().textContent()).resolves.toContain('4100000000');
    await expect(newOffices.locator('li').last().textContent()).resolves.toBe('…ほかに 99,500 件');
    await page.close();
  }, 90_000);
});
