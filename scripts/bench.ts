#!/usr/bin/env node
// npm run bench: builds the site on the sample, 10× and national-scale data, serves each on
// 127.0.0.1 and measures them in Debian's Chromium. Writes bench/results.md. Budgets are
// reported as met or not met; nothing here fails a build.
//
//   node scripts/bench.ts [--runs N] [--skip-lighthouse]

import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { cpus, totalmem } from 'node:os';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { launchChromium, serveDist, CHROMIUM_PATH, type SiteServer } from '../src/lib/node/chromium.ts';
import { runInConsole } from '../src/lib/node/console-page.ts';
import { publishedReportsCsv } from '../src/lib/node/published.ts';
import { plannerFile } from '../src/lib/node/planner-file.ts';
import { projectPaths } from '../src/lib/node/project.ts';
import type { ReportRow } from '../src/lib/schema.ts';

const ROOT = resolve(import.meta.dirname, '..');
const WORK = join(ROOT, '.cache', 'bench');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, 'skip-lighthouse': { type: 'boolean', default: false } } });
const RUNS = Number(values.runs);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const ms = (x: number) => `${Math.round(x).toLocaleString('en-US')} ms`;
/** Long tasks are reported by the browser only from 50 ms up. */
const longTask = (x: number) => (x === 0 ? 'none over 50 ms' : ms(x));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const log = (message: string) => console.error(`[bench] ${message}`);

function timed(label: string, command: string, args: string[], env: Record<string, string> = {}): number {
  log(label);
  const started = performance.now();
  // A national build logs a line per page (35,000): far over spawnSync's 1 MiB default buffer.
  const result = spawnSync(command, args, { cwd: ROOT, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 2 ** 20 });
  if (result.status !== 0) throw new Error(`${label} failed${result.error ? ` (${result.error.message})` : ''}:\n${result.stderr}\n${result.stdout.slice(-20_000)}`);
  return performance.now() - started;
}

const astro = join(ROOT, 'node_modules', '.bin', 'astro');
const node = process.execPath;

// ---- data and builds -------------------------------------------------------------------
rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
// The data directory (KOUCHIN_DATA or data/), then copies of it with larger generated reports.
const sampleData = projectPaths(ROOT).dataDir;
const datasets = [
  { name: 'sample (1×)', key: 'sample', data: sampleData },
  { name: '10×', key: 'x10', data: join(WORK, 'x10'), scale: '10' },
  { name: 'national', key: 'national', data: join(WORK, 'national'), scale: 'national' },
];
const builds: Record<string, { seconds: number; rows: number; outDir: string } & ReturnType<typeof builtSize>> = {};
for (const d of datasets) {
  if (d.scale) {
    mkdirSync(d.data, { recursive: true });
    // Everything but the reports, which the generator writes at the larger scale.
    for (const part of readdirSync(sampleData).filter((p) => p !== 'reports')) cpSync(join(sampleData, part), join(d.data, part), { recursive: true });
    timed(`generate ${d.name}`, node, [join(ROOT, 'scripts/generate-sample-data.ts'), '--data', d.data, '--scale', d.scale]);
  }
  const outDir = join('.cache', 'bench', `dist-${d.key}`);
  const seconds = timed(`build ${d.name}`, astro, ['build', '--outDir', outDir], { KOUCHIN_DATA: d.data, KOUCHIN_BENCH: '1' }) / 1000;
  const rows = publishedReportsCsv(join(ROOT, outDir)).trimEnd().split('\n').length - 1;
  builds[d.key] = { seconds, rows, outDir, ...builtSize(join(ROOT, outDir)) };
}

/** How many pages a build wrote (index.html files), the bytes of all its files and of its largest. */
function builtSize(dir: string): { pages: number; bytes: number; largest: number } {
  let pages = 0;
  let bytes = 0;
  let largest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const size = statSync(join(entry.parentPath, entry.name)).size;
    bytes += size;
    largest = Math.max(largest, size);
    if (entry.name === 'index.html') pages++;
  }
  return { pages, bytes, largest };
}

// ---- browser measurements ---------------------------------------------------------------
const browser = await launchChromium();
const chromiumVersion = browser.version();

async function withServer<T>(outDir: string, fn: (server: SiteServer) => Promise<T>): Promise<T> {
  const server = await serveDist(ROOT, outDir);
  try {
    return await fn(server);
  } finally {
    await server.stop();
  }
}

/** Overview weight: every response the page needs, by kind, raw and gzip. */
async function overviewWeight(server: SiteServer) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const responses: { url: string; type: string; body: Buffer }[] = [];
  page.on('response', async (r) => {
    try {
      responses.push({ url: r.url(), type: r.request().resourceType(), body: await r.body() });
    } catch {
      /* redirects have no body */
    }
  });
  await page.goto(server.url, { waitUntil: 'networkidle' });
  await context.close();
  const byType = new Map<string, { raw: number; gzip: number; count: number }>();
  for (const r of responses) {
    const t = byType.get(r.type) ?? { raw: 0, gzip: 0, count: 0 };
    t.raw += r.body.length;
    t.gzip += gzipSync(r.body).length;
    t.count++;
    byType.set(r.type, t);
  }
  const duckdb = responses.filter((r) => /duckdb|\.wasm/.test(r.url));
  return { byType, requests: responses.length, duckdbBytes: duckdb.reduce((s, r) => s + r.body.length, 0), gzipTotal: [...byType.values()].reduce((s, t) => s + t.gzip, 0) };
}

/** Time from navigation start to the first chart SVG in the page. */
async function firstChart(server: SiteServer, path: string, naive: boolean): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('svg[role="img"]')) {
        (window as unknown as { __chartAt: number }).__chartAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(new URL(path, server.url).href);
  const at = await page.waitForFunction(() => (window as unknown as { __chartAt?: number }).__chartAt, undefined, { timeout: 60_000 });
  const value = (await at.jsonValue()) as number;
  if (naive) await page.waitForSelector('body[data-chart-ms]');
  await context.close();
  return value;
}

/** Runs `sql` in an open console through its UI; the console's own elapsed time. */
async function timeInConsole(page: Page, sql: string): Promise<number> {
  await runInConsole(page, sql, 300_000);
  return Number(await page.getAttribute('[data-query-console]', 'data-last-elapsed-ms'));
}

/** In the page: the longest main-thread task since the last reset (the browser reports those over 50 ms). */
const LONGEST_TASK = () => {
  const w = window as unknown as { __longest: number };
  w.__longest = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
  }).observe({ type: 'longtask', buffered: true });
};
const longestSoFar = (page: Page, reset = false) => page.evaluate((r) => {
  const w = window as unknown as { __longest: number };
  const value = w.__longest;
  if (r) w.__longest = 0;
  return value;
}, reset);

/**
 * The console: DuckDB-WASM ready after navigation, cold (a new browser profile) and warm (the
 * same page opened again), split at the engine's marks; query medians through its UI; and the
 * bytes a first visit transfers.
 */
async function consoleTimes(server: SiteServer, queries: string[]) {
  const cold: number[] = [];
  const warm: number[] = [];
  const steps: Record<string, number[]> = {};
  let transfer = 0;
  const times = new Map<string, number[]>(queries.map((q) => [q, []]));
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const bytes: number[] = [];
    page.on('response', (r) => void r.request().sizes().then((s) => bytes.push(s.responseBodySize + s.responseHeadersSize)).catch(() => {}));
    await page.goto(`${server.url}query/`);
    await page.waitForSelector('[data-query-console][data-ready-ms]', { timeout: 120_000 });
    cold.push(Number(await page.getAttribute('[data-query-console]', 'data-ready-ms')));
    for (const m of await page.evaluate(() => performance.getEntriesByType('mark').map((e) => [e.name, e.startTime] as const))) (steps[m[0]] ??= []).push(m[1]);
    await page.waitForLoadState('networkidle');
    transfer = bytes.reduce((a, b) => a + b, 0);
    for (const sql of queries) times.get(sql)!.push(await timeInConsole(page, sql));
    await page.goto(`${server.url}query/`);
    await page.waitForSelector('[data-query-console][data-ready-ms]', { timeout: 120_000 });
    warm.push(Number(await page.getAttribute('[data-query-console]', 'data-ready-ms')));
    await context.close();
  }
  return {
    cold: median(cold),
    warm: median(warm),
    steps: Object.fromEntries(Object.entries(steps).map(([k, v]) => [k.replace('duckdb:', ''), median(v)])),
    transfer,
    queries: new Map([...times].map(([q, t]) => [q, median(t)])),
  };
}

/** A 1,000,000-row result in the console: shown, sorted and exported as CSV, longest main-thread tasks. */
async function millionRowResult(server: SiteServer) {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.addInitScript(LONGEST_TASK);
  await page.goto(`${server.url}query/`);
  await page.waitForSelector('[data-query-console][data-ready-ms]', { timeout: 120_000 });
  await longestSoFar(page, true);
  const shownMs = await timeInConsole(page, "SELECT range AS n, range % 7 AS m, 'office ' || range AS name, range / 3 AS third FROM range(1000000)");
  await page.waitForTimeout(500);
  const shownTask = await longestSoFar(page, true);
  const started = performance.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), page.click('[data-export="csv"]')]);
  await download.path();
  const csvMs = performance.now() - started;
  const csvTask = await longestSoFar(page, true);
  await context.close();
  return { shownMs, shownTask, csvMs, csvTask };
}

/**
 * A planner's Shift_JIS file of `count` facilities for the year after the sample's latest:
 * its facilities repeated under new office numbers. Written to disk, as a person picks it.
 */
function plannerFileOf(count: number): { file: string; bytes: number } {
  const published = Papa.parse<ReportRow>(publishedReportsCsv(join(ROOT, builds.sample!.outDir)), { header: true, skipEmptyLines: true }).data;
  const latest = Math.max(...published.map((r) => Number(r.fiscal_year)));
  const source = published.filter((r) => Number(r.fiscal_year) === latest);
  const rows = Array.from({ length: count }, (_, i) => ({ ...source[i % source.length]!, office_no: String(4_100_000_000 + i) }));
  const file = join(WORK, `${count}`, `fy${latest + 1}.csv`);
  mkdirSync(join(WORK, `${count}`), { recursive: true });
  const bytes = plannerFile(rows);
  writeFileSync(file, bytes);
  return { file, bytes: bytes.length };
}

/** A `count`-row Shift_JIS file through the import page: rows/s and the longest main-thread task. */
async function importThroughput(server: SiteServer, count: number, runs: number) {
  // From disk: Playwright's in-memory upload of 9 MB itself blocks the page's main thread for
  // about a second, which would be counted against the page.
  const { file, bytes } = plannerFileOf(count);
  const results: { rowsPerSecond: number; readMs: number; reportMs: number; longestTask: number }[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(LONGEST_TASK);
    await page.goto(`${server.url}import/`);
    await page.waitForSelector('[data-import][data-ready]');
    await longestSoFar(page, true);
    await page.setInputFiles('input[type="file"]', file);
    await page.waitForSelector('[data-import][data-report-ms]', { timeout: 600_000 });
    const readMs = Number(await page.getAttribute('[data-import]', 'data-read-ms'));
    const reportMs = Number(await page.getAttribute('[data-import]', 'data-report-ms'));
    // The report is drawn right after reading; include it in the longest task.
    await page.waitForTimeout(200);
    const longestTask = await longestSoFar(page);
    results.push({ rowsPerSecond: count / (readMs / 1000), readMs, reportMs, longestTask });
    await context.close();
  }
  return {
    rowsPerSecond: median(results.map((r) => r.rowsPerSecond)),
    readMs: median(results.map((r) => r.readMs)),
    reportMs: median(results.map((r) => r.reportMs)),
    longestTask: Math.max(...results.map((r) => r.longestTask)),
    bytes,
  };
}

/** `kouchin` on a million-row file: seconds and peak memory (maxRSS, reported by the process itself); medians of RUNS runs. */
function cliScale(file: string) {
  const data = join(WORK, 'million-data');
  cpSync(sampleData, data, { recursive: true });
  cpSync(file, join(data, 'reports', file.split('/').pop()!));
  const once = (label: string, args: string[]) => {
    log(label);
    const started = performance.now();
    const hook = 'data:text/javascript,process.on("exit",()=>process.stderr.write("maxrss="+process.resourceUsage().maxRSS+"\\n"))';
    const result = spawnSync(node, ['--import', hook, join(ROOT, 'scripts/kouchin.ts'), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
    const seconds = (performance.now() - started) / 1000;
    const kb = Number(/maxrss=(\d+)/.exec(result.stderr)?.[1] ?? NaN);
    if (result.status !== 0) throw new Error(`${label} failed:\n${result.stderr.slice(-2000)}`);
    return { seconds, megabytes: kb / 1024 };
  };
  const measured = (label: string, args: string[]) => {
    const runs = Array.from({ length: RUNS }, () => once(label, args));
    return { seconds: median(runs.map((r) => r.seconds)), megabytes: median(runs.map((r) => r.megabytes)) };
  };
  return {
    validate: measured('kouchin validate, 1,000,000 rows', ['validate', '--data', sampleData, file]),
    indicators: measured('kouchin indicators, 1,000,000 more rows', ['indicators', '--data', data, '--json']),
  };
}

const QUERIES = {
  yearly: 'SELECT * FROM yearly_indicators ORDER BY fiscal_year',
  groupBy: 'SELECT fiscal_year, area, count(*) AS facilities, sum(total_wages_yen) AS wages, sum(person_months) AS months FROM reports GROUP BY ALL ORDER BY ALL',
};

log('overview weight and first chart (sample)');
const sample = await withServer(builds.sample!.outDir, async (server) => {
  const weight = await overviewWeight(server);
  const prerendered: number[] = [];
  const naive: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    prerendered.push(await firstChart(server, '', false));
    naive.push(await firstChart(server, 'bench/naive-chart/', true));
  }
  log('import throughput, 100,000 rows');
  const imported = await importThroughput(server, 100_000, Math.min(RUNS, 3));
  log('import throughput, 1,000,000 rows');
  const million = await importThroughput(server, 1_000_000, 1);
  return { weight, prerendered: median(prerendered), naive: median(naive), imported, million };
});

const consoleResults: Record<string, Awaited<ReturnType<typeof consoleTimes>>> = {};
for (const d of datasets) {
  log(`console on ${d.name}`);
  consoleResults[d.key] = await withServer(builds[d.key]!.outDir, (server) => consoleTimes(server, [QUERIES.yearly, QUERIES.groupBy]));
}
log('console: a 1,000,000-row result');
const bigResult = await withServer(builds.sample!.outDir, (server) => millionRowResult(server));
/** The largest file any build wrote (static hosts limit a file to 25 MiB). */
const largestFile = Math.max(...datasets.map((d) => builds[d.key]!.largest));
await browser.close();

// ---- the CLI at scale -----------------------------------------------------------------------
const cli = cliScale(plannerFileOf(1_000_000).file);

// ---- Lighthouse ---------------------------------------------------------------------------
let lighthouse: { performance: number; accessibility: number } | null = null;
if (!values['skip-lighthouse']) {
  log('lighthouse (mobile) on the overview');
  lighthouse = await withServer(builds.sample!.outDir, async (server) => {
    const out = join(WORK, 'lighthouse.json');
    try {
      // Asynchronous: the preview server answering Lighthouse runs in this process.
      await promisify(execFile)('npx', ['--yes', 'lighthouse@13.5.0', server.url, '--quiet', '--output=json', `--output-path=${out}`,
        '--only-categories=performance,accessibility', '--form-factor=mobile',
        '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync'],
        { cwd: WORK, env: { ...process.env, CHROME_PATH: CHROMIUM_PATH }, timeout: 240_000, maxBuffer: 64 * 2 ** 20 });
      const report = JSON.parse(readFileSync(out, 'utf8'));
      return { performance: Math.round(report.categories.performance.score * 100), accessibility: Math.round(report.categories.accessibility.score * 100) };
    } catch (e) {
      log(`lighthouse did not run: ${(e as Error).message.split('\n')[0]}`);
      return null;
    }
  });
}

// ---- report -------------------------------------------------------------------------------
const met = (ok: boolean) => (ok ? 'met' : '**not met**');
const w = sample.weight;
const ratio = sample.prerendered / sample.naive;
const national = consoleResults.national!;
const budgets: [string, string, boolean][] = [
  ['Overview ≤ 150 KB gzip (excluding fonts), 0 DuckDB bytes', `${kb(w.gzipTotal)} gzip, ${w.duckdbBytes} DuckDB bytes`, w.gzipTotal <= 150 * 1024 && w.duckdbBytes === 0],
  ['Prerendered first chart ≤ 1/5 of the naive time', `${ms(sample.prerendered)} vs ${ms(sample.naive)} (ratio 1/${(1 / ratio).toFixed(1)})`, ratio <= 0.2],
  ['National build (every page, facility pages included) ≤ 3 min', `${builds.national!.seconds.toFixed(1)} s, ${builds.national!.pages.toLocaleString('en-US')} pages`, builds.national!.seconds <= 180],
  ['Every built file ≤ 25 MiB', `largest ${(largestFile / 2 ** 20).toFixed(1)} MiB`, largestFile <= 25 * 2 ** 20],
  ['Console: DuckDB ready ≤ 1.0 s after navigation, cold (sample)', ms(consoleResults.sample!.cold), consoleResults.sample!.cold <= 1000],
  ['Console: DuckDB ready ≤ 1.0 s after navigation, cold (national)', ms(national.cold), national.cold <= 1000],
  ['Console: 1M-row result, no main-thread task > 200 ms (shown; CSV export)', `${longTask(bigResult.shownTask)}; ${longTask(bigResult.csvTask)}`, bigResult.shownTask <= 200 && bigResult.csvTask <= 200],
  ['National GROUP BY ≤ 300 ms median', ms(national.queries.get(QUERIES.groupBy)!), national.queries.get(QUERIES.groupBy)! <= 300],
  ['100k-row validation ≤ 2 s, no main-thread task > 200 ms', `${ms(sample.imported.readMs)}, longest main-thread task: ${longTask(sample.imported.longestTask)}`, sample.imported.readMs <= 2000 && sample.imported.longestTask <= 200],
  ['1M rows in the browser: report ≤ 20 s, no main-thread task > 200 ms', `${ms(sample.million.reportMs)}, longest main-thread task: ${longTask(sample.million.longestTask)}`, sample.million.reportMs <= 20_000 && sample.million.longestTask <= 200],
  ['CLI validate of 1M rows ≤ 5 s and ≤ 1 GB', `${cli.validate.seconds.toFixed(1)} s, ${Math.round(cli.validate.megabytes)} MB`, cli.validate.seconds <= 5 && cli.validate.megabytes <= 1024],
  ['CLI indicators with 1M more rows ≤ 5 s', `${cli.indicators.seconds.toFixed(1)} s, ${Math.round(cli.indicators.megabytes)} MB`, cli.indicators.seconds <= 5],
  ['Lighthouse performance ≥ 95, accessibility = 100 (mobile)', lighthouse ? `${lighthouse.performance} / ${lighthouse.accessibility}` : 'not run', lighthouse !== null && lighthouse.performance >= 95 && lighthouse.accessibility === 100],
];

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const lines = [
  '# Benchmark results',
  '',
  `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}. Medians of ${RUNS} runs unless noted.`,
  `Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.versions.node}; Chromium ${chromiumVersion}.`,
  'Pages are served by `astro preview` on 127.0.0.1; timings include that server.',
  '',
  '## Budgets',
  '',
  '| budget | measured | |',
  '|---|---|---|',
  ...budgets.map(([b, m, ok]) => `| ${b} | ${m} | ${met(ok)} |`),
  '',
  '## Overview page weight (sample data)',
  '',
  '| kind | requests | raw | gzip |',
  '|---|---:|---:|---:|',
  ...[...w.byType].map(([type, t]) => `| ${type} | ${t.count} | ${kb(t.raw)} | ${kb(t.gzip)} |`),
  `| **all** | ${w.requests} | ${kb([...w.byType.values()].reduce((s, t) => s + t.raw, 0))} | ${kb(w.gzipTotal)} |`,
  '',
  `DuckDB-WASM bytes requested by the overview: ${w.duckdbBytes}.`,
  '',
  '## First chart: prerendered SVG vs drawn after DuckDB-WASM loads',
  '',
  '| page | time to first chart |',
  '|---|---:|',
  `| overview (SVG in the HTML) | ${ms(sample.prerendered)} |`,
  `| naive page (DuckDB-WASM → query → Plot) | ${ms(sample.naive)} |`,
  `| ratio | 1/${(1 / ratio).toFixed(1)} |`,
  '',
  '## Builds',
  '',
  'Pages are index.html files (every language); size is every file of the build, the DuckDB-WASM bundle included.',
  '',
  '| data | rows | build | pages | size |',
  '|---|---:|---:|---:|---:|',
  ...datasets.map((d) => {
    const b = builds[d.key]!;
    return `| ${d.name} | ${b.rows.toLocaleString('en-US')} | ${b.seconds.toFixed(1)} s | ${b.pages.toLocaleString('en-US')} | ${(b.bytes / 2 ** 20).toFixed(1)} MiB |`;
  }),
  '',
  '## SQL console (DuckDB-WASM attaching the build\'s database file read-only)',
  '',
  'Ready is counted from navigation. Steps: the page\'s scripts have run and the engine starts (`download`),',
  'the wasm is fetched, inflated and instantiated (`start`), the database opened (`data`), the file attached (`ready`).',
  '',
  '| data | rows | ready, cold | ready, warm | steps (cold, from navigation) | first visit transfers | yearly_indicators | GROUP BY fiscal_year, area |',
  '|---|---:|---:|---:|---|---:|---:|---:|',
  ...datasets.map((d) => {
    const c = consoleResults[d.key]!;
    const b = builds[d.key]!;
    const steps = ['download', 'start', 'data', 'ready'].map((k) => `${k} ${ms(c.steps[k] ?? NaN)}`).join(', ');
    return `| ${d.name} | ${b.rows.toLocaleString('en-US')} | ${ms(c.cold)} | ${ms(c.warm)} | ${steps} | ${kb(c.transfer)} | ${ms(c.queries.get(QUERIES.yearly)!)} | ${ms(c.queries.get(QUERIES.groupBy)!)} |`;
  }),
  '',
  `A 1,000,000-row result (sample site): shown after ${ms(bigResult.shownMs)} (the console's own count, fetching and drawing included), `
    + `longest main-thread task ${longTask(bigResult.shownTask)}; exported as CSV in ${ms(bigResult.csvMs)}, longest task ${longTask(bigResult.csvTask)}.`,
  `Largest built file: ${(largestFile / 2 ** 20).toFixed(1)} MiB.`,
  '',
  'Parquet is not measured in the browser: reading it makes DuckDB-WASM download its parquet',
  'extension from the network, which this offline, self-hosted site cannot do (see README).',
  '',
  '## Import: 100,000-row Shift_JIS file in the browser',
  '',
  `File ${kb(sample.imported.bytes)}; read, validated and cross-checked in a worker: ${ms(sample.imported.readMs)} `
    + `(${Math.round(sample.imported.rowsPerSecond).toLocaleString('en-US')} rows/s, median of ${Math.min(RUNS, 3)}); `
    + `longest main-thread task: ${longTask(sample.imported.longestTask)} (max over runs).`,
  '',
  '## A million rows',
  '',
  `Browser: a file of ${kb(sample.million.bytes)} read, validated and cross-checked in a worker in ${ms(sample.million.readMs)}; `
    + `the report drawn after ${ms(sample.million.reportMs)}; longest main-thread task: ${longTask(sample.million.longestTask)} (one run).`,
  `CLI: \`kouchin validate\` ${cli.validate.seconds.toFixed(1)} s, peak ${Math.round(cli.validate.megabytes)} MB; `
    + `\`kouchin indicators\` on the data directory with it added ${cli.indicators.seconds.toFixed(1)} s, peak ${Math.round(cli.indicators.megabytes)} MB `
    + `(${RUNS === 1 ? 'one run' : `medians of ${RUNS} runs`}).`,
  '',
  '## Lighthouse (overview, mobile emulation)',
  '',
  lighthouse ? `Performance ${lighthouse.performance}, accessibility ${lighthouse.accessibility}.` : 'Not run.',
  '',
];
mkdirSync(join(ROOT, 'bench'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results.md'), lines.join('\n'));
console.log(lines.join('\n'));
