// The analyst SQL console: DuckDB-WASM with the published tables and indicator views,
// a CodeMirror editor, a paginated sortable result grid, exports, sharing and a chart.

import { EditorView, basicSetup } from 'codemirror';
import { keymap } from '@codemirror/view';
import { Prec } from '@codemirror/state';
import { sql as sqlLanguage } from '@codemirror/lang-sql';
import { Table, tableToIPC } from 'apache-arrow';
import { openPublishedDatabase, arrowRows, type BrowserSqlEngine, type LoadStep } from './duckdb.ts';
import { toCsv } from '../lib/csv-export.ts';
import { downloadBlob } from './files.ts';
import { pageWords } from './words.ts';
import { displayValue, toMarkdownTable } from '../lib/export-formats.ts';
import { formatDuckDbError } from '../lib/duckdb-errors.ts';
import type { Row } from '../lib/db/setup.ts';

const root = document.querySelector<HTMLElement>('[data-query-console]')!;
const words = pageWords();
const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;

const status = $<HTMLElement>('[data-status]');
const progress = $<HTMLProgressElement>('progress');
const errorBox = $<HTMLElement>('[data-error]');
const runButton = $<HTMLButtonElement>('[data-run]');
const cancelButton = $<HTMLButtonElement>('[data-cancel]');
const results = $<HTMLElement>('[data-results]');
const schemaList = $<HTMLElement>('[data-schema]');
const examples = $<HTMLSelectElement>('[data-examples]');
const recentList = $<HTMLSelectElement>('[data-recent]');
const exportButtons = root.querySelectorAll<HTMLButtonElement>('[data-export]');
const chartBox = $<HTMLElement>('[data-chart]');

const PAGE_SIZE = 100;
const RECENT_KEY = 'kouchin.query.recent';
const COLUMN_LABELS: Record<string, string> = JSON.parse(root.dataset.columnLabels ?? '{}');

let engine: BrowserSqlEngine | null = null;
let running = false;
let current: { columns: string[]; rows: Row[]; arrow: Table; sql: string } | null = null;
let page = 0;
let sort: { column: string; ascending: boolean } | null = null;

const initialSql = decodeHash() ?? examples.options[1]?.value ?? 'SELECT * FROM yearly_indicators';
const editor = new EditorView({
  doc: initialSql,
  parent: $<HTMLElement>('[data-editor]'),
  extensions: [
    basicSetup,
    sqlLanguage(),
    Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => (void run(), true) }])),
    EditorView.contentAttributes.of({ 'aria-label': words.t('console.editor_label') }),
  ],
});

function decodeHash(): string | null {
  const match = /^#sql=(.*)$/s.exec(location.hash);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

function setStatus(message: string) {
  status.textContent = message;
}

function showError(message: string | null) {
  errorBox.hidden = message === null;
  errorBox.textContent = message ?? '';
}

const STEP_TEXT: Record<LoadStep, string> = {
  download: words.t('console.step.download'),
  start: words.t('console.step.start'),
  data: words.t('console.step.data'),
  ready: words.t('console.step.ready'),
};

async function start() {
  const started = performance.now();
  try {
    engine = await openPublishedDatabase((step, detail) => {
      setStatus(STEP_TEXT[step]);
      if (detail && detail.total > 0) {
        progress.max = detail.total;
        progress.value = detail.loaded;
      }
    });
    await engine.lockDown();
  } catch (e) {
    showError(words.t('console.start_failed', { message: (e as Error).message }));
    setStatus('');
    return;
  }
  progress.hidden = true;
  const ms = Math.round(performance.now() - started);
  root.dataset.readyMs = String(ms);
  setStatus(words.t('console.ready_in', { ms }));
  runButton.disabled = false;
  await renderSchema();
  renderRecent();
  if (decodeHash()) await run();
}

async function renderSchema() {
  const columns = await engine!.query(`SELECT c.table_name, t.table_type, c.column_name, c.data_type
    FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
    WHERE c.table_schema = 'main' ORDER BY t.table_type, c.table_name, c.ordinal_position`);
  const tables = new Map<string, { type: string; columns: { name: string; type: string }[] }>();
  for (const c of columns) {
    const name = c.table_name as string;
    if (!tables.has(name)) tables.set(name, { type: c.table_type === 'VIEW' ? 'view' : 'table', columns: [] });
    tables.get(name)!.columns.push({ name: c.column_name as string, type: c.data_type as string });
  }
  schemaList.replaceChildren(
    ...[...tables].map(([name, table]) => {
      const details = document.createElement('details');
      if (name === 'reports' || name === 'yearly_indicators') details.open = true;
      const summary = document.createElement('summary');
      summary.textContent = `${name} `;
      const kind = document.createElement('small');
      kind.textContent = words.t(table.type === 'view' ? 'console.kind_view' : 'console.kind_table');
      summary.append(kind);
      const list = document.createElement('ul');
      for (const column of table.columns) {
        const item = document.createElement('li');
        const code = document.createElement('code');
        code.textContent = column.name;
        const type = document.createElement('small');
        type.textContent = ` ${column.type}`;
        item.append(code, type);
        const label = name === 'reports' ? COLUMN_LABELS[column.name] : undefined;
        if (label) item.title = label, item.append(` ${label}`);
        list.append(item);
      }
      details.append(summary, list);
      return details;
    }),
  );
}

function recentQueries(): string[] {
  try {
    return JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]') as string[];
  } catch {
    return [];
  }
}

function remember(sql: string) {
  const list = [sql, ...recentQueries().filter((q) => q !== sql)].slice(0, 20);
  try {
    localStorage.setItem(RECENT_KEY, JSON.stringify(list));
  } catch {
    /* storage full or disabled: recent queries are a convenience */
  }
  renderRecent();
}

function renderRecent() {
  const list = recentQueries();
  recentList.replaceChildren(new Option(words.t('console.recent_count', { count: list.length }), ''), ...list.map((q) => new Option(q.replace(/\s+/g, ' ').slice(0, 80), q)));
}

async function run() {
  if (!engine || running) return;
  const sql = editor.state.doc.toString().trim();
  if (!sql) return;
  running = true;
  runButton.disabled = true;
  cancelButton.disabled = false;
  showError(null);
  setStatus(words.t('console.running'));
  history.replaceState(null, '', `#sql=${encodeURIComponent(sql)}`);
  const started = performance.now();
  try {
    const reader = await engine.connection.send(sql);
    const batches = [];
    for await (const batch of reader) batches.push(batch);
    const table = batches.length > 0 ? new Table(batches) : new Table();
    const ms = Math.round(performance.now() - started);
    const columns = table.schema.fields.map((f) => f.name);
    current = { columns, rows: arrowRows(table), arrow: table, sql };
    page = 0;
    sort = null;
    remember(sql);
    setStatus(words.t('console.rows_in', { rows: current.rows.length, ms }));
    root.dataset.lastElapsedMs = String(ms);
    renderResults();
    root.dataset.lastSql = sql;
  } catch (e) {
    const message = (e as Error).message;
    const cancelled = /interrupt/i.test(message);
    showError(cancelled ? words.t('console.cancelled') : formatDuckDbError(message, sql));
    setStatus('');
  } finally {
    running = false;
    runButton.disabled = false;
    cancelButton.disabled = true;
  }
}

function sortedRows(): Row[] {
  if (!current || !sort) return current?.rows ?? [];
  const { column, ascending } = sort;
  const collator = new Intl.Collator(document.documentElement.lang, { numeric: true });
  return [...current.rows].sort((a, b) => {
    const [x, y] = [a[column], b[column]];
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(displayValue(x), displayValue(y));
    return ascending ? order : -order;
  });
}

function renderResults() {
  if (!current) return;
  const rows = sortedRows();
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  page = Math.min(page, pages - 1);
  const table = document.createElement('table');
  const caption = table.createCaption();
  caption.className = 'visually-hidden';
  caption.textContent = words.t('console.result_label');
  const head = table.createTHead().insertRow();
  for (const column of current.columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = column;
    if (sort?.column === column) th.setAttribute('aria-sort', sort.ascending ? 'ascending' : 'descending');
    button.addEventListener('click', () => {
      sort = { column, ascending: sort?.column === column ? !sort.ascending : true };
      renderResults();
    });
    th.append(button);
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE)) {
    const tr = body.insertRow();
    for (const column of current.columns) {
      const td = tr.insertCell();
      const value = row[column];
      td.textContent = displayValue(value);
      if (typeof value === 'number') td.className = 'number';
    }
  }
  const pager = document.createElement('nav');
  pager.className = 'pager';
  pager.setAttribute('aria-label', words.t('console.pages_label'));
  const button = (label: string, target: number, disabled: boolean) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.disabled = disabled;
    b.addEventListener('click', () => {
      page = target;
      renderResults();
    });
    return b;
  };
  const where = document.createElement('span');
  where.textContent = words.t('console.page_of', { page: page + 1, pages, rows: rows.length });
  pager.append(button(words.t('console.page_first'), 0, page === 0), button(words.t('console.page_previous'), page - 1, page === 0), where, button(words.t('console.page_next'), page + 1, page >= pages - 1), button(words.t('console.page_last'), pages - 1, page >= pages - 1));
  const scroll = document.createElement('div');
  scroll.className = 'table-scroll';
  scroll.tabIndex = 0;
  scroll.setAttribute('role', 'region');
  scroll.setAttribute('aria-label', words.t('console.result_label'));
  scroll.append(table);
  results.replaceChildren(pager, scroll);
  for (const b of exportButtons) b.disabled = false;
  fillChartPicker();
}

async function exportResult(kind: string) {
  if (!current) return;
  if (kind === 'csv') {
    const rows = sortedRows();
    downloadBlob('query.csv', new Blob([toCsv(current.columns, rows.map((r) => current!.columns.map((c) => {
      const v = r[c];
      return v === null || v === undefined ? null : typeof v === 'number' ? v : displayValue(v);
    })))], { type: 'text/csv;charset=utf-8' }));
  } else if (kind === 'parquet') {
    setStatus(words.t('console.parquet_writing'));
    const [{ default: init, Table: WasmTable, writeParquet }, { default: wasmUrl }] = await Promise.all([
      import('parquet-wasm/esm'),
      import('parquet-wasm/esm/parquet_wasm_bg.wasm?url'),
    ]);
    await init({ module_or_path: wasmUrl });
    const bytes = writeParquet(WasmTable.fromIPCStream(tableToIPC(current.arrow, 'stream')));
    downloadBlob('query.parquet', new Blob([new Uint8Array(bytes)], { type: 'application/vnd.apache.parquet' }));
    setStatus(words.t('console.parquet_written'));
  } else if (kind === 'markdown') {
    const markdown = toMarkdownTable(current.columns, sortedRows());
    await navigator.clipboard.writeText(markdown);
    setStatus(words.t('console.markdown_copied'));
  } else if (kind === 'link') {
    await navigator.clipboard.writeText(location.href);
    setStatus(words.t('console.link_copied'));
  }
}

const chartX = $<HTMLSelectElement>('[data-chart-x]');
const chartY = $<HTMLSelectElement>('[data-chart-y]');

function fillChartPicker() {
  if (!current) return;
  const numeric = current.columns.filter((c) => current!.rows.some((r) => typeof r[c] === 'number'));
  chartX.replaceChildren(...current.columns.map((c) => new Option(c, c)));
  chartY.replaceChildren(...numeric.map((c) => new Option(c, c)));
  if (numeric.length > 0 && current.columns[0] === numeric[0] && numeric.length > 1) chartY.value = numeric[1]!;
  chartBox.replaceChildren();
}

async function drawChart() {
  if (!current || !chartX.value || !chartY.value) return;
  const Plot = await import('@observablehq/plot');
  const rows = sortedRows().slice(0, 5000);
  const chart = Plot.auto(rows, { x: chartX.value, y: chartY.value }).plot({ width: Math.min(720, chartBox.clientWidth || 720) });
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', `${chartY.value} / ${chartX.value}`);
  chartBox.replaceChildren(chart);
}

runButton.addEventListener('click', () => void run());
cancelButton.addEventListener('click', () => void engine?.connection.cancelSent());
examples.addEventListener('change', () => {
  if (!examples.value) return;
  editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: examples.value } });
  examples.value = '';
  void run();
});
recentList.addEventListener('change', () => {
  if (!recentList.value) return;
  editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: recentList.value } });
  recentList.value = '';
});
for (const b of exportButtons) b.addEventListener('click', () => void exportResult(b.dataset.export!).catch((e) => showError((e as Error).message)));
$<HTMLButtonElement>('[data-draw]').addEventListener('click', () => void drawChart());

void start();
