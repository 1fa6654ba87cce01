// Every built page of every site (the data under test and each fixture plan) in Debian's
// Chromium: renders with JavaScript off and on, fits a 360 px phone, passes axe-core, and
// requests nothing but the site; every file fits a static host and every page has the CSP.
// On each site, downloads equal their tables, and on the data under test, permalinks,
// sortable tables, PNG downloads and printing work.
// Needs `npm run build` first (npm test does it); the fixture sites are built by build-sites.ts.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import Papa from 'papaparse';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFor, launchChromium, serveDist, type SiteServer } from '../../src/lib/node/chromium.ts';
import { contentSecurityPolicy } from '../../src/lib/csp.ts';
import type { Site } from '../../src/lib/node/site-data.ts';
import { defaultWageBandYears } from '../../src/lib/figures/wage-bands.ts';
import { wordsFor } from '../../src/lib/i18n/catalogue.ts';
import { ROOT, siteOf } from '../helpers.ts';
import { builtPages, chartTextProblems, inEveryLanguage, pagesToOpen, SITES, type BuiltSite } from './sites.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
const servers = new Map<string, SiteServer>();
const data = new Map<string, Site>();
let noJs: BrowserContext;
let withJs: BrowserContext;
beforeAll(async () => {
  browser = await launchChromium();
  noJs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
  withJs = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  for (const site of SITES) {
    servers.set(site.name, await serveDist(ROOT, site.outDir));
    data.set(site.name, await siteOf(site.paths));
  }
});
afterAll(async () => {
  await browser?.close();
  for (const server of servers.values()) await server.stop();
});

const url = (site: BuiltSite, path: string) => new URL(path, servers.get(site.name)!.url).href;

/** A table cell as the number it shows: 1,234円 → 1234, 34.9% → 34.9, −275 → -275, ±0 → 0, — → null. */
function shownNumber(text: string): number | null {
  const cleaned = text.trim().replace(/[,円¥%+±]/g, '').replace('−', '-');
  if (cleaned === '—' || cleaned === '') return null;
  const n = Number(cleaned);
  return Number.isNaN(n) ? NaN : n;
}

function parseCsv(bytes: Uint8Array): string[][] {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM, so Excel reads UTF-8
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3));
  return Papa.parse<string[]>(text.trimEnd(), { delimiter: ',' }).data;
}

describe.each(SITES)('site $name', (site) => {
  const pages = builtPages(site);

  it('deploys on a static host with a 25 MiB file limit, with a strict CSP on every page', () => {
    const root = join(ROOT, site.outDir);
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
    const files = walk(root);
    expect(files.filter((f) => statSync(f).size > 25 * 1024 * 1024).map((f) => relative(root, f))).toEqual([]);
    // The one DuckDB-WASM build the console uses ships, compressed; the others do not.
    expect(files.filter((f) => /duckdb-(mvp|coi|eh)\.wasm/.test(f)).map((f) => relative(root, f).replace(/(\.wasm)[.-][\w-]+\.gz$/, '$1.HASH.gz'))).toEqual(['_astro/duckdb-eh.wasm.HASH.gz']);
    const policy = contentSecurityPolicy({ wasm: false });
    for (const path of pages) {
      const html = readFileSync(join(root, path, 'index.html'), 'utf8');
      const head = html.slice(0, html.indexOf('</head>'));
      expect(head, path).toContain(`<meta http-equiv="Content-Security-Policy" content="${policy}">`);
      // Before anything it governs, and no inline script that it would have to allow.
      expect(head.indexOf('Content-Security-Policy'), path).toBeLessThan(head.search(/<script|<link|<style/));
      expect(html.match(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>/g), path).toBeNull();
      expect(html, path).not.toMatch(/\son[a-z]+=/);
    }
    expect(headersFor(join(root, '_headers'))['Content-Security-Policy']).toBe(`${contentSecurityPolicy({ wasm: true })}; frame-ancestors 'self'`);
  });

  it('has every page of its plan in every language, and no other', () => {
    const { plan, yearly, facilityYears } = data.get(site.name)!;
    const reportYears = yearly.filter((y) => y.basis === 'reports').map((y) => y.fiscal_year);
    // A page per year with facility rows; years from published totals alone have none. A map
    // page where plan.json names boundaries.
    const expected = inEveryLanguage([
      '', 'goal/', 'wage-bands/', 'opening-years/', 'activities/', 'areas/', ...plan.areas.map((a) => `areas/${a.slug}/`),
      ...(plan.map ? ['map/', 'map/facilities/', 'map/change/', 'map/at-goal/'] : []),
      // The facility explorer: an index, a list per municipality, a page per facility.
      ...(plan.publish_facilities ? ['facilities/', ...new Set([...Map.groupBy(facilityYears, (f) => f.office_no).values()].map((rows) => `facilities/in/${rows.at(-1)!.municipality_code}/`)), ...new Set(facilityYears.map((f) => `facilities/${f.office_no}/`))] : []),
      'years/', ...yearly.filter((y) => y.basis === 'reports').map((y) => `years/fy${y.fiscal_year}/`), 'query/', 'import/',
      // Wage-band moves: each earlier reported year with each later one.
      'band-moves/', ...reportYears.flatMap((from) => reportYears.filter((to) => to > from).map((to) => `band-moves/fy${from}-fy${to}/`)),
    ]);
    expect(pages).toEqual(expected.sort());
  });

  it('publishes the facilities’ reports as files only where the plan publishes facilities', () => {
    const { plan, yearly } = data.get(site.name)!;
    const root = join(ROOT, site.outDir);
    const listed = (JSON.parse(readFileSync(join(root, 'data', 'reports.json'), 'utf8')) as { files: string[] }).files;
    const reportYears = yearly.filter((y) => y.basis === 'reports').map((y) => `reports/fy${y.fiscal_year}.csv`);
    expect(listed).toEqual(plan.publish_facilities ? reportYears : []);
    expect(existsSync(join(root, 'data', 'reports')) ? readdirSync(join(root, 'data', 'reports')).map((f) => `reports/${f}`).sort() : []).toEqual([...listed].sort());
    // The console says why there is nothing to download; the import page why nothing is compared.
    for (const [path, marker] of [['query/', 'data-no-facility-rows'], ['import/', 'data-no-published-reports']]) {
      expect(readFileSync(join(root, path!, 'index.html'), 'utf8').includes(marker!), path).toBe(!plan.publish_facilities);
    }
  });

  // Pages are independent: several load at once in the one browser.
  describe.concurrent.each(pagesToOpen(pages))('/%s', (path) => {
    it('renders every chart with JavaScript off and fits 360 px without horizontal scrolling', async () => {
      const page = await noJs.newPage();
      const response = await page.goto(url(site, path));
      expect(response?.status()).toBe(200);
      await expect(page.locator('h1').count()).resolves.toBe(1);
      const figures = await page.locator('figure.chart').evaluateAll((els) =>
        els.map((f) => [...f.querySelectorAll('.chart-svg > div > svg')].filter((s) => s.getBoundingClientRect().width > 0).length));
      for (const visible of figures) expect(visible).toBeGreaterThan(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(await chartTextProblems(page)).toEqual([]);
      await page.close();
    });

    it('has no axe-core violations, no script errors and requests nothing but the site', async () => {
      const page = await withJs.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // The Content-Security-Policy (meta and header) blocks nothing the page itself needs.
      page.on('console', (m) => m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text()) && errors.push(m.text()));
      page.on('request', (r) => requests.push(r.url()));
      // Pages with scripts that fetch (console, import, year picker) settle when the network does.
      await page.goto(url(site, path), { waitUntil: /(query|import|wage-bands)\/$/.test(path) ? 'networkidle' : 'load' });
      // Evaluated by the test, not added as an inline <script> (which the page's CSP refuses).
      await page.evaluate(AXE_SOURCE);
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run();
        return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
      expect(violations).toEqual([]);
      expect(errors).toEqual([]);
      // At 1280 px, as at 360 px above: every chart label whole and clear of the others.
      expect(await chartTextProblems(page)).toEqual([]);
      // Only the SQL console may load DuckDB-WASM; no page requests anything from elsewhere.
      const mayLoadDuckDb = path.endsWith('query/');
      const own = servers.get(site.name)!.url;
      expect(requests.filter((r) => !r.startsWith(own) || (!mayLoadDuckDb && /duckdb|\.wasm/.test(r)))).toEqual([]);
      await page.close();
    });
  });

  it.each(['wage-bands/', 'areas/', 'en/years/', 'activities/', 'goal/', ''])('makes each CSV download of /%s hold exactly the numbers of its table', async (path) => {
    const { yearly } = data.get(site.name)!;
    const target = path === 'en/years/' ? `en/years/fy${yearly.filter((y) => y.basis === 'reports').at(-1)!.fiscal_year}/` : path;
    const page = await noJs.newPage();
    await page.goto(url(site, target));
    const figures = await page.locator('figure.chart').evaluateAll((els) =>
      els.map((f) => ({
        csv: f.querySelector<HTMLAnchorElement>('a[download$=".csv"]')!.href,
        svg: f.querySelector<HTMLAnchorElement>('a[download$=".svg"]')!.href,
        rows: [...f.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent ?? '')),
        headers: [...f.querySelectorAll('thead th')].map((th) => th.textContent ?? ''),
        title: f.querySelector('.chart-title')!.firstChild!.textContent!.trim(),
        legend: [...f.querySelectorAll('.legend li')].map((li) => li.textContent!.trim()),
        // Its own notes, or the page's notes for all its figures.
        source: [...f.querySelectorAll('.chart-notes li'), ...document.querySelectorAll('.page-notes li')].map((li) => li.textContent!.trim()).find((t) => /^(出典|Source)/.test(t)),
      })));
    expect(figures.length).toBeGreaterThan(0);
    // A note the page gives for all its figures is written there once, under none of them.
    const notes = await page.evaluate(() => ({
      page: [...document.querySelectorAll('.page-notes li')].map((li) => li.textContent!.trim()),
      figures: [...document.querySelectorAll('.chart-notes li')].map((li) => li.textContent!.trim()),
    }));
    if (figures.length > 1) expect(notes.page.length).toBeGreaterThan(0);
    expect(notes.figures.filter((n) => notes.page.includes(n))).toEqual([]);
    for (const figure of figures) {
      const [fullHeader, ...fullRows] = parseCsv(new Uint8Array(await (await fetch(figure.csv)).arrayBuffer()));
      // Key columns come first, only in the CSV: the year of the row's label as a number, a municipality's code.
      const keys = fullHeader!.findIndex((h) => h !== 'fiscal_year' && h !== 'municipality_code');
      const header = fullHeader!.slice(keys);
      const rows = fullRows.map((row) => row.slice(keys));
      fullRows.forEach((row, r) => fullHeader!.slice(0, keys).forEach((key, k) => {
        if (key === 'fiscal_year') expect(figure.rows[r]![0], `${figure.csv}: row ${r + 1}`).toContain(row[k]!);
        else expect(row[k]).toMatch(/^\d{5}$/);
      }));
      expect(header).toHaveLength(figure.headers.length);
      expect(rows).toHaveLength(figure.rows.length);
      rows.forEach((row, r) => row.forEach((cell, c) => {
        const shown = figure.rows[r]![c]!;
        const number = shownNumber(shown);
        if (number === null) expect(cell).toBe('');
        else if (Number.isNaN(number)) expect(cell).toBe(shown);
        else expect(Number(cell)).toBe(number);
      }));
      const svg = await fetch(figure.svg);
      expect(svg.headers.get('content-type')).toContain('image/svg');
      // A standalone file that says what it shows: title, legend and source with the chart.
      const svgText = (await svg.text()).replace(/&amp;/g, '&');
      expect(svgText).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(svgText).toContain(figure.title);
      for (const item of figure.legend) expect(svgText).toContain(`>${item}</text>`);
      expect(figure.source).toBeDefined();
      expect(svgText.replace(/<\/text><text[^>]*>/g, '').replace(/\s+/g, '')).toContain(figure.source!.replace(/\s+/g, ''));
    }
    await page.close();
  });
});

describe('on the data under test', () => {
  const site = SITES[0]!;
  const of = () => data.get(site.name)!;

  it('says in words that a table scrolls sideways, on a phone while more of it lies to the right, and not on a wide screen', async () => {
    const hint = (page: Awaited<ReturnType<BrowserContext['newPage']>>) => page.evaluate(() => {
      const line = document.querySelector('.targets .scroll-hint')!;
      return getComputedStyle(line).display === 'none' ? null : getComputedStyle(line, '::after').content;
    });
    const phone = await noJs.newPage();
    await phone.goto(url(site, 'goal/'));
    await expect(hint(phone)).resolves.toBe(JSON.stringify(wordsFor('ja').t('table.scroll_hint')));
    // Scrolled to its end, nothing more lies to the right.
    await phone.locator('.targets .table-scroll').evaluate((box) => box.scrollTo({ left: box.scrollWidth }));
    await expect.poll(() => hint(phone)).toBeNull();
    await phone.close();
    const wide = await withJs.newPage();
    await wide.goto(url(site, 'en/goal/'));
    await expect(hint(wide)).resolves.toBeNull();
    await wide.close();
  });

  it('reopens an area page with only its municipalities, the area marked as current', async () => {
    const { plan } = of();
    const area = plan.areas.find((a) => of().municipalityRows.some((m) => m.area === a.name && m.fiscal_year === of().yearly.at(-1)!.fiscal_year))!;
    const page = await noJs.newPage();
    await page.goto(url(site, `areas/${area.slug}/`));
    const areas = await page.locator('figure.chart tbody tr td:nth-child(2)').allTextContents();
    expect(areas.length).toBeGreaterThan(0);
    expect(new Set(areas)).toEqual(new Set([area.ja]));
    await expect(page.locator('a[aria-current="page"]', { hasText: area.ja }).count()).resolves.toBe(1);
    await page.close();
  });

  it('reopens a wage-band permalink with the chosen years: chart, table and CSV follow', async () => {
    const { yearly, wageBands, plan } = of();
    const all = yearly.filter((y) => y.basis === 'reports').map((y) => y.fiscal_year);
    // The first, middle and last years: never the default choice, unless there is only one year.
    const chosen = [...new Set([all[0]!, all[Math.floor(all.length / 2)]!, all.at(-1)!])];
    if (chosen.join() === defaultWageBandYears(of()).join()) chosen.pop();
    const page = await withJs.newPage();
    await page.goto(url(site, `en/wage-bands/?${chosen.map((y) => `years=${y}`).join('&')}`));
    await page.waitForSelector(`#wage-bands[data-years="${chosen.join(',')}"]`);
    await expect(page.locator('#wage-bands h2').textContent()).resolves.toContain(chosen.map((y) => `FY${y}`).join(', '));
    const checked = await page.locator('input[name="years"]:checked').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value));
    expect(checked).toEqual(chosen.map(String));
    const headers = await page.locator('#wage-bands thead th').allTextContents();
    expect(headers).toEqual(['Average monthly wage', ...chosen.flatMap((y) => [`FY${y} Facilities`, `FY${y} Share`])]);
    // The first year's facilities with an average are spread over the bands.
    const first = await page.locator('#wage-bands tbody tr > :nth-child(2)').allTextContents();
    const expected = wageBands.filter((b) => b.fiscal_year === chosen[0]).map((b) => b.facilities);
    expect(first.map((t) => Number(t.replace(/,/g, '')))).toEqual(expected);
    const csv = await page.evaluate(async () => new Uint8Array(await (await fetch(document.querySelector<HTMLAnchorElement>('#wage-bands a[download$=".csv"]')!.href)).arrayBuffer()));
    const [header, ...rows] = parseCsv(new Uint8Array(Object.values(csv)));
    expect(header).toHaveLength(headers.length);
    expect(rows.map((r) => Number(r[1]))).toEqual(expected);
    const bars = await page.locator('#wage-bands .wide svg[role="img"] rect').count();
    expect(bars).toBeGreaterThanOrEqual(plan.wage_bands.length * chosen.length); // a bar per band and year, empty ones too
    // Ticked and left without showing: Back and Forward bring the boxes back to the URL's years.
    await page.locator(`input[name="years"][value="${all.find((y) => !chosen.includes(y)) ?? chosen[0]}"]`).click();
    await page.goto(url(site, 'en/'));
    await page.goBack();
    await page.waitForSelector(`#wage-bands[data-years="${chosen.join(',')}"]`);
    expect(await page.locator('input[name="years"]:checked').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value))).toEqual(chosen.map(String));
    await page.close();
  });

  it('says which years of a wage-band link are not reported, and shows the rest', async () => {
    const all = of().yearly.filter((y) => y.basis === 'reports').map((y) => y.fiscal_year);
    const page = await withJs.newPage();
    await page.goto(url(site, `wage-bands/?years=${all[0]}&years=1899&years=abc`));
    await page.waitForSelector(`#wage-bands[data-years="${all[0]}"]`);
    await expect(page.locator('[data-years-notice]').textContent()).resolves.toBe('リンクの年度のうち、報告のない 1899・abc を除いて表示しています。');
    // Nothing usable: the default years, and the notice says so.
    await page.goto(url(site, 'en/wage-bands/?years=2'));
    await expect(page.locator('[data-years-notice]').textContent()).resolves.toBe('No year in the link has reports (2); the default years are shown.');
    const defaults = defaultWageBandYears(of()).map(String);
    expect(await page.locator('input[name="years"]:checked').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value))).toEqual(defaults);
    // A plain page says nothing.
    await page.goto(url(site, 'en/wage-bands/'));
    expect(await page.locator('[data-years-notice]').isHidden()).toBe(true);
    await page.close();
  });

  it('opens a year permalink with a chart anchor at that chart', async () => {
    const fy = of().yearly.find((y) => y.basis === 'reports')!.fiscal_year;
    const page = await withJs.newPage();
    await page.goto(url(site, `en/years/fy${fy}/#fy${fy}-wage-bands`));
    await expect(page.locator('h1').textContent()).resolves.toContain(`FY${fy}`);
    const top = await page.locator(`#fy${fy}-wage-bands`).evaluate((el) => el.getBoundingClientRect().top);
    expect(Math.abs(top)).toBeLessThan(5);
    await page.close();
  });

  it('folds the menu under a toggle on phones, and lists the staff tools apart from the published pages', async () => {
    const page = await withJs.newPage();
    await page.goto(url(site, ''));
    // Desktop: one row of published pages, then SQL and import under "担当者向け".
    await expect(page.locator('.nav-wide ul.public a').allInnerTexts()).resolves.not.toContain('SQL');
    await expect(page.locator('.nav-wide ul.staff a').allInnerTexts()).resolves.toEqual(['SQL', 'データ取込']);
    await expect(page.locator('.nav-narrow').isVisible()).resolves.toBe(false);
    // Phone: the menu is closed until its toggle is pressed.
    await page.setViewportSize({ width: 360, height: 800 });
    await expect(page.locator('.nav-wide').isVisible()).resolves.toBe(false);
    const goal = page.locator('.nav-narrow ul.public a', { hasText: '目標の達成状況' });
    await expect(goal.isVisible()).resolves.toBe(false);
    await page.locator('.nav-narrow summary').click();
    await expect(goal.isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('prints every number: each figure’s table open and within an A4 page’s width', async () => {
    // A4 less 1 cm margins is about 718 CSS pixels wide.
    const page = await withJs.newPage();
    await page.setViewportSize({ width: 718, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    for (const path of ['', 'opening-years/']) {
      await page.goto(url(site, path));
      const cells = await page.locator('main td').evaluateAll((tds) => tds.map((td) => ({
        text: td.textContent, visible: td.checkVisibility(), right: td.getBoundingClientRect().right,
      })));
      expect(cells.length).toBeGreaterThan(20);
      for (const cell of cells) {
        expect(cell.visible, `${path}: cell "${cell.text}" is not printed`).toBe(true);
        expect(cell.right, `${path}: cell "${cell.text}" runs off the page`).toBeLessThanOrEqual(718);
      }
    }
    await page.close();
  });

  it('sorts the municipality table by a column', async () => {
    const page = await withJs.newPage();
    await page.goto(url(site, 'en/areas/'));
    const table = page.locator('#municipalities table');
    const column = await table.locator('thead th').evaluateAll((ths) => ths.findIndex((th) => th.textContent?.startsWith('Facilities')));
    await table.locator('thead th').nth(column).locator('button').click();
    const values = (await table.locator(`tbody tr > :nth-child(${column + 1})`).allTextContents()).map((t) => Number(t.replace(/,/g, '')));
    expect(values).toEqual([...values].sort((a, b) => a - b));
    await expect(table.locator('thead th').nth(column).getAttribute('aria-sort')).resolves.toBe('ascending');
    await table.locator('thead th').nth(column).locator('button').click();
    const descending = (await table.locator(`tbody tr > :nth-child(${column + 1})`).allTextContents()).map((t) => Number(t.replace(/,/g, '')));
    expect(descending).toEqual([...values].reverse().sort((a, b) => b - a));
    await page.close();
  });

  it.each([['wage-bands/', 'wage-bands'], ['map/', 'municipality-map']])('downloads a chart of /%s as PNG (%s)', async (path, id) => {
    if (id === 'municipality-map' && !of().geo) return; // a data directory without boundaries has no map
    const page = await withJs.newPage();
    await page.goto(url(site, path));
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`button[data-png="${id}"]`).click()]);
    expect(download.suggestedFilename()).toBe(`${id}.png`);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.length).toBeGreaterThan(5_000);
    await page.close();
  });
});
