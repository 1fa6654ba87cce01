// The built sites the browser tests open: dist/ (the data directory under test, built by
// `npm test`) and one site per fixture plan, built into .cache/sites/ by build-sites.ts.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LOCALES, LOCALE_SPECS } from '../../src/lib/i18n/locales.ts';
import type { Page } from 'playwright-core';
import type { ProjectPaths } from '../../src/lib/node/project.ts';
import { DATA_PATHS, FIXTURES, fixtureDir, fixturePaths, ROOT } from '../helpers.ts';

export interface BuiltSite {
  name: string;
  /** Build output, relative to the project root. */
  outDir: string;
  paths: ProjectPaths;
}

export const SITES: BuiltSite[] = [
  { name: 'data', outDir: 'dist', paths: DATA_PATHS },
  ...FIXTURES.map((name) => ({ name, outDir: join('.cache', 'sites', name), paths: fixturePaths(name) })),
];

/** Builds a fixture plan's site, as the build of any prefecture's data directory would be. */
export function buildFixtureSite(name: (typeof FIXTURES)[number]): void {
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', join('.cache', 'sites', name)], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, KOUCHIN_DATA: fixtureDir(name), ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`building the ${name} fixture site failed:\n${result.stderr}\n${result.stdout}`);
}

/** Every page of a built site, as a path below its root ('' for the overview). */
export function builtPages(site: BuiltSite): string[] {
  const root = join(ROOT, site.outDir);
  if (!existsSync(root)) throw new Error(`${site.outDir} is missing: run "npm run build" first`);
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return name === 'index.html' ? [`${relative(root, dir)}/`.replace(/^\/$/, '')] : [];
  });
  return walk(root).filter((p) => !p.startsWith('bench/')).sort();
}

/** Every page's path in every language, e.g. `goal/` and `en/goal/`. */
export const inEveryLanguage = (paths: string[]) => LOCALES.flatMap((l) => paths.map((p) => `${LOCALE_SPECS[l].pathPrefix}${p}`));

/**
 * The pages opened in a browser: every page, but of the many pages of one template (a page
 * per facility, a list per municipality, a pair of years' wage-band moves) only the first and
 * the last of each kind in each language, so the suite stays minutes long at any scale. Checks that
 * read files (CSP, names) still read them all.
 */
export function pagesToOpen(pages: string[]): string[] {
  const kind = (p: string) => /^((?:[a-z]{2}\/)?(?:facilities\/(?:in\/)?|band-moves\/))[^/]+\/$/.exec(p)?.[1];
  const groups = Map.groupBy(pages.filter((p) => kind(p) !== undefined), (p) => kind(p)!);
  const kept = new Set([...groups.values()].flatMap((g) => [g[0]!, g.at(-1)!]));
  return pages.filter((p) => kind(p) === undefined || kept.has(p));
}

/**
 * Chart text a reader cannot read: a label (tick, value, legend, note) of a shown chart that
 * reaches outside its SVG, where the box clips it, or that overlaps another label of the same
 * chart. Measured in the browser, as drawn, so it holds for every font and width.
 */
export function chartTextProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const svg of document.querySelectorAll<SVGSVGElement>('.chart-svg svg')) {
      const box = svg.getBoundingClientRect();
      if (box.width === 0) continue;
      const chart = svg.closest('figure')?.id ?? '?';
      const texts = [...svg.querySelectorAll('text')].filter((t) => (t.textContent ?? '').trim() !== '')
        .map((t) => ({ text: (t.textContent ?? '').trim(), r: t.getBoundingClientRect() }));
      // A pixel of slack: glyph boxes include side bearings.
      for (const { text, r } of texts) {
        if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) problems.push(`${chart}: "${text}" outside the chart`);
      }
      texts.forEach((a, i) => texts.slice(i + 1).forEach((b) => {
        const across = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const down = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (across > 1 && down > 2) problems.push(`${chart}: "${a.text}" overlaps "${b.text}"`);
      }));
    }
    return problems;
  });
}
