// The analyst SQL console: DuckDB-WASM on the published database (attached read-only), a
// CodeMirror editor with the schema's names, a result per statement in a virtualised grid,
// exports, sharing and a chart. A shared link runs by itself only if it only reads.

import { Table, tableToIPC } from 'apache-arrow';
import { openPublishedDatabase, UnsupportedBrowserError, type BrowserSqlEngine, type LoadStep } from './duckdb.ts';
import { csvCell } from '../lib/csv-export.ts';
import { downloadBlob } from './files.ts';
import { pageWords } from './words.ts';
import { toMarkdownTable } from '../lib/export-formats.ts';
import { formatDuckDbError } from '../lib/duckdb-errors.ts';
import { PUBLISHED_DATABASE, SCRATCH_SCHEMA } from '../lib/db/setup.ts';
import { resultColumns, type ResultColumn } from '../lib/result-cells.ts';
import { isReadOnly, onlyReads, splitStatements } from '../lib/sql-statements.ts';
import type { SqlEditor } from './sql-editor.ts';

const root = document.querySelector<HTMLElement>('[data-query-console]')!;
const words = pageWords();
const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;

const status = $<HTMLElement>('[data-status]');
const progress = $<HTMLProgressElement>('progress');
const errorBox = $<HTMLElement>('[data-error]');
const noticeBox = $<HTMLElement>('[data-notice]');
const runButton = $<HTMLButtonElement>('[data-run]');
const cancelButton = $<HTMLButtonElement>('[data-cancel]');
const results = $<HTMLElement>('[data-results]');
const statementTabs = $<HTMLElement>('[data-statements]');
const schemaList = $<HTMLElement>('[data-schema]');
const examples = $<HTMLSelectElement>('[data-examples]');
const recentList = $<HTMLSelectElement>('[data-recent]');
const exportButtons = root.querySelectorAll<HTMLButtonElement>('[data-export]');
const chartBox = $<HTMLElement>('[data-chart]');

const RECENT_KEY = 'kouchin.query.recent';
const COLUMN_LABELS: Record<string, string> = JSON.parse(root.dataset.columnLabels ?? '{}');
/** Rows kept for the grid; a larger result is offered as a file (the query runs again in full). */
const MAX_ROWS = 1_000_000;
/** Results up to this size are drawn whole; larger ones draw only the rows in view. */
const PLAIN_ROWS = 200;
const ROW_HEIGHT = 28;
/** Rows sorted in the page; a larger read-only result is sorted by DuckDB instead. */
const SORT_IN_PAGE = 100_000;
const MARKDOWN_ROWS = 1000;

interface Result {
  sql: string;
  readOnly: boolean;
  table: Table;
  columns: ResultColumn[];
  rows: number;
  /** More rows than MAX_ROWS: only the first MAX_ROWS are here. */
  capped: boolean;
  /** Row order on screen (after sorting), or null for the query's own order. */
  order: Uint32Array | null;
  sort: { column: string; ascending: boolean } | null;
}

let engine: BrowserSqlEngine | null = null;
let running = false;
let resultsList: Result[] = [];
let shown = 0;
let generation = 0;

const current = () => resultsList[shown] ?? null;

// The engine starts first (below); the editor's code loads meanwhile.
/** The query of a shared link, as the page was opened (runs change the address later). */
const linkedSql = decodeHash();
const initialSql = linkedSql ?? examples.options[1]?.value ?? 'SELECT * FROM yearly_indicators';
let editor: SqlEditor | null = null;
const editorReady = import('./sql-editor.ts').then(({ createSqlEditor }) => {
  editor = createSqlEditor($<HTMLElement>('[data-editor]'), initialSql, words.t('console.editor_label'), () => void run());
  return editor;
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

function showNotice(message: string | null) {
  noticeBox.hidden = message === null;
  noticeBox.textContent = message ?? '';
}

const STEP_TEXT: Record<LoadStep, string> = {
  download: words.t('console.step.download'),
  start: words.t('console.step.start'),
  data: words.t('console.step.data'),
  ready: words.t('console.step.ready'),
};

async function start() {
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
    const message = e instanceof UnsupportedBrowserError ? words.t('console.unsupported_browser') : words.t('console.start_failed', { message: (e as Error).message });
    showError(message);
    setStatus('');
    return;
  }
  await editorReady;
  progress.hidden = true;
  // From navigation: what a reader waits for, including the page's own scripts.
  const ms = Math.round(performance.now());
  root.dataset.readyMs = String(ms);
  setStatus(words.t('console.ready_in', { ms }));
  runButton.disabled = false;
  await renderSchema();
  renderRecent();
  if (linkedSql === null || running || root.dataset.runs) return;
  // A link runs by itself only if it cannot change anything; otherwise the reader decides.
  // What is checked is what would run: the editor's text (it normalises line ends).
  if (editor?.text().trim() === linkedSql.replace(/\r\n?/g, '\n').trim() && onlyReads(editor.text())) await run();
  else showNotice(words.t('console.link_not_run'));
}

interface SchemaColumn {
  database_name: string;
  schema_name: string;
  table_name: string;
  kind: string;
  column_name: string;
  data_type: string;
  table_comment: string | null;
  column_comment: string | null;
}

async function renderSchema() {
  const columns = (await engine!.query(`SELECT c.database_name, c.schema_name, c.table_name,
      CASE WHEN v.view_name IS NULL THEN 'table' ELSE 'view' END AS kind, c.column_name, c.data_type,
      coalesce(v.comment, t.comment) AS table_comment, c.comment AS column_comment
    FROM duckdb_columns() c
    LEFT JOIN duckdb_views() v ON v.database_name = c.database_name AND v.schema_name = c.schema_name AND v.view_name = c.table_name
    LEFT JOIN duckdb_tables() t ON t.database_name = c.database_name AND t.schema_name = c.schema_name AND t.table_name = c.table_name
    WHERE (c.database_name = '${PUBLISHED_DATABASE}' AND c.schema_name = 'main') OR (c.database_name = 'memory' AND c.schema_name = '${SCRATCH_SCHEMA}')
      OR c.database_name = 'temp'
    ORDER BY c.database_name, kind DESC, c.table_name, c.column_index`)) as unknown as SchemaColumn[];
  const tables = new Map<string, { scratch: boolean; kind: string; comment: string | null; columns: SchemaColumn[] }>();
  for (const c of columns) {
    const scratch = c.database_name !== PUBLISHED_DATABASE;
    const name = c.database_name === 'temp' ? `temp.${c.table_name}` : scratch ? `${SCRATCH_SCHEMA}.${c.table_name}` : c.table_name;
    if (!tables.has(name)) tables.set(name, { scratch, kind: c.kind, comment: c.table_comment, columns: [] });
    tables.get(name)!.columns.push(c);
  }
  // DuckDB reads TEMP tables and views before any other: say so when one hides a published name.
  const published = new Set(columns.filter((c) => c.database_name === PUBLISHED_DATABASE).map((c) => c.table_name));
  const hiding = [...new Set(columns.filter((c) => c.database_name === 'temp' && published.has(c.table_name)).map((c) => c.table_name))];
  if (hiding.length > 0) showNotice(words.t('console.temp_hides', { names: hiding.join(', '), first: hiding[0]! }));
  // The editor completes every table, view and column name.
  const completion: Record<string, string[]> = {};
  for (const [name, table] of tables) completion[name] = table.columns.map((c) => c.column_name);
  editor?.setSchema(completion);

  schemaList.replaceChildren(
    ...[...tables].map(([name, table]) => {
      const details = document.createElement('details');
      if (name === 'reports' || name === 'yearly_indicators') details.open = true;
      const summary = document.createElement('summary');
      summary.textContent = `${name} `;
      const kind = document.createElement('small');
      kind.textContent = words.t(table.scratch ? 'console.kind_scratch' : table.kind === 'view' ? 'console.kind_view' : 'console.kind_table');
      summary.append(kind);
      details.append(summary);
      if (table.comment) {
        const about = document.createElement('p');
        about.className = 'about';
        about.textContent = table.comment;
        details.append(about);
      }
      const list = document.createElement('ul');
      for (const column of table.columns) {
        const item = document.createElement('li');
        const code = document.createElement('code');
        code.textContent = column.column_name;
        const type = document.createElement('small');
        type.textContent = ` ${column.data_type}`;
        item.append(code, type);
        const label = name === 'reports' ? COLUMN_LABELS[column.column_name] : column.column_comment;
        if (label) item.append(` ${label}`);
        list.append(item);
      }
      details.append(list);
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

/** Runs one statement and collects its rows as Arrow, up to MAX_ROWS. */
async function collect(sql: string): Promise<{ table: Table; capped: boolean }> {
  const reader = await engine!.connection.send(sql);
  const batches = [];
  let rows = 0;
  let capped = false;
  for await (const batch of reader) {
    if (rows + batch.numRows > MAX_ROWS) {
      batches.push(batch.slice(0, MAX_ROWS - rows));
      capped = true;
      // The rest is not needed here; the engine stops at the next batch.
      await engine!.connection.cancelSent().catch(() => false);
      break;
    }
    batches.push(batch);
    rows += batch.numRows;
    // Let the page breathe between batches of a large result.
    if (batches.length % 64 === 0) await new Promise((r) => setTimeout(r, 0));
  }
  return { table: batches.length > 0 ? new Table(batches) : new Table(), capped };
}

function clearResults() {
  resultsList = [];
  shown = 0;
  results.replaceChildren();
  statementTabs.replaceChildren();
  chartBox.replaceChildren();
  for (const b of exportButtons) b.disabled = b.dataset.export !== 'link';
}

async function run() {
  if (!engine || !editor || running) return;
  const sql = editor.text().trim();
  if (!sql) return;
  const statements = splitStatements(sql);
  if (statements.length === 0) return;
  const run = ++generation;
  running = true;
  runButton.disabled = true;
  cancelButton.disabled = false;
  showError(null);
  showNotice(null);
  clearResults();
  setStatus(words.t('console.running'));
  history.replaceState(null, '', `#sql=${encodeURIComponent(sql)}`);
  const started = performance.now();
  const done: Result[] = [];
  let wrote = false;
  try {
    for (const [i, statement] of statements.entries()) {
      if (statements.length > 1) setStatus(words.t('console.running_statement', { n: i + 1, count: statements.length }));
      try {
        const { table, capped } = await collect(statement.text);
        const readOnly = isReadOnly(statement);
        wrote ||= !readOnly;
        done.push({ sql: statement.text, readOnly, table, columns: resultColumns(table), rows: table.numRows, capped, order: null, sort: null });
      } catch (e) {
        const message = (e as Error).message;
        const where = statements.length > 1 ? `${words.t('console.statement_failed', { n: i + 1, count: statements.length })}\n` : '';
        throw new Error(/interrupt/i.test(message) ? words.t('console.cancelled') : where + explain(formatDuckDbError(message, statement.text)));
      }
    }
    if (run !== generation) return;
    resultsList = done;
    shown = done.length - 1;
    remember(sql);
    renderResults();
    const ms = Math.round(performance.now() - started);
    const last = current()!;
    setStatus(words.t('console.rows_in', { rows: last.rows, ms }) + (last.capped ? ` ${words.t('console.capped', { rows: MAX_ROWS })}` : ''));
    root.dataset.lastElapsedMs = String(ms);
    root.dataset.lastSql = sql;
  } catch (e) {
    // A failed run shows no old result: what is on screen always belongs to the query above it.
    clearResults();
    showError((e as Error).message);
    setStatus('');
  } finally {
    // Finished runs, for tests and the bench to wait on.
    root.dataset.runs = String(Number(root.dataset.runs ?? 0) + 1);
    running = false;
    runButton.disabled = false;
    cancelButton.disabled = true;
    if (wrote) void renderSchema();
  }
}

/** DuckDB's read-only refusal, with what to do instead. */
function explain(message: string): string {
  return /attached in read-only mode/.test(message) ? `${words.t('console.read_only', { scratch: SCRATCH_SCHEMA })}\n\n${message}` : message;
}

function renderStatementTabs() {
  if (resultsList.length < 2) return statementTabs.replaceChildren();
  statementTabs.replaceChildren(
    ...resultsList.map((result, i) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = words.t('console.statement_tab', { n: i + 1, rows: result.rows });
      b.title = result.sql;
      b.setAttribute('aria-pressed', String(i === shown));
      b.addEventListener('click', () => {
        shown = i;
        renderResults();
      });
      return b;
    }),
  );
}

/** The row of the result at screen position `i`. */
const rowAt = (result: Result, i: number) => (result.order ? result.order[i]! : i);

/** Sorting and exporting use the engine's one connection too: never while a run is going. */
async function whileIdle(work: () => Promise<void>): Promise<void> {
  if (running) return;
  running = true;
  runButton.disabled = true;
  try {
    await work();
  } catch (e) {
    showError((e as Error).message);
    setStatus('');
  } finally {
    running = false;
    runButton.disabled = false;
  }
}

async function sortBy(column: string) {
  const result = current();
  if (!result) return;
  const ascending = result.sort?.column === column ? !result.sort.ascending : true;
  if (result.rows <= SORT_IN_PAGE) {
    const col = result.columns.find((c) => c.name === column)!;
    const keys = Array.from({ length: result.rows }, (_, i) => col.exportValue(i));
    const collator = new Intl.Collator(document.documentElement.lang, { numeric: true });
    const order = Uint32Array.from({ length: result.rows }, (_, i) => i).sort((a, b) => {
      const [x, y] = [keys[a], keys[b]];
      if (x === null) return y === null ? 0 : 1; // empty cells last, either way
      if (y === null) return -1;
      const d = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      return ascending ? d : -d;
    });
    Object.assign(result, { order, sort: { column, ascending } });
  } else if (result.readOnly && !result.capped) {
    // Too many rows to sort here: DuckDB sorts them in its worker.
    setStatus(words.t('console.sorting'));
    const quoted = `"${column.replaceAll('"', '""')}"`;
    // On lines of their own: a -- comment at the end of the statement cannot swallow the rest.
    const { table } = await collect(`SELECT * FROM (\n${result.sql}\n) ORDER BY ${quoted} ${ascending ? 'ASC' : 'DESC'} NULLS LAST`);
    Object.assign(result, { table, columns: resultColumns(table), order: null, sort: { column, ascending } });
    setStatus(words.t('console.sorted', { column }));
  } else {
    setStatus(words.t('console.sort_too_large', { rows: SORT_IN_PAGE }));
    return;
  }
  renderResults();
}

function renderResults() {
  const result = current();
  renderStatementTabs();
  if (!result) return;
  const table = document.createElement('table');
  table.setAttribute('aria-rowcount', String(result.rows + 1));
  const caption = table.createCaption();
  caption.className = 'visually-hidden';
  caption.textContent = words.t('console.result_label');
  const headRow = table.createTHead().insertRow();
  headRow.setAttribute('aria-rowindex', '1');
  for (const column of result.columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = column.name;
    if (result.sort?.column === column.name) th.setAttribute('aria-sort', result.sort.ascending ? 'ascending' : 'descending');
    button.addEventListener('click', () => void whileIdle(() => sortBy(column.name)));
    th.append(button);
    headRow.append(th);
  }
  const body = table.createTBody();
  const scroll = document.createElement('div');
  scroll.className = 'table-scroll';
  scroll.tabIndex = 0;
  scroll.setAttribute('role', 'region');
  scroll.setAttribute('aria-label', words.t('console.result_label'));
  scroll.append(table);

  const row = (i: number) => {
    const tr = document.createElement('tr');
    tr.setAttribute('aria-rowindex', String(i + 2));
    const r = rowAt(result, i);
    for (const column of result.columns) {
      const td = tr.insertCell();
      td.textContent = column.text(r);
      if (column.numeric) td.className = 'number';
    }
    return tr;
  };
  if (result.rows <= PLAIN_ROWS) {
    for (let i = 0; i < result.rows; i++) body.append(row(i));
  } else {
    // Only the rows in view (and a margin) exist; spacers keep the scroll height true.
    scroll.classList.add('virtual');
    const spacer = (height: number) => {
      const tr = document.createElement('tr');
      tr.setAttribute('aria-hidden', 'true');
      tr.style.height = `${height}px`;
      return tr;
    };
    let drawn = '';
    const draw = () => {
      const first = Math.max(0, Math.floor(scroll.scrollTop / ROW_HEIGHT) - 20);
      const last = Math.min(result.rows, first + Math.ceil(scroll.clientHeight / ROW_HEIGHT) + 40);
      if (`${first}-${last}` === drawn) return;
      drawn = `${first}-${last}`;
      const rows = [];
      for (let i = first; i < last; i++) rows.push(row(i));
      body.replaceChildren(spacer(first * ROW_HEIGHT), ...rows, spacer((result.rows - last) * ROW_HEIGHT));
    };
    scroll.addEventListener('scroll', () => requestAnimationFrame(draw), { passive: true });
    draw();
    // Drawn again once in the page, where the box has its height.
    requestAnimationFrame(draw);
  }
  const parts: HTMLElement[] = [scroll];
  if (result.capped) {
    const note = document.createElement('p');
    note.className = 'capped';
    note.textContent = words.t(result.readOnly ? 'console.capped_note' : 'console.capped_note_partial', { rows: MAX_ROWS });
    parts.unshift(note);
  }
  results.replaceChildren(...parts);
  for (const b of exportButtons) b.disabled = false;
  fillChartPicker();
}

/** Yields to the browser, so a long export never holds the page for long. */
const breathe = () => new Promise((r) => setTimeout(r, 0));

/**
 * The shown result as CSV, built and encoded a few thousand rows at a time with a pause
 * between, so a million rows never hold the page for long (the Blob then only copies bytes).
 */
async function csvParts(result: Result): Promise<Uint8Array<ArrayBuffer>[]> {
  const encoder = new TextEncoder();
  const parts = [encoder.encode('\uFEFF' + result.columns.map((c) => csvCell(c.name)).join(',') + '\r\n')];
  const CHUNK = 2000;
  for (let start = 0; start < result.rows; start += CHUNK) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(result.rows, start + CHUNK); i++) {
      const r = rowAt(result, i);
      // A number too exact for JavaScript comes as its digits: a number, never a formula.
      lines.push(result.columns.map((c) => {
        const v = c.exportValue(r);
        return c.numeric && typeof v === 'string' ? v : csvCell(v);
      }).join(','));
    }
    parts.push(encoder.encode(lines.join('\r\n') + '\r\n'));
    await breathe();
  }
  return parts;
}

async function exportResult(kind: string) {
  let result = current();
  if (kind === 'link') {
    await navigator.clipboard.writeText(location.href);
    setStatus(words.t('console.link_copied'));
    return;
  }
  if (!result) return;
  if (result.capped && result.readOnly && kind !== 'markdown') {
    // The grid kept MAX_ROWS; a file gets every row, so the statement runs again in full.
    setStatus(words.t('console.export_running'));
    const reader = await engine!.connection.send(result.sql);
    const batches = [];
    for await (const batch of reader) batches.push(batch);
    const table = new Table(batches);
    result = { ...result, table, columns: resultColumns(table), rows: table.numRows, capped: false, order: null };
  }
  if (kind === 'csv') {
    setStatus(words.t('console.csv_writing'));
    downloadBlob('query.csv', new Blob(await csvParts(result), { type: 'text/csv;charset=utf-8' }));
    setStatus(words.t('console.csv_written', { rows: result.rows }));
  } else if (kind === 'parquet') {
    setStatus(words.t('console.parquet_writing'));
    const ipc = tableToIPC(result.table, 'stream');
    const bytes = await writeParquetInWorker(ipc);
    downloadBlob('query.parquet', new Blob([bytes], { type: 'application/vnd.apache.parquet' }));
    setStatus(words.t('console.parquet_written'));
  } else if (kind === 'markdown') {
    // A Markdown table is for notes and issues: the first MARKDOWN_ROWS rows, and it says so.
    const rows = Array.from({ length: Math.min(result.rows, MARKDOWN_ROWS) }, (_, i) => Object.fromEntries(result!.columns.map((c) => [c.name, c.exportValue(rowAt(result!, i))])));
    await navigator.clipboard.writeText(toMarkdownTable(result.columns.map((c) => c.name), rows));
    setStatus(result.rows > MARKDOWN_ROWS ? words.t('console.markdown_copied_first', { rows: MARKDOWN_ROWS }) : words.t('console.markdown_copied'));
  }
}

/** Parquet is written in a worker of its own: a large result never holds the page. */
function writeParquetInWorker(ipc: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const worker = new Worker(new URL('./parquet-worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<{ bytes?: Uint8Array<ArrayBuffer>; error?: string }>) => {
      worker.terminate();
      if (e.data.bytes) resolve(e.data.bytes);
      else reject(new Error(e.data.error));
    };
    worker.onerror = (e) => (worker.terminate(), reject(new Error(e.message)));
    worker.postMessage(ipc, [ipc.buffer]);
  });
}

const chartX = $<HTMLSelectElement>('[data-chart-x]');
const chartY = $<HTMLSelectElement>('[data-chart-y]');

function fillChartPicker() {
  const result = current();
  if (!result) return;
  const numeric = result.columns.filter((c) => c.numeric).map((c) => c.name);
  const names = result.columns.map((c) => c.name);
  chartX.replaceChildren(...names.map((c) => new Option(c, c)));
  chartY.replaceChildren(...numeric.map((c) => new Option(c, c)));
  if (numeric.length > 0 && names[0] === numeric[0] && numeric.length > 1) chartY.value = numeric[1]!;
  chartBox.replaceChildren();
}

async function drawChart() {
  const result = current();
  if (!result || !chartX.value || !chartY.value) return;
  const Plot = await import('@observablehq/plot');
  const x = result.columns.find((c) => c.name === chartX.value)!;
  const y = result.columns.find((c) => c.name === chartY.value)!;
  const n = Math.min(result.rows, 5000);
  const points = Array.from({ length: n }, (_, i) => {
    const r = rowAt(result, i);
    return { x: x.numeric ? x.exportValue(r) : x.text(r), y: y.exportValue(r) };
  }).filter((p) => p.y !== null);
  // Text, and a few whole numbers such as years, are categories in the query's order (not
  // "2,006"); other numbers make a scatter.
  const categories = [...new Set(points.map((p) => String(p.x)))];
  const categorical = !x.numeric || (x.integer && categories.length <= 60);
  const width = Math.min(720, chartBox.clientWidth || 720);
  const chart = categorical
    ? Plot.plot({
        width,
        marginLeft: 60,
        x: { type: 'band', domain: categories, label: x.name, tickRotate: categories.length > 12 ? -45 : 0 },
        y: { label: y.name, grid: true },
        marks: [Plot.barY(points.map((p) => ({ ...p, x: String(p.x) })), { x: 'x', y: 'y', fill: '#3D95D0' }), Plot.ruleY([0])],
      })
    : Plot.plot({ width, marginLeft: 60, x: { label: x.name }, y: { label: y.name, grid: true }, marks: [Plot.dot(points, { x: 'x', y: 'y' })] });
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', `${y.name} / ${x.name}`);
  chartBox.replaceChildren(chart);
}

runButton.addEventListener('click', () => void run());
cancelButton.addEventListener('click', () => void engine?.connection.cancelSent());
examples.addEventListener('change', () => {
  if (!examples.value) return;
  editor?.setText(examples.value);
  examples.value = '';
  void run();
});
recentList.addEventListener('change', () => {
  if (!recentList.value) return;
  editor?.setText(recentList.value);
  recentList.value = '';
});
for (const b of exportButtons) b.addEventListener('click', () => void whileIdle(() => exportResult(b.dataset.export!)));
$<HTMLButtonElement>('[data-draw]').addEventListener('click', () => void drawChart());

void start();
