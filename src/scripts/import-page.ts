// The planner's import page: drop report files, see every problem with its location, and
// preview the new year through the published indicator views. Files never leave the browser:
// they are read here, and the only requests made are for the site's own published data.

import type { ImportMessage, ImportRequest } from './import-worker.ts';
import type { ReportIssue } from '../lib/reader/read-report.ts';
import { toCsv } from '../lib/csv-export.ts';
import { downloadBlob, fetchPublishedData, type PublishedData } from '../lib/browser/files.ts';
import { formatCount, formatFiscalYear, formatYen, type Locale } from '../lib/format.ts';

const root = document.querySelector<HTMLElement>('[data-import]')!;
const locale: Locale = document.documentElement.lang === 'ja' ? 'ja' : 'en';
const ja = locale === 'ja';
const text = (jaText: string, enText: string) => (ja ? jaText : enText);
const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;

const dropZone = $<HTMLElement>('[data-drop]');
const input = $<HTMLInputElement>('input[type="file"]');
const progressList = $<HTMLElement>('[data-progress]');
const reportBox = $<HTMLElement>('[data-report]');
const previewBox = $<HTMLElement>('[data-preview]');

type ReadFile = Extract<ImportMessage, { type: 'file' }>;

/** Fetched once: the worker checks against it and the preview loads it into DuckDB. */
let publishedData: Promise<PublishedData> | null = null;

const download = (name: string, content: string, type: string) => downloadBlob(name, new Blob([content], { type }));

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children);
  return el;
}

async function handle(files: File[]) {
  if (files.length === 0) return;
  reportBox.replaceChildren();
  previewBox.replaceChildren();
  progressList.replaceChildren();
  publishedData ??= fetchPublishedData();
  const published = await publishedData;
  const bars = new Map<string, HTMLProgressElement>();
  for (const f of files) {
    const bar = element('progress', { max: 1, value: 0 });
    bar.setAttribute('aria-label', f.name);
    bars.set(f.name, bar);
    progressList.append(element('li', {}, `${f.name} `, bar));
  }
  const request: ImportRequest = {
    files: await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))),
    publishedCsv: published.reportsCsv,
    municipalitiesCsv: published.municipalitiesCsv,
  };
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  const results: ReadFile[] = [];
  const canonicalCsv = new Map<string, string>();
  let mergedCsv: string | null = null;
  const started = performance.now();
  let validated = started;
  await new Promise<void>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<ImportMessage>) => {
      const message = event.data;
      if (message.type === 'progress') bars.get(message.file)!.value = message.fraction;
      else if (message.type === 'file') {
        bars.get(message.report.file)!.value = 1;
        results.push(message);
        validated = performance.now();
      } else if (message.type === 'csv') {
        canonicalCsv.set(message.file, message.canonicalCsv);
      } else if (message.type === 'done') {
        mergedCsv = message.mergedCsv;
        resolve();
      }
      else reject(new Error(message.message));
    };
    worker.onerror = (e) => reject(new Error(e.message));
    worker.postMessage(request, request.files.map((f) => f.bytes.buffer));
  }).finally(() => worker.terminate());
  const rows = results.reduce((n, r) => n + r.rowCount, 0);
  // Reading and checking time; the preview's data is merged after that.
  root.dataset.readMs = String(Math.round(validated - started));
  root.dataset.rowsRead = String(rows);
  renderReport(results, canonicalCsv);
  const valid = results.filter((r) => r.report.issues.every((i) => i.severity !== 'error') && r.rowCount > 0);
  if (mergedCsv !== null) await renderPreview(new Set(valid.flatMap((r) => r.fiscalYears)), { ...published, reportsCsv: mergedCsv });
}

function renderReport(results: ReadFile[], canonicalCsv: Map<string, string>) {
  const all = results.flatMap((r) => r.report.issues);
  const errors = all.filter((i) => i.severity === 'error').length;
  const summary = element('h2', { id: 'report-heading' }, text('検査結果', 'Check results'));
  const perFile = element('ul', { className: 'file-summary' }, ...results.map((r) => {
    const e = r.report.issues.filter((i) => i.severity === 'error').length;
    const w = r.report.issues.length - e;
    const fy = r.fiscalYears[0];
    const item = element('li', { className: e > 0 ? 'has-errors' : w > 0 ? 'has-warnings' : 'clean' },
      element('strong', {}, r.report.file),
      ` — ${text(`${formatCount(r.rowCount, locale)} 事業所を読み込み`, `${formatCount(r.rowCount, locale)} facilities read`)}`,
      typeof fy === 'number' ? `（${formatFiscalYear(fy, locale)}）` : '',
      `, ${text(`エラー ${e} 件・警告 ${w} 件`, `${e} error(s), ${w} warning(s)`)}`,
      ` [${r.report.encoding ?? '?'}]`);
    if (e === 0 && r.rowCount > 0) {
      const button = element('button', { type: 'button', className: 'download' }, text(`正規化した CSV（fy${fy}.csv）をダウンロード`, `Download the normalised CSV (fy${fy}.csv)`));
      button.addEventListener('click', () => download(`fy${fy}.csv`, canonicalCsv.get(r.report.file) ?? '', 'text/csv;charset=utf-8'));
      item.append(' ', button);
    }
    return item;
  }));

  // Counts by kind: severity and column.
  const groups = new Map<string, number>();
  for (const i of all) {
    const key = `${i.severity === 'error' ? text('エラー', 'Error') : text('警告', 'Warning')}: ${i.field ?? text('ファイル', 'file')}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  const groupList = element('ul', { className: 'issue-groups' }, ...[...groups].map(([k, n]) => element('li', {}, `${k} — ${formatCount(n, locale)}${text('件', '')}`)));

  const shown = all.slice(0, 500);
  const table = element('table');
  table.createCaption().textContent = text(`問題の一覧（${formatCount(all.length, locale)} 件${all.length > shown.length ? `、先頭 ${shown.length} 件を表示` : ''}）`, `Problems (${formatCount(all.length, locale)}${all.length > shown.length ? `, first ${shown.length} shown` : ''})`);
  const head = table.createTHead().insertRow();
  for (const h of text('ファイル,行,列,種別,項目,値,内容', 'File,Line,Column,Kind,Field,Value,Problem').split(',')) head.append(element('th', { scope: 'col' }, h));
  const body = table.createTBody();
  for (const i of shown) {
    const tr = body.insertRow();
    tr.className = i.severity;
    for (const v of [i.file, String(i.line), String(i.column), i.severity === 'error' ? text('エラー', 'error') : text('警告', 'warning'), i.field ?? '', i.value ?? '', i.message]) tr.insertCell().textContent = v;
  }
  const issuesCsv = element('button', { type: 'button' }, text('問題の一覧を CSV でダウンロード', 'Download the problems as CSV'));
  issuesCsv.addEventListener('click', () => download('problems.csv', issuesToCsv(all), 'text/csv;charset=utf-8'));
  const verdict = element('p', { className: errors > 0 ? 'verdict error' : 'verdict ok' },
    errors > 0 ? text('エラーがあるため、このままでは公開できません。行と列を確かめて修正してください。', 'There are errors: fix them (see line and column) before publishing.')
      : text('エラーはありません。警告は内容を確かめてください。', 'No errors. Please look at any warnings.'));
  verdict.setAttribute('role', 'status');
  const scroll = element('div', { className: 'table-scroll', tabIndex: 0 }, table);
  scroll.setAttribute('role', 'region');
  scroll.setAttribute('aria-label', text('問題の一覧', 'Problems'));
  reportBox.replaceChildren(summary, verdict, perFile, ...(all.length ? [groupList, issuesCsv, scroll] : []));
}

export function issuesToCsv(issues: ReportIssue[]): string {
  return toCsv(['file', 'line', 'column', 'severity', 'field', 'value', 'message'], issues.map((i) => [i.file, i.line, i.column, i.severity, i.field ?? null, i.value ?? null, i.message]));
}

/** `data` is the published data with the dropped years merged in (by the worker). */
async function renderPreview(newYears: Set<number>, data: PublishedData) {
  const status = element('p', { role: 'status' }, text('プレビューを準備中（DuckDB-WASM を読み込み中）…', 'Preparing the preview (loading DuckDB-WASM)…'));
  previewBox.replaceChildren(status);
  const [{ openPublishedDatabase }, Plot, charts, planCharts] = await Promise.all([
    import('../lib/browser/duckdb.ts'),
    import('@observablehq/plot'),
    import('../lib/charts/trend-charts.ts'),
    import('../lib/charts/plan-charts.ts'),
  ]);
  const engine = await openPublishedDatabase(() => {}, Promise.resolve(data));
  await engine.lockDown();
  const yearly = (await engine.query('SELECT * FROM yearly_indicators ORDER BY fiscal_year')) as unknown as import('../lib/node/site-data.ts').YearlyIndicators[];
  const national = (await engine.query('SELECT * FROM national_averages ORDER BY fiscal_year')) as unknown as import('../lib/node/site-data.ts').NationalAverage[];
  const bands = await engine.query('SELECT * FROM wage_band_distribution ORDER BY fiscal_year, band_no');
  const latestNew = Math.max(...newYears);
  const previous = yearly.map((y) => y.fiscal_year).filter((fy) => fy < latestNew).pop();

  const banner = element('p', { className: 'unpublished' }, element('strong', {}, text('未公開（プレビュー）', 'Unpublished (preview)')), ' ',
    text(`${[...newYears].map((fy) => formatFiscalYear(fy, locale)).join('・')}は取り込んだファイルの値です。公開済みの同じ年度は置き換えて表示しています。`, `${[...newYears].map((fy) => formatFiscalYear(fy, locale)).join(', ')} come from the dropped files, replacing any published data of the same year.`));
  const table = element('table');
  table.createCaption().textContent = text('年度別の指標（プレビュー）', 'Indicators per fiscal year (preview)');
  const head = table.createTHead().insertRow();
  for (const h of text('年度,施設数,延べ人数,工賃支払総額,平均工賃月額,平均工賃月額（新算定式）', 'Fiscal year,Facilities,Person-months,Total wages,Average monthly wage,Average (new formula)').split(',')) head.append(element('th', { scope: 'col' }, h));
  const body = table.createTBody();
  for (const y of yearly) {
    const tr = body.insertRow();
    if (newYears.has(y.fiscal_year)) tr.className = 'new-year';
    const th = element('th', { scope: 'row' }, formatFiscalYear(y.fiscal_year, locale), newYears.has(y.fiscal_year) ? element('span', { className: 'badge' }, text('未公開', 'preview')) : '');
    tr.append(th);
    for (const v of [formatCount(y.facilities, locale), formatCount(y.person_months, locale), formatYen(y.total_wages_yen, locale), formatYen(y.average_monthly_wage_yen, locale), y.average_monthly_wage_new_yen === null ? '—' : formatYen(y.average_monthly_wage_new_yen, locale)]) {
      tr.insertCell().textContent = v;
    }
  }
  const goal = { yen: data.plan.goal.average_monthly_wage_yen, fiscalYear: data.plan.goal.fiscal_year };
  const trend = Plot.plot(charts.averageWageTrendSpec(yearly, national, goal, [...data.plan.baseline_fiscal_years, ...newYears], locale, innerWidth < 640 ? 'narrow' : 'wide'));
  trend.setAttribute('role', 'img');
  trend.setAttribute('aria-label', text('平均工賃月額の推移（プレビュー）', 'Average monthly wage (preview)'));
  const years = previous === undefined ? [latestNew] : [previous, latestNew];
  const label = (fy: number) => `${formatFiscalYear(fy, locale).replace(/（.*/, '')}${newYears.has(fy) ? text('（未公開）', ' (preview)') : ''}`;
  const bandRows = bands.filter((b) => years.includes(b.fiscal_year as number));
  const bandLabels = [...new Set(bandRows.map((b) => (ja ? b.label_ja : b.label_en) as string))];
  const bandChart = Plot.plot(planCharts.groupedBarsSpec(
    bandRows.map((b) => ({ group: (ja ? b.label_ja : b.label_en) as string, series: label(b.fiscal_year as number), value: b.facilities as number })),
    bandLabels, years.map(label), { xLabel: text('事業所数', 'Facilities'), locale, size: innerWidth < 640 ? 'narrow' : 'wide' }));
  const colors = planCharts.sequentialColors(years.length);
  const bandLegend = element('ul', { className: 'legend' }, ...years.map((fy, i) => {
    const swatch = element('span', { className: 'swatch' });
    swatch.style.background = colors[i]!;
    return element('li', {}, swatch, label(fy));
  }));
  bandChart.setAttribute('role', 'img');
  bandChart.setAttribute('aria-label', text('平均工賃月額別の事業所数（プレビュー）', 'Facilities by wage band (preview)'));
  const scroll = element('div', { className: 'table-scroll', tabIndex: 0 }, table);
  scroll.setAttribute('role', 'region');
  scroll.setAttribute('aria-label', text('年度別の指標（プレビュー）', 'Indicators per fiscal year (preview)'));
  previewBox.replaceChildren(
    element('h2', {}, text('プレビュー', 'Preview')),
    banner,
    scroll,
    element('h3', {}, text('平均工賃月額の推移と目標', 'Average monthly wage against the goal')),
    trend,
    element('h3', {}, text('平均工賃月額別の事業所数', 'Facilities by wage band')),
    bandLegend,
    bandChart,
  );
  root.dataset.previewReady = 'true';
}

dropZone.addEventListener('dragover', (e) => {
  e.preventDefault();
  dropZone.classList.add('over');
});
dropZone.addEventListener('dragleave', () => dropZone.classList.remove('over'));
dropZone.addEventListener('drop', (e) => {
  e.preventDefault();
  dropZone.classList.remove('over');
  void handle([...(e.dataTransfer?.files ?? [])]).catch(showFailure);
});
input.addEventListener('change', () => void handle([...(input.files ?? [])]).catch(showFailure));

function showFailure(e: unknown) {
  reportBox.replaceChildren(element('p', { className: 'verdict error', role: 'alert' }, `${text('読み込めませんでした', 'Could not read the files')}: ${(e as Error).message}`));
}
root.dataset.ready = 'true';
