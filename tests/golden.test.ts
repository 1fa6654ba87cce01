// Golden files: every figure's CSV download for the 鳥取県 fixture (4 facilities, FY2022–FY2023;
// tests/fixtures/plans/tottori), in every language. Each expected file in tests/golden/ was
// checked by hand against the fixture's reports; a missing one is written, and a mismatch is
// written beside it as NAME-changed for a look before it replaces the expected file.

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sitePages } from '../src/lib/figures/site-pages.ts';
import { figureCsv } from '../src/lib/figures/types.ts';
import { wordsFor } from '../src/lib/i18n/catalogue.ts';
import { LOCALES } from '../src/lib/i18n/locales.ts';
import type { Site } from '../src/lib/node/site-data.ts';
import { fixturePaths, ROOT, siteOf } from './helpers.ts';

const GOLDEN = join(ROOT, 'tests', 'golden', 'tottori');

let site: Site;
beforeAll(async () => {
  site = await siteOf(fixturePaths('tottori'));
});

function golden(path: string, actual: string) {
  const changed = `${path}-changed`;
  rmSync(changed, { force: true });
  if (!existsSync(path)) {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  const expected = readFileSync(path, 'utf8');
  if (actual !== expected) writeFileSync(changed, actual);
  expect(actual, `${path} differs: see ${changed}`).toBe(expected);
}

describe.each(LOCALES)('figure CSVs (%s)', (locale) => {
  it('equal the golden files, one per figure of every page', () => {
    const words = wordsFor(locale);
    const figures = sitePages(site).flatMap((page) => page.figures(words));
    expect(figures.length).toBeGreaterThan(10);
    for (const figure of figures) golden(join(GOLDEN, locale, `${figure.id}.csv`), figureCsv(figure, words));
  });
});
