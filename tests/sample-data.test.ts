// The committed sample CSVs are exactly what the seeded generator writes.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PATHS, ROOT } from './helpers.ts';

const out = mkdtempSync(join(tmpdir(), 'kouchin-sample-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('generate-sample-data', () => {
  it('regenerates data/reports byte for byte from its default seed', () => {
    execFileSync(process.execPath, [join(ROOT, 'scripts/generate-sample-data.ts'), '--out', out], { stdio: 'pipe' });
    const committed = readdirSync(PATHS.reportsDir).sort();
    expect(readdirSync(out).sort()).toEqual(committed);
    for (const file of committed) {
      expect(readFileSync(join(out, file), 'utf8'), file).toBe(readFileSync(join(PATHS.reportsDir, file), 'utf8'));
    }
  });

  it('writes a different panel for another seed', () => {
    const other = join(out, 'other');
    execFileSync(process.execPath, [join(ROOT, 'scripts/generate-sample-data.ts'), '--out', other, '--seed', '7'], { stdio: 'pipe' });
    expect(readFileSync(join(other, 'fy2019.csv'), 'utf8')).not.toBe(readFileSync(join(PATHS.reportsDir, 'fy2019.csv'), 'utf8'));
  });
});
