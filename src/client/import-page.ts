// The planner's import page: drop report files, see every problem with its location, and
// preview the new year through the published indicator views. Files never leave the browser:
// they are read here, and the only requests made are for the site's own published data.

import type { ImportMessage, ImportRequest } from './import-worker.ts';
import { ISSUE_KINDS, issueMessage, KIND_OF, type IssueKind, type ReportIssue } from '../lib/reader/issues.ts';
import type { PlainMessageId } from '../lib/i18n/words.ts';
import { cellAddress } from '../lib/reader/workbook.ts';
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
/** The files being read now; a newer pick ends an older one's worker and makes its results stale. */
let current: { generation: number; worker: Worker | null } = { generation: 0, worker: null };
/** The preview's DuckDB-WASM, ended when other files are picked. */
let previewEngine: { close(): Promise<void> } | null = null;

const KIND_LABEL: Record<IssueKind, PlainMessageId> = {
  file: 'import.kind.file', row: 'import.kind.row', value: 'import.kind.value', place: 'import.kind.place', comparison: 'import.kind.comparison',
};

/** How many problems the list shows at once; all of them are in the CSV download. */
const LISTED = 500;

const download = (name: string, content: string | Uint8Array<ArrayBuffer>, type: string) => downloadBlob(name, new Blob([content], { type }));

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children);
  return el;
}

class Superseded extends Error {}

async function handle(files: File[]) {
  if (files.length === 0) return;
  current.worker?.terminate();
  void previewEngine?.close();
  previewEngine = null;
  const run: typeof current = { generation: current.generation + 1, worker: null };
  current = run;
  const stale = () => current !== run;
  delete root.dataset.previewReady;
  delete root.dataset.rowsRead;
  delete root.dataset.reportMs;
  reportBox.replaceChildren();
  reportBox.removeAttribute('aria-labelledby');
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
    files,
    publishedCsv: published.reportsCsv,
    municipalitiesCsv: published.municipalitiesCsv,
    listed: LISTED,
    ...(published.plan.report_sheet === undefined ? {} : { sheet: published.plan.report_sheet }),
  };
  if (stale()) return;
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  run.worker = worker;
  const results: ReadFile[] = [];
  // The years whose normalised file arrived: the preview marks them as new.
  const newYears = new Set<number>();
  let done: Extract<ImportMessage, { type: 'done' }> | null = null;
  const started = performance.now();
  // The report is drawn as soon as every file is checked; the normalised files and the
  // preview's data follow, and their download buttons join the report as they arrive.
  let downloads: HTMLElement | null = null;
  const fileChecked = () => {
    if (results.length < files.length) return;
    root.dataset.readMs = String(Math.round(performance.now() - started));
    root.dataset.rowsRead = String(results.reduce((n, r) => n + r.rowCount, 0));
    downloads = renderReport(results);
    root.dataset.reportMs = String(Math.round(performance.now() - started));
  };
  try {
    await new Promise<void>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<ImportMessage>) => {
        if (stale()) return reject(new Superseded());
        const message = event.data;
        if (message.type === 'progress') bars.get(message.file)!.value = message.fraction;
        else if (message.type === 'file') {
          bars.get(message.report.file)!.value = 1;
          results.push(message);
          fileChecked();
        } else if (message.type === 'csv') {
          newYears.add(message.year);
          if (downloads) addDownload(downloads, message.year, message.canonicalCsv);
        }
        else if (message.type === 'done') {
          done = message;
          resolve();
        } else reject(new Error(message.message));
      };
      worker.onerror = (e) => reject(new Error(e.message));
      worker.postMessage(request);
    });
  } catch (e) {
    if (e instanceof Superseded) return;
    throw e;
  } finally {
    worker.terminate();
  }
  if (stale() || done === null) return;
  const { mergedCsv, replacedYears } = done as Extract<ImportMessage, { type: 'done' }>;
  if (mergedCsv !== null) await renderPreview(newYears, new Set(replacedYears), published, { ...published, reportsCsv: mergedCsv }, stale);
}

const severityName = (i: ReportIssue) => words.t(i.severity === 'error' ? 'import.error' : 'import.warning');
const yearList = (years: Iterable<number>) => words.list([...years].sort().map((fy) => words.fy(fy)));
const where = (i: ReportIssue) => (i.sheet === undefined
  ? words.t('import.where_line', { file: i.file, line: i.line, column: i.column })
  : words.t('import.where_cell', { file: i.file, sheet: i.sheet, cell: cellAddress(i.column, i.line) }));

/** One normalised file per year without errors, offered as its bytes arrive from the worker. */
function addDownload(downloads: HTMLElement, fy: number, csv: Uint8Array<ArrayBuffer>) {
  const button = element('button', { type: 'button', className: 'download' }, words.t('import.download_normalised', { file: `fy${fy}.csv` }));
  button.addEventListener('click', () => download(`fy${fy}.csv`, csv, 'text/csv;charset=utf-8'));
  downloads.append(button, ' ');
  downloads.hidden = false;
}

/** The verdict, each file, the summaries and the list of problems, errors first; returns where downloads go. */
function renderReport(results: ReadFile[]): HTMLElement {
  const all = results.flatMap((r) => r.report.issues);
  // Errors first, so no number of warnings can push one out of the list shown.
  all.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const errors = all.filter((i) => i.severity === 'error').length;
  const lines = results.reduce((n, r) => n + r.report.dataLines, 0);
  const rows = results.reduce((n, r) => n + r.rowCount, 0);
  const heading = element('h2', { id: 'report-heading' }, words.t('import.report_heading'));

  const replaces = new Set(results.flatMap((r) => r.publishedYears));
  const counts = lines === 0 ? words.t('import.counts_none') : rows === lines ? words.t('import.counts_all', { lines }) : words.t('import.counts_held', { lines, rows, held: lines - rows });
  const verdict = element('div', { className: errors > 0 ? 'verdict error' : 'verdict ok', tabIndex: -1 },
    element('p', { className: 'verdict-title' }, words.t(errors > 0 ? 'import.verdict_fix' : 'import.verdict_ok')),
    element('p', {}, counts),
    ...(errors > 0 ? [element('p', {}, words.t('import.errors_to_fix', { count: errors }))] : []),
    ...(all.length > errors ? [element('p', {}, words.t('import.warnings_to_check', { count: all.length - errors }))] : []),
    ...(replaces.size > 0 ? [element('p', {}, words.t('import.verdict_replaces', { years: yearList(replaces), count: replaces.size }))] : []));
  verdict.setAttribute('role', 'status');

  const perFile = element('ul', { className: 'file-summary' }, ...results.map((r) => {
    const e = r.report.issues.filter((i) => i.severity === 'error').length;
    const item = element('li', { className: e > 0 ? 'has-errors' : 'clean' },
      element('strong', {}, r.report.file),
      r.fiscalYears.length > 0 ? ` ${words.list(r.fiscalYears.map((fy) => words.fy(fy)))}` : '',
      ` — ${words.t('import.file_counts', { rows: r.rowCount, lines: r.report.dataLines, errors: e, warnings: r.report.issues.length - e })}`,
      ` [${r.report.encoding ?? '?'}${r.report.sheet === null ? '' : ` · ${r.report.sheet}`}]`);
    return item;
  }));
  // One normalised file per year with no errors, added by addDownload.
  const downloads = element('p', { className: 'downloads' });
  downloads.hidden = true;

  // Facilities new since last year: not a problem, but worth a look.
  const newOffices = results.flatMap((r) => r.newOffices);
  const newOfficeCount = results.reduce((n, r) => n + r.newOfficeCount, 0);
  const summaries = newOfficeCount === 0 ? [] : [listDetails(words.t('import.new_offices', { count: newOfficeCount }), newOffices, newOfficeCount)];

  const children: Node[] = [heading, verdict, perFile, downloads, ...summaries];
  if (all.length > 0) {
    const list = element('ol', { className: 'problems' });
    const caption = element('p', { className: 'problems-caption', id: 'problems-caption' });
    list.setAttribute('aria-labelledby', 'problems-caption');
    const filters = problemFilters(all, (shown) => {
      caption.textContent = shown.length > LISTED
        ? words.t('import.problems_caption_first', { count: shown.length, shown: LISTED })
        : words.t('import.problems_caption', { count: shown.length });
      list.replaceChildren(...shown.slice(0, LISTED).map(problemItem));
    });
    const issuesCsv = element('button', { type: 'button' }, words.t('import.download_problems'));
    issuesCsv.addEventListener('click', () => download(words.t('import.problems_file'), issuesToCsv(all), 'text/csv;charset=utf-8'));
    children.push(element('h3', {}, words.t('import.problems_label')), filters, caption, list, issuesCsv);
  }
  reportBox.replaceChildren(...children);
  // Named by its heading once it has one (an empty section names nothing).
  reportBox.setAttribute('aria-labelledby', 'report-heading');
  // The verdict is what the planner came for: brought into view (below the drop zone on a
  // phone) and focused, so a screen reader reads it next.
  verdict.focus({ preventScroll: true });
  heading.scrollIntoView({ block: 'start' });
  return downloads;
}

/**
 * A summary line that opens to the list: its first LISTED items and how many more (a file of
 * 100,000 new facilities would otherwise put 100,000 list items in the page).
 */
function listDetails(summary: string, items: string[], total = items.length): HTMLDetailsElement {
  const list = element('ul', {});
  const shown = items.slice(0, LISTED);
  for (const text of shown) list.append(element('li', {}, text));
  if (total > shown.length) list.append(element('li', { className: 'more' }, words.t('import.more_items', { count: total - shown.length })));
  return element('details', { className: 'list-details' }, element('summary', {}, summary), list);
}

function problemItem(i: ReportIssue): HTMLLIElement {
  const item = element('li', { className: `problem ${i.severity}` },
    element('span', { className: 'severity' }, severityName(i)), ' ',
    element('span', { className: 'where' }, where(i)),
    element('p', { className: 'message' }, issueMessage(i, words)));
  Object.assign(item.dataset, { line: String(i.line), column: String(i.column), field: i.field ?? '', code: i.code });
  if (i.details && i.details.length > 0) item.append(listDetails(words.t('import.details', { count: i.details.length }), i.details));
  return item;
}

/** Selects for severity, kind and column; `show` gets the matching problems, errors first. */
function problemFilters(all: ReportIssue[], show: (issues: ReportIssue[]) => void): HTMLElement {
  const counted = <K>(key: (i: ReportIssue) => K) => {
    const counts = new Map<K, number>();
    for (const i of all) counts.set(key(i), (counts.get(key(i)) ?? 0) + 1);
    return counts;
  };
  const select = (label: string, options: [string, string][]): { el: HTMLSelectElement; field: HTMLLabelElement } => {
    const el = document.createElement('select');
    const allLabel = words.t('import.filter_all', { count: all.length });
    el.append(new Option(allLabel, ''), ...options.map(([value, text]) => new Option(text, value)));
    el.addEventListener('change', apply);
    const field: HTMLLabelElement = element('label');
    field.append(`${label} `, el);
    return { el, field };
  };
  const option = (label: string, count: number) => words.t('import.filter_option', { label, count });
  const severity = select(words.t('import.filter_severity'), [...counted((i) => i.severity)].map(([s, n]) => [s, option(words.t(s === 'error' ? 'import.error' : 'import.warning'), n)]));
  const kinds = counted((i) => KIND_OF[i.code]);
  const kind = select(words.t('import.filter_kind'), ISSUE_KINDS.filter((k) => kinds.has(k)).map((k) => [k, option(words.t(KIND_LABEL[k]), kinds.get(k)!)]));
  const column = select(words.t('import.filter_column'), [...counted((i) => i.header ?? '')].filter(([h]) => h !== '').map(([h, n]) => [h, option(h, n)]));
  function apply() {
    show(all.filter((i) => (!severity.el.value || i.severity === severity.el.value)
      && (!kind.el.value || KIND_OF[i.code] === kind.el.value)
      && (!column.el.value || i.header === column.el.value)));
  }
  apply();
  return element('div', { className: 'filters' }, severity.field, kind.field, column.field);
}

const CSV_COLUMNS = ['import.csv.file', 'import.csv.sheet', 'import.csv.line', 'import.csv.column', 'import.csv.severity', 'import.csv.kind', 'import.csv.field',
  'import.csv.header', 'import.csv.value', 'import.csv.message', 'import.csv.details'] as const satisfies readonly PlainMessageId[];

/** Every problem, in the page's language (the standard column name, `field`, is the one name not translated). */
export function issuesToCsv(issues: ReportIssue[]): string {
  return toCsv(CSV_COLUMNS.map((id) => words.t(id)),
    issues.map((i) => [i.file, i.sheet ?? null, i.line, i.column, severityName(i), words.t(KIND_LABEL[KIND_OF[i.code]]), i.field ?? null, i.header ?? null, i.value ?? null,
      issueMessage(i, words), i.details?.join(words.t('format.name_separator')) ?? null]));
}

/**
 * The preview: `data` is the published data with the dropped years merged in (by the worker).
 * A dropped year that is already published replaces it; the table shows both rows.
 */
async function renderPreview(newYears: Set<number>, replacedYears: Set<number>, published: PublishedData, data: Omit<PublishedData, 'reportsCsv'> & { reportsCsv: Uint8Array }, stale: () => boolean) {
  const status = element('p', { role: 'status' }, words.t('import.preview_preparing'));
  previewBox.replaceChildren(status);
  const [{ BrowserSqlEngine, INDICATOR_SQL }, { setupDatabase }, Plot, charts, planCharts, { averageTrendLegend }, { legendSwatch }] = await Promise.all([
    import('./duckdb.ts'),
    import('../lib/db/setup.ts'),
    import('@observablehq/plot'),
    import('../lib/charts/trend-charts.ts'),
    import('../lib/charts/plan-charts.ts'),
    import('../lib/figures/overview.ts'),
    import('../lib/charts/palette.ts'),
  ]);
  const engine = await BrowserSqlEngine.start();
  if (stale()) return void engine.close();
  previewEngine = engine;
  // The replaced years as published, then the database with the dropped files in their place.
  let before: ViewRow<'yearly_indicators'>[] = [];
  if (replacedYears.size > 0) {
    await setupDatabase(engine, { ...published, indicatorSql: INDICATOR_SQL });
    before = ((await engine.query(selectView('yearly_indicators', 'fiscal_year'))) as ViewRow<'yearly_indicators'>[]).filter((y) => replacedYears.has(y.fiscal_year));
  }
  await setupDatabase(engine, { ...data, indicatorSql: INDICATOR_SQL });
  await engine.lockDown();
  if (stale()) return;
  const yearly = (await engine.query(selectView('yearly_indicators', 'fiscal_year'))) as ViewRow<'yearly_indicators'>[];
  const national = (await engine.query('SELECT * FROM national_averages ORDER BY fiscal_year')) as unknown as NationalAverage[];
  const bands = (await engine.query(selectView('wage_band_distribution', 'fiscal_year, band_no'))) as ViewRow<'wage_band_distribution'>[];
  const latestNew = Math.max(...newYears);
  const previous = yearly.map((y) => y.fiscal_year).filter((fy) => fy < latestNew).pop();

  const banner = element('div', { className: 'unpublished' },
    element('p', {}, element('strong', {}, words.t('import.unpublished')), ' ', words.t('import.unpublished_body', { years: yearList(newYears), count: newYears.size })),
    ...(replacedYears.size > 0 ? [element('p', { className: 'replaces' }, words.t('import.replaces', { years: yearList(replacedYears), count: replacedYears.size }))] : []));
  const table = element('table');
  table.createCaption().textContent = words.t('import.preview_table');
  const head = table.createTHead().insertRow();
  // Reporting rate and the hourly average only when some year has them (hours are optional).
  const optional = (['reporting_rate_pct', 'average_hourly_wage_yen'] as const).filter((c) => [...yearly, ...before].some((y) => y[c] !== null));
  const columns = ['facilities', 'person_months', 'total_wages_yen', 'average_monthly_wage_yen', 'average_monthly_wage_new_yen', ...optional] as const;
  for (const h of ['fiscal_year', ...columns] as const) head.append(element('th', { scope: 'col' }, indicatorLabel(h, words)));
  const body = table.createTBody();
  const addRow = (y: ViewRow<'yearly_indicators'>, className: string, badge: string | null) => {
    const tr = body.insertRow();
    tr.className = className;
    tr.append(element('th', { scope: 'row' }, words.fy(y.fiscal_year), badge === null ? '' : element('span', { className: 'badge' }, badge)));
    for (const c of columns) tr.insertCell().textContent = formatIndicator(c, y[c], words, data.plan);
  };
  for (const y of yearly) {
    const old = before.find((b) => b.fiscal_year === y.fiscal_year);
    if (old) addRow(old, 'replaced-year', words.t('import.badge_published'));
    addRow(y, newYears.has(y.fiscal_year) ? 'new-year' : '', newYears.has(y.fiscal_year) ? words.t('import.badge') : null);
  }
  const targets = (await engine.query(selectView('target_path', 'phase_no, fiscal_year, formula'))) as ViewRow<'target_path'>[];
  const decimals = data.plan.precision.average_monthly_wage;
  const trend = Plot.plot(charts.averageWageTrendSpec(yearly, national, targets, [...data.plan.baseline_fiscal_years, ...newYears], words, innerWidth < 640 ? 'narrow' : 'wide', (v) => words.decimal(v, decimals)));
  trend.setAttribute('role', 'img');
  trend.setAttribute('aria-label', words.t('import.preview_trend_label'));
  // The trend's series as the published figure's legend names them (its swatches are our own SVG).
  const trendLegend = element('ul', { className: 'legend' }, ...averageTrendLegend(data.plan, yearly, national, targets, words).map((item) => {
    const swatch = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    Object.entries({ width: '36', height: '14', viewBox: '0 0 36 14', 'aria-hidden': 'true' }).forEach(([k, v]) => swatch.setAttribute(k, v));
    swatch.innerHTML = legendSwatch(item, 2, 7);
    return element('li', {}, swatch, item.label);
  }));
  const years = previous === undefined ? [latestNew] : [previous, latestNew];
  const label = (fy: number) => (newYears.has(fy) ? words.t('import.year_preview', { year: words.fyName(fy) }) : words.fyName(fy));
  const bandRows = bands.filter((b) => years.includes(b.fiscal_year));
  const bandLabel = (bandNo: number) => data.plan.wage_bands[bandNo - 1]!.label[words.locale];
  const bandChart = Plot.plot(planCharts.groupedBarsSpec(
    bandRows.map((b) => ({ group: bandLabel(b.band_no), series: label(b.fiscal_year), value: b.facilities })),
    data.plan.wage_bands.map((b) => bandLabel(b.band_no)), years.map(label), { xLabel: indicatorLabel('band_facilities', words), words, size: innerWidth < 640 ? 'narrow' : 'wide', seriesMarks: years.map((fy) => words.fyMark(fy)) }));
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
  if (stale()) return;
  previewBox.replaceChildren(
    element('h2', {}, words.t('import.preview_heading')),
    banner,
    scroll,
    element('h3', {}, words.t('fig.average_trend.title')),
    trendLegend,
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
  reportBox.removeAttribute('aria-labelledby');
  // The check works anywhere; only the preview needs DuckDB-WASM, which older browsers lack.
  const message = (e as Error).name === 'UnsupportedBrowserError' ? words.t('console.unsupported_browser') : words.t('import.failed', { message: (e as Error).message });
  reportBox.replaceChildren(element('p', { className: 'verdict error', role: 'alert' }, message));
}
root.dataset.ready = 'true';
