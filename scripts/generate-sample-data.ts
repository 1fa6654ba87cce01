#!/usr/bin/env node
// Writes the sample facility panel of a data directory: reports/fyYYYY.csv for the years of
// its calibration.json, matched exactly to the targets there (src/lib/sample-panel.ts).
//
//   node scripts/generate-sample-data.ts [--data DIR] [--out DIR] [--seed N] [--scale 1|10|national]
//
// DIR is the data directory (KOUCHIN_DATA or data/ by default); --out defaults to DIR/reports.
// --scale multiplies facilities and totals (published figures then no longer match): 10 gives
// ten times the sample; national about 16,000 facilities a year over every fiscal year of the
// calibration, for benchmarks (write it outside the repository).

import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'astro/zod';
import { DataError } from '../src/lib/data-error.ts';
import { loadDataDirectory, projectPaths, readText } from '../src/lib/node/project.ts';
import { reportsToCanonicalCsv } from '../src/lib/reader/canonical-csv.ts';
import { calibrationSchema, generatePanel, scaledYears } from '../src/lib/sample-panel.ts';

/** About how many B型 facilities report nationally in a year. */
const NATIONAL_FACILITIES = 16_000;

function main() {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      scale: { type: 'string', default: '1' },
    },
  });
  const paths = projectPaths(resolve(import.meta.dirname, '..'), values.data);
  const { plan, municipalities } = loadDataDirectory(paths);
  const calibrationPath = join(paths.dataDir, 'calibration.json');
  const parsed = calibrationSchema.safeParse(JSON.parse(readText(calibrationPath)));
  if (!parsed.success) throw new DataError(`${calibrationPath}:\n${z.prettifyError(parsed.error)}`);
  const calibration = parsed.data;
  const national = values.scale === 'national';
  const latest = calibration.years[calibration.years.length - 1]!;
  const factor = national ? NATIONAL_FACILITIES / latest.facilities : Number(values.scale);
  if (!(factor >= 1)) throw new Error(`--scale must be 1 or more, or national (got ${values.scale})`);
  const out = resolve(values.out ?? paths.reportsDir);
  mkdirSync(out, { recursive: true });
  const panel = generatePanel({
    seed: values.seed === undefined ? calibration.seed : Number(values.seed),
    municipalities,
    years: scaledYears(calibration.years, factor, national),
    prefectureCode: plan.prefecture.code,
    firstOpenedFiscalYear: calibration.first_opened_fiscal_year,
    municipalityWeights: calibration.municipality_weights,
  });
  for (const [fy, rows] of panel) {
    const path = join(out, `fy${fy}.csv`);
    writeFileSync(path, reportsToCanonicalCsv(rows));
    console.log(`${path}: ${rows.length} facilities`);
  }
}

try {
  main();
} catch (e) {
  if (!(e instanceof DataError)) throw e;
  console.error(e.message);
  process.exitCode = 1;
}
