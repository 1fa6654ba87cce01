// The planner's import page: drop report files, see every problem with its location, and
// preview the new year through the published indicator views. Files never leave the browser:
// they are read here, and the only requests made are for the site's own published data.

import type { ImportMessage, ImportRequest } from './import-worker.ts';
import type { ReportIssue } from '../lib/reader/read-report.ts';
import { toCsv } from '../lib/csv-export.ts';
import { downloadBlob, fetchPublishedData, type PublishedData } from './files.ts';
import { formatIndicator, indicatorLabel } from '../lib/indicators.ts';
import type { NationalAverage } from '../lib/reference.ts';
import { selectView, type ViewRow } from '../lib/views.ts';
import { pageWords } from './words.ts';

const root = document.querySelector<HTMLElement>('[data-import]')!;
const words = pageWords();
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
    ...(published.plan.report_sheet === undefined ? {} : { sheet: published.plan.report_sheet }),
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
  const summary = element('h2', { id: 'report-heading' }, words.t('import.report_heading'));
  const perFile = element('ul', { className: 'file-summary' }, ...results.map((r) => {
    const e = r.report.issues.filter((i) => i.severity === 'error').length;
    const w = r.report.issues.length - e;
    const fy = r.fiscalYears[0];
    const item = element('li', { className: e > 0 ? 'has-errors' : w > 0 ? 'has-warnings' : 'clean' },
      element('strong', {}, r.report.file),
      ` — ${words.t('import.rows_read', { count: r.rowCount })}`,
      typeof fy === 'number' ? words.t('import.file_year', { year: words.fy(fy) }) : '',
      words.t('import.file_counts', { errors: e, warnings: w }),
      ` [${r.report.encoding ?? '?'}]`);
    if (e === 0 && r.rowCount > 0) {
      const button = element('button', { type: 'button', className: 'download' }, words.t('import.download_normalised', { file: `fy${fy}.csv` }));
      button.addEventListener('click', () => download(`fy${fy}.csv`, canonicalCsv.get(r.report.file) ?? '', 'text/csv;charset=utf-8'));
      item.append(' ', button);
    }
    return item;
  }));

  // Counts by kind: severity and column.
  const groups = new Map<string, number>();
  for (const i of all) {
    const key = words.t('import.group', { severity: words.t(i.severity === 'error' ? 'import.error' : 'import.warning'), field: i.field ?? words.t('import.whole_file') });
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  const groupList = element('ul', { className: 'issue-groups' }, ...[...groups].map(([k, n]) => element('li', {}, words.t('import.group_count', { group: k, count: n }))));

  // Errors first, so no number of warnings can push one out of the list shown.
  const shown = [...all.filter((i) => i.severity === 'error'), ...all.filter((i) => i.severity !== 'error')].slice(0, 500);
  const table = element('table');
  table.createCaption().textContent = all.length > shown.length
    ? words.t('import.problems_caption_first', { count: all.length, shown: shown.length })
    : words.t('import.problems_caption', { count: all.length });
  const head = table.createTHead().insertRow();
  for (const h of (['file', 'line', 'column', 'kind', 'field', 'value', 'problem'] as const).map((c) => words.t(`import.column.${c}`))) head.append(element('th', { scope: 'col' }, h));
  const body = table.createTBody();
  for (const i of shown) {
    const tr = body.insertRow();
    tr.className = i.severity;
    for (const v of [i.file, String(i.line), String(i.column), words.t(i.severity === 'error' ? 'import.error' : 'import.warning'), i.field ?? '', i.value ?? '', i.message]) tr.insertCell().textContent = v;
  }
  const issuesCsv = element('button', { type: 'button' }, words.t('import.download_problems'));
  issuesCsv.addEventListener('click', () => download('problems.csv', issuesToCsv(all), 'text/csv;charset=utf-8'));
  const verdict = element('p', { className: errors > 0 ? 'verdict error' : 'verdict ok' },
    words.t(errors > 0 ? 'import.verdict_errors' : 'import.verdict_clean'));
  verdict.setAttribute('role', 'status');
  const scroll = element('div', { className: 'table-scroll', tabIndex: 0 }, table);
  scroll.setAttribute('role', 'region');
  scroll.setAttribute('aria-label', words.t('import.problems_label'));
  reportBox.replaceChildren(summary, verdict, perFile, ...(all.length ? [groupList, issuesCsv, scroll] : []));
}

export function issuesToCsv(issues: ReportIssue[]): string {
  return toCsv(['file', 'line', 'column', 'severity', 'field', 'value', 'message'], issues.map((i) => [i.file, i.line, i.column, i.severity, i.field ?? null, i.value ?? null, i.message]));
}

/** `data` is the published data with the dropped years merged in (by the worker). */
async function renderPreview(newYears: Set<number>, data: PublishedData) {
  const status = element('p', { role: 'status' }, words.t('import.preview_preparing'));
  previewBox.replaceChildren(status);
  const [{ openPublishedDatabase }, Plot, charts, planCharts] = await Promise.all([
    import('./duckdb.ts'),
    import('@observablehq/plot'),
    import('../lib/charts/trend-charts.ts'),
    import('../lib/charts/plan-charts.ts'),
  ]);
  const engine = await openPublishedDatabase(() => {}, Promise.resolve(data));
  await engine.lockDown();
  const yearly = (await engine.query(selectView('yearly_indicators', 'fiscal_year'))) as ViewRow<'yearly_indicators'>[];
  const national = (await engine.query('SELECT * FROM national_averages ORDER BY fiscal_year')) as unknown as NationalAverage[];
  const bands = (await engine.query(selectView('wage_band_distribution', 'fiscal_year, band_no'))) as ViewRow<'wage_band_distribution'>[];
  const latestNew = Math.max(...newYears);
  const previous = yearly.map((y) => y.fiscal_year).filter((fy) => fy < latestNew).pop();

  const banner = element('p', { className: 'unpublished' }, element('strong', {}, words.t('import.unpublished')), ' ',
    words.t('import.unpublished_body', { years: words.list([...newYears].map((fy) => words.fy(fy))) }));
  const table = element('table');
  table.createCaption().textContent = words.t('import.preview_table');
  const head = table.createTHead().insertRow();
  // Reporting rate and the hourly average only when some year has them (hours are optional).
  const optional = (['reporting_rate_pct', 'average_hourly_wage_yen'] as const).filter((c) => yearly.some((y) => y[c] !== null));
  const columns = ['facilities', 'person_months', 'total_wages_yen', 'average_monthly_wage_yen', 'average_monthly_wage_new_yen', ...optional] as const;
  for (const h of ['fiscal_year', ...columns] as const) head.append(element('th', { scope: 'col' }, indicatorLabel(h, words)));
  const body = table.createTBody();
  for (const y of yearly) {
    const tr = body.insertRow();
    if (newYears.has(y.fiscal_year)) tr.className = 'new-year';
    const th = element('th', { scope: 'row' }, words.fy(y.fiscal_year), newYears.has(y.fiscal_year) ? element('span', { className: 'badge' }, words.t('import.badge')) : '');
    tr.append(th);
    for (const c of columns) tr.insertCell().textContent = formatIndicator(c, y[c], words, data.plan);
  }
  const targets = (await engine.query(selectView('target_path', 'phase_no, fiscal_year, formula'))) as ViewRow<'target_path'>[];
  const trend = Plot.plot(charts.averageWageTrendSpec(yearly, national, targets, [...data.plan.baseline_fiscal_years, ...newYears], words, innerWidth < 640 ? 'narrow' : 'wide'));
  trend.setAttribute('role', 'img');
  trend.setAttribute('aria-label', words.t('import.preview_trend_label'));
  const years = previous === undefined ? [latestNew] : [previous, latestNew];
  const label = (fy: number) => (newYears.has(fy) ? words.t('import.year_preview', { year: words.fyName(fy) }) : words.fyName(fy));
  const bandRows = bands.filter((b) => years.includes(b.fiscal_year));
  const bandLabel = (bandNo: number) => data.plan.wage_bands[bandNo - 1]!.label[words.locale];
  const bandChart = Plot.plot(planCharts.groupedBarsSpec(
    bandRows.map((b) => ({ group: bandLabel(b.band_no), series: label(b.fiscal_year), value: b.facilities })),
    data.plan.wage_bands.map((b) => bandLabel(b.band_no)), years.map(label), { xLabel: indicatorLabel('band_facilities', words), words, size: innerWidth < 640 ? 'narrow' : 'wide' }));
  const colors = planCharts.sequentialColors(years.length);
  const bandLegend = element('ul', { className: 'legend' }, ...years.map((fy, i) => {
    const swatch = element('span', { className: 'swatch' });
    swatch.style.background = colors[i]!;
    return element('li', {}, swatch, label(fy));
  }));
  bandChart.setAttribute('role', 'img');
  bandChart.setAttribute('aria-label', words.t('import.preview_bands_label'));
  const scroll = element('div', { className: 'table-scroll', tabIndex: 0 }, table);
  scroll.setAttribute('role', 'region');
  scroll.setAttribute('aria-label', words.t('import.preview_table'));
  previewBox.replaceChildren(
    element('h2', {}, words.t('import.preview_heading')),
    banner,
    scroll,
    element('h3', {}, words.t('fig.average_trend.title')),
    trend,
    element('h3', {}, words.t('fig.wage_bands.chart_label')),
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
  reportBox.replaceChildren(element('p', { className: 'verdict error', role: 'alert' }, words.t('import.failed', { message: (e as Error).message })));
}
root.dataset.ready = 'true';
