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
import { plannerFile } from '../../src/lib/node/planner-file.ts';
import type { ReportRow } from '../../src/lib/schema.ts';
import { ja, ROOT } from '../helpers.ts';

let server: SiteServer;
let browser: Browser;
let context: BrowserContext;
const requests: Request[] = [];

// The next year as a planner would send it: the published latest year's facilities, one year on.
const published = Papa.parse<ReportRow>(readFileSync(join(ROOT, 'dist', 'data', 'reports.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
const LATEST = Math.max(...published.map((r) => Number(r.fiscal_year)));
const NEXT = LATEST + 1;
const source = published.filter((r) => Number(r.fiscal_year) === LATEST);
const FILE = { name: `fy${NEXT}.csv`, mimeType: 'text/csv', buffer: Buffer.from(plannerFile(source)) };

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
    expect(summary).toContain(`${source.length.toLocaleString('ja-JP')} 事業所を読み込み`);
    expect(summary).toContain('エラー 0 件');
    expect(summary).toContain('[shift_jis]');

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
        ? [text(r.office_no), text(r.office_name), text(r.municipality), text('未提出'), null, null, null, null, null]
        : [text(r.office_no), text(r.office_name), text(r.municipality), text('提出'), text(String(r.opened_on)), number(Number(r.capacity)),
          number(Number(r.total_wages_yen)), number(Number(r.person_months)), number(hours(r, i))]),
    ];
    const blob = await writeXlsxFile(rows, { sheet: '工賃実績' }).toBlob();
    const page = await openImport();
    await page.setInputFiles('input[type="file"]', { name: `fy${NEXT}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await blob.arrayBuffer()) });
    await page.waitForSelector('[data-import][data-preview-ready]', { timeout: 30_000 });
    await expect(page.locator('.file-summary').textContent()).resolves.toContain('エラー 0 件');

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

  it('lists every problem of a broken file by line and column, downloadable as CSV', async () => {
    const page = await openImport();
    await page.setInputFiles('input[type="file"]', join(ROOT, 'tests/fixtures/invalid/fy2019.csv'));
    await page.waitForSelector('[data-report] table');
    await expect(page.locator('[data-report] .verdict').textContent()).resolves.toContain('エラーがあるため');
    const rows = await page.locator('[data-report] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    const errors = rows.filter((r) => r[3] === 'エラー').map((r) => [r[1], r[2], r[4]]);
    expect(errors).toEqual([
      ['2', '1', 'office_no'], ['3', '4', 'opened_on'], ['4', '4', 'opened_on'], ['5', '6', 'total_wages_yen'],
      ['6', '7', 'person_months'], ['7', '1', 'office_no'], ['8', '6', 'total_wages_yen'], ['11', '7', ''],
      ['13', '2', 'office_name'],
    ]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '問題の一覧を CSV でダウンロード' }).click()]);
    const csv = Papa.parse<string[]>(readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trimEnd()).data;
    expect(csv[0]).toEqual(['file', 'line', 'column', 'severity', 'field', 'value', 'message']);
    // The CSV holds every problem; the page lists the first 500, errors first.
    const caption = await page.locator('[data-report] caption').textContent();
    expect(csv.length - 1).toBe(Number(/（([\d,]+) 件/.exec(caption ?? '')![1]!.replace(/,/g, '')));
    expect(rows.length).toBe(Math.min(500, csv.length - 1));
    // The first error is line 2's (line 1 may hold warnings for offices missing since FY2018).
    expect(csv.find((r) => r[3] === 'error')).toEqual(['fy2019.csv', '2', '1', 'error', 'office_no', '401010000', '事業所番号 (office_no): expected a 10-digit office number such as 4010100001, got "401010000"']);
    await expect(page.locator('[data-preview] table').count()).resolves.toBe(0); // no preview of a file with errors
    await page.close();
  });

  it('validates a 100,000-row file in a worker', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => ({ ...source[i % source.length]!, office_no: String(4_100_000_000 + i) }));
    const page = await openImport();
    await page.setInputFiles('input[type="file"]', { name: 'fy2030.csv', mimeType: 'text/csv', buffer: Buffer.from(plannerFile(rows)) });
    await page.waitForSelector('[data-import][data-rows-read]', { timeout: 60_000 });
    await expect(page.getAttribute('[data-import]', 'data-rows-read')).resolves.toBe('100000');
    await page.close();
  }, 90_000);
});
